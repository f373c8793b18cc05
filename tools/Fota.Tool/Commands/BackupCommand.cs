using System.CommandLine;
using System.IO;

namespace Fota.Tool
{
    /// <summary><c>fota backup --out DIR</c>: a consistent copy of the data folder, also while <c>fota serve</c> runs.</summary>
    public static class BackupCommand
    {
        /// <summary>The <c>backup</c> command.</summary>
        public static Command Create()
        {
            Option<string> target = OptionRules.Text("--out", "DIR", "a new or empty folder for the copy", required: true);
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("backup", "copy fota.db (one consistent snapshot) and the firmware files into a new folder, "
                + "also while serve runs; restore: stop the server and use DIR as --data")
            {
                target, data,
            };
            command.SetAction(DataFolder.Guard(result =>
            {
                string folder = result.GetValue(target);
                int files = DataFolder.Open(result.GetValue(data), create: false).Backup(folder);
                result.InvocationConfiguration.Output.WriteLine("Backed up fota.db and " + files + " firmware file(s) to "
                    + Path.GetFullPath(folder) + "; to restore, stop the server and use that folder as --data.");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}
