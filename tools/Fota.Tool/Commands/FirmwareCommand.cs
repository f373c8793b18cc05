using System.CommandLine;
using System.Globalization;
using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota firmware add | ready | list</c>.</summary>
    public static class FirmwareCommand
    {
        /// <summary>The <c>firmware</c> command and its subcommands.</summary>
        public static Command Create()
        {
            return new Command("firmware", "upload firmware to a project and list it") { Add(), Ready(), List() };
        }

        private static Command Add()
        {
            Option<string> key = OptionRules.Text("--project-key", "KEY", "the project's key (fota project list)", required: true);
            Option<string> name = OptionRules.Text("--name", "FIRMWARE_NAME", "the firmware name devices send (not the file's name)", required: true);
            Option<string> version = OptionRules.Text("--version", "A.B.C", "the version devices older than it are offered", required: true);
            Option<string> file = OptionRules.Text("--file", "PATH", "the firmware image to copy in", required: true);
            Option<bool> pending = OptionRules.Flag("--pending", "answer 'please wait' (code 43) until 'fota firmware ready'");
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("add", "upload a firmware or a signed package (its signed name and version must be these): copy the file in, record its length and SHA-256")
            {
                key, name, version, file, pending, data,
            };
            command.SetAction(DataFolder.Guard(result =>
            {
                FirmwareInfo info = DataFolder.Open(result.GetValue(data), create: false).AddFirmware(result.GetValue(key),
                    result.GetValue(name), result.GetValue(version), result.GetValue(file), result.GetValue(pending));
                TextWriter output = result.InvocationConfiguration.Output;
                output.WriteLine("Added firmware #" + info.Id + " '" + info.Name + "' " + info.Version + " to "
                    + info.Account + "/" + info.Project + ": " + info.Length + " bytes, sha256 " + info.Sha256 + ".");
                if (PackageFile.StartsWithMagic(result.GetValue(file)))
                {
                    output.WriteLine("Signed package: served unchanged; devices holding the public key of key id "
                        + System.Convert.ToHexStringLower(PackageFile.Read(result.GetValue(file)).Header.KeyId) + " verify it.");
                }

                if (info.Pending)
                {
                    output.WriteLine("Pending: devices that would get it are told to wait (code 43) until 'fota firmware ready --id " + info.Id + "'.");
                }

                return ExitCodes.Ok;
            }));
            return command;
        }

        private static Command Ready()
        {
            Option<long> id = OptionRules.RequiredNumber("--id", "N", "the firmware's number (fota firmware list)", 1, long.MaxValue);
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("ready", "end the 'being prepared' state of a pending firmware: devices get it now") { id, data };
            command.SetAction(DataFolder.Guard(result =>
            {
                FirmwareInfo info = DataFolder.Open(result.GetValue(data), create: false).MarkFirmwareReady(result.GetValue(id));
                result.InvocationConfiguration.Output.WriteLine("Firmware #" + info.Id + " '" + info.Name + "' " + info.Version
                    + " is ready: devices get it now.");
                return ExitCodes.Ok;
            }));
            return command;
        }

        private static Command List()
        {
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("list", "uploaded firmware with numbers, sizes, state and SHA-256") { data };
            command.SetAction(DataFolder.Guard(result =>
            {
                var table = new ListTable("ID", "ACCOUNT", "PROJECT", "NAME", "VERSION", "BYTES", "STATE", "SHA256");
                foreach (FirmwareInfo f in DataFolder.Open(result.GetValue(data), create: false).ListFirmware())
                {
                    table.Add(f.Id.ToString(CultureInfo.InvariantCulture), f.Account, f.Project, f.Name, f.Version,
                        f.Length.ToString(CultureInfo.InvariantCulture), f.Pending ? "pending" : "ready", f.Sha256);
                }

                table.WriteTo(result.InvocationConfiguration.Output,
                    "No firmware yet: fota firmware add --project-key KEY --name NAME --version A.B.C --file PATH");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}
