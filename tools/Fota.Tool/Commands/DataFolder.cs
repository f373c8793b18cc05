using System;
using System.CommandLine;
using System.IO;
using Fota.Server;
using Microsoft.Data.Sqlite;

namespace Fota.Tool
{
    /// <summary>The <c>--data</c> folder shared by <c>serve</c> and the administration commands.</summary>
    public static class DataFolder
    {
        /// <summary>Used when <c>--data</c> is not given.</summary>
        public const string Default = "fota-data";

        /// <summary>A new <c>--data DIR</c> option for one command.</summary>
        public static Option<string> CreateOption()
        {
            return new Option<string>("--data")
            {
                Description = "the server's data folder (fota.db and firmware/)",
                HelpName = "DIR",
                DefaultValueFactory = _ => Default,
            };
        }

        /// <summary>
        /// Wraps the action of a command that works on the catalogue: a refusal of the catalogue (unknown project,
        /// duplicate version…) or a database error is one <c>fota: …</c> line on stderr and exit status 1. Kept out of
        /// the command line's own error handling so that commands without a catalogue never load its assemblies.
        /// </summary>
        public static Func<ParseResult, int> Guard(Func<ParseResult, int> action)
        {
            return result =>
            {
                try
                {
                    return action(result);
                }
                catch (Exception e) when (e is FotaCatalogException || e is SqliteException)
                {
                    result.InvocationConfiguration.Error.WriteLine("fota: " + e.Message);
                    return ExitCodes.Failed;
                }
            };
        }

        /// <summary>
        /// Opens the catalogue in <paramref name="folder"/>. Only commands that create something may create the
        /// folder, so a mistyped <c>--data</c> on a list command says so instead of leaving an empty folder behind.
        /// </summary>
        /// <exception cref="FotaCatalogException">When <paramref name="create"/> is false and there is no fota.db.</exception>
        public static FotaCatalog Open(string folder, bool create)
        {
            if (!create && !File.Exists(Path.Combine(folder, "fota.db")))
            {
                throw new FotaCatalogException("No server data in '" + Path.GetFullPath(folder)
                    + "' (no fota.db). Create a project first, or pass --data DIR.");
            }

            return FotaCatalog.Open(folder);
        }
    }
}
