using System.Collections.Generic;
using System.IO;
using System.Linq;
using Spectre.Console;

namespace Fota.Tool
{
    /// <summary>
    /// Rows under column titles, for the <c>list</c> commands. On a terminal a Spectre.Console table that fits the
    /// window; otherwise plain columns two spaces apart without trailing blanks, so scripts can cut and grep.
    /// </summary>
    public sealed class ListTable
    {
        private readonly string[] header;
        private readonly List<string[]> rows = new List<string[]>();

        /// <summary>Starts a table with its column titles.</summary>
        public ListTable(params string[] header)
        {
            this.header = header;
        }

        /// <summary>Adds a row; empty or <c>null</c> cells print as <c>-</c>.</summary>
        public void Add(params string[] cells)
        {
            rows.Add(cells.Select(c => string.IsNullOrEmpty(c) ? "-" : c).ToArray());
        }

        /// <summary>Writes the table, or <paramref name="whenEmpty"/> when it has no rows.</summary>
        public void WriteTo(TextWriter output, string whenEmpty)
        {
            if (rows.Count == 0)
            {
                output.WriteLine(whenEmpty);
                return;
            }

            bool terminal = Terminal.IsTerminal(output);
            var table = new Table();
            if (terminal)
            {
                table.Border(TableBorder.Rounded);
            }
            else
            {
                table.Border(TableBorder.None);
            }

            for (int i = 0; i < header.Length; i++)
            {
                // Text, not markup: names and keys are shown as they are, brackets included.
                var column = new TableColumn(new Text(header[i], terminal ? new Style(decoration: Decoration.Bold) : Style.Plain));
                if (!terminal)
                {
                    column.PadLeft(0).PadRight(i == header.Length - 1 ? 0 : 2);
                }

                table.AddColumn(column);
            }

            foreach (string[] row in rows)
            {
                table.AddRow(row.Select(cell => (Spectre.Console.Rendering.IRenderable)new Text(cell)).ToArray());
            }

            if (terminal)
            {
                Terminal.For(output).Write(table);
                return;
            }

            var text = new StringWriter();
            Terminal.Plain(text).Write(table);
            foreach (string line in text.ToString().Split('\n'))
            {
                if (line.Trim().Length > 0)
                {
                    output.WriteLine(line.TrimEnd());
                }
            }
        }
    }
}
