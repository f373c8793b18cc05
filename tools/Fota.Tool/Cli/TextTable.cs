using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Fota.Tool
{
    /// <summary>Rows printed in aligned columns under a header, for the <c>list</c> commands.</summary>
    public sealed class TextTable
    {
        private readonly List<string[]> rows = new List<string[]>();

        /// <summary>Starts a table with its column titles.</summary>
        public TextTable(params string[] header)
        {
            rows.Add(header);
        }

        /// <summary>Adds a row; <c>null</c> cells print as <c>-</c>.</summary>
        public void Add(params string[] cells)
        {
            rows.Add(cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c).ToArray());
        }

        /// <summary>Writes the table, or <paramref name="whenEmpty"/> when it has no rows.</summary>
        public void WriteTo(TextWriter output, string whenEmpty)
        {
            if (rows.Count == 1)
            {
                output.WriteLine(whenEmpty);
                return;
            }

            int[] widths = new int[rows[0].Length];
            foreach (string[] row in rows)
            {
                for (int i = 0; i < row.Length; i++)
                {
                    widths[i] = Math.Max(widths[i], row[i].Length);
                }
            }

            foreach (string[] row in rows)
            {
                output.WriteLine(string.Join("  ", row.Select((cell, i) => i == row.Length - 1 ? cell : cell.PadRight(widths[i]))));
            }
        }
    }
}
