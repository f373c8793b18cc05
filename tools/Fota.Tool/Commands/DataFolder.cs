using System.CommandLine;
using System.IO;
using Fota.Server;

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
