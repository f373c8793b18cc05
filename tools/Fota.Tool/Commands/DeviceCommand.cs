using System.Globalization;
using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota device list | move | unbind | ban | unban</c>.</summary>
    public static class DeviceCommand
    {
        /// <summary>Runs the sub-command in <c>args[1]</c>.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            string sub = args.Length > 1 ? args[1] : null;
            string command = "device " + sub;
            DeviceInfo device;
            switch (sub)
            {
                case "list":
                {
                    var arguments = new Arguments(args, 2, command, new[] { DataFolder.Option });
                    arguments.ExpectPositionals(0, command, "nothing more");
                    var table = new TextTable("IMEI", "ACCOUNT", "PROJECT", "BANNED", "LAST-VERSION", "LAST-SEEN");
                    foreach (DeviceInfo d in DataFolder.Open(arguments, create: false).ListDevices())
                    {
                        table.Add(d.Imei, d.Account, d.Project ?? "(unbound)", d.Banned ? "yes" : "no", d.LastVersion,
                            d.LastSeen?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                    }

                    table.WriteTo(output, "No devices yet: a device is registered by its first request.");
                    return ExitCodes.Ok;
                }

                case "move":
                {
                    var arguments = new Arguments(args, 2, command, new[] { DataFolder.Option, "imei", "project-key" });
                    arguments.ExpectPositionals(0, command, "nothing more");
                    device = DataFolder.Open(arguments, create: false)
                        .MoveDevice(arguments.Require("imei", command), arguments.Require("project-key", command));
                    break;
                }

                case "unbind":
                case "ban":
                case "unban":
                {
                    var arguments = new Arguments(args, 2, command, new[] { DataFolder.Option, "imei" });
                    arguments.ExpectPositionals(0, command, "nothing more");
                    FotaCatalog catalog = DataFolder.Open(arguments, create: false);
                    string imei = arguments.Require("imei", command);
                    device = sub == "unbind" ? catalog.UnbindDevice(imei) : sub == "ban" ? catalog.BanDevice(imei) : catalog.UnbanDevice(imei);
                    break;
                }

                default:
                    throw new UsageException(sub == null ? "'device' needs 'list', 'move', 'unbind', 'ban' or 'unban'." : "Unknown 'device " + sub + "'.");
            }

            output.WriteLine("Device '" + device.Imei + "': account " + device.Account + ", "
                + (device.Project == null ? "no project" : "project " + device.Project) + (device.Banned ? ", banned" : "") + ".");
            return ExitCodes.Ok;
        }
    }
}
