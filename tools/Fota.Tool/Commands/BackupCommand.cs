using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota backup --out DIR</c>: a consistent copy of the data folder, also while <c>fota serve</c> runs.</summary>
    public static class BackupCommand
    {
        /// <summary>Copies fota.db (one snapshot) and the firmware files it names into a new folder.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            var arguments = new Arguments(args, 1, "backup", new[] { DataFolder.Option, "out" });
            arguments.ExpectPositionals(0, "backup", "nothing more");
            string target = arguments.Require("out", "backup");
            int files = DataFolder.Open(arguments, create: false).Backup(target);
            output.WriteLine("Backed up fota.db and " + files + " firmware file(s) to " + Path.GetFullPath(target)
                + "; to restore, stop the server and use that folder as --data.");
            return ExitCodes.Ok;
        }
    }
}
