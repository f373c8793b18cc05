using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary>The <c>--data</c> folder shared by <c>serve</c> and the administration commands.</summary>
    public static class DataFolder
    {
        /// <summary>The option's name.</summary>
        public const string Option = "data";

        /// <summary>Used when <c>--data</c> is not given.</summary>
        public const string Default = "fota-data";

        /// <summary>The folder named by <c>--data</c>, or the default.</summary>
        public static string Of(Arguments arguments)
        {
            return arguments.Get(Option, Default);
        }

        /// <summary>
        /// Opens the catalogue. Only commands that create something may create the folder, so a mistyped
        /// <c>--data</c> on a list command says so instead of leaving an empty folder behind.
        /// </summary>
        /// <exception cref="FotaCatalogException">When <paramref name="create"/> is false and there is no fota.db.</exception>
        public static FotaCatalog Open(Arguments arguments, bool create)
        {
            string folder = Of(arguments);
            if (!create && !File.Exists(Path.Combine(folder, "fota.db")))
            {
                throw new FotaCatalogException("No server data in '" + Path.GetFullPath(folder)
                    + "' (no fota.db). Create a project first, or pass --data DIR.");
            }

            return FotaCatalog.Open(folder);
        }
    }
}
