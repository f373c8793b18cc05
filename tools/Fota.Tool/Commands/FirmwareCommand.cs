using System.Globalization;
using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota firmware add | ready | list</c>.</summary>
    public static class FirmwareCommand
    {
        /// <summary>Runs the sub-command in <c>args[1]</c>.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            string sub = args.Length > 1 ? args[1] : null;
            switch (sub)
            {
                case "add":
                {
                    const string Command = "firmware add";
                    var arguments = new Arguments(args, 2, Command,
                        new[] { DataFolder.Option, "project-key", "name", "version", "file" }, new[] { "pending" });
                    arguments.ExpectPositionals(0, Command, "nothing more");
                    string key = arguments.Require("project-key", Command);
                    string name = arguments.Require("name", Command);
                    string version = arguments.Require("version", Command);
                    string file = arguments.Require("file", Command);
                    FirmwareInfo info = DataFolder.Open(arguments, create: false)
                        .AddFirmware(key, name, version, file, arguments.Has("pending"));
                    output.WriteLine("Added firmware #" + info.Id + " '" + info.Name + "' " + info.Version + " to "
                        + info.Account + "/" + info.Project + ": " + info.Length + " bytes, sha256 " + info.Sha256 + ".");
                    if (PackageFile.StartsWithMagic(file))
                    {
                        output.WriteLine("Signed package: served unchanged; devices holding the public key of key id "
                            + System.Convert.ToHexStringLower(PackageFile.Read(file).Header.KeyId) + " verify it.");
                    }

                    if (info.Pending)
                    {
                        output.WriteLine("Pending: devices that would get it are told to wait (code 43) until 'fota firmware ready --id " + info.Id + "'.");
                    }

                    return ExitCodes.Ok;
                }

                case "ready":
                {
                    var arguments = new Arguments(args, 2, "firmware ready", new[] { DataFolder.Option, "id" });
                    arguments.ExpectPositionals(0, "firmware ready", "nothing more");
                    arguments.Require("id", "firmware ready");
                    FirmwareInfo info = DataFolder.Open(arguments, create: false).MarkFirmwareReady(arguments.GetNumber("id", 0, 1, long.MaxValue));
                    output.WriteLine("Firmware #" + info.Id + " '" + info.Name + "' " + info.Version + " is ready: devices get it now.");
                    return ExitCodes.Ok;
                }

                case "list":
                {
                    var arguments = new Arguments(args, 2, "firmware list", new[] { DataFolder.Option });
                    arguments.ExpectPositionals(0, "firmware list", "nothing more");
                    var table = new TextTable("ID", "ACCOUNT", "PROJECT", "NAME", "VERSION", "BYTES", "STATE", "SHA256");
                    foreach (FirmwareInfo f in DataFolder.Open(arguments, create: false).ListFirmware())
                    {
                        table.Add(f.Id.ToString(CultureInfo.InvariantCulture), f.Account, f.Project, f.Name, f.Version,
                            f.Length.ToString(CultureInfo.InvariantCulture), f.Pending ? "pending" : "ready", f.Sha256);
                    }

                    table.WriteTo(output, "No firmware yet: fota firmware add --project-key KEY --name NAME --version A.B.C --file PATH");
                    return ExitCodes.Ok;
                }

                default:
                    throw new UsageException(sub == null ? "'firmware' needs 'add', 'ready' or 'list'." : "Unknown 'firmware " + sub + "'.");
            }
        }
    }
}
