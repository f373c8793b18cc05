using System.CommandLine;
using System.Globalization;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota device list | move | unbind | ban | unban</c>.</summary>
    public static class DeviceCommand
    {
        /// <summary>The <c>device</c> command and its subcommands.</summary>
        public static Command Create()
        {
            return new Command("device", "list devices, move them between projects, ban them")
            {
                List(),
                Change("move", "bind a device to another project and its account (also before its first request)"),
                Change("unbind", "release a device from its project (it stays in its account)"),
                Change("ban", "refuse every upgrade to a device (code 21)"),
                Change("unban", "lift a ban"),
            };
        }

        private static Command List()
        {
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("list", "devices with their account, project, ban, last version sent and when") { data };
            command.SetAction(DataFolder.Guard(result =>
            {
                var table = new ListTable("IMEI", "ACCOUNT", "PROJECT", "BANNED", "LAST-VERSION", "LAST-SEEN");
                foreach (DeviceInfo d in DataFolder.Open(result.GetValue(data), create: false).ListDevices())
                {
                    table.Add(d.Imei, d.Account, d.Project ?? "(unbound)", d.Banned ? "yes" : "no", d.LastVersion,
                        d.LastSeen?.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture));
                }

                table.WriteTo(result.InvocationConfiguration.Output, "No devices yet: a device is registered by its first request.");
                return ExitCodes.Ok;
            }));
            return command;
        }

        // move, unbind, ban and unban: one device by its id, and for move the project to bind it to.
        private static Command Change(string name, string description)
        {
            Option<string> imei = OptionRules.Text("--imei", "ID", "the device's id as it sends it", required: true);
            Option<string> key = name == "move" ? OptionRules.Text("--project-key", "KEY", "the project to bind it to", required: true) : null;
            Option<string> data = DataFolder.CreateOption();
            var command = new Command(name, description) { imei };
            if (key != null)
            {
                command.Options.Add(key);
            }

            command.Options.Add(data);
            command.SetAction(DataFolder.Guard(result =>
            {
                FotaCatalog catalog = DataFolder.Open(result.GetValue(data), create: false);
                string id = result.GetValue(imei);
                DeviceInfo device = name == "move" ? catalog.MoveDevice(id, result.GetValue(key))
                    : name == "unbind" ? catalog.UnbindDevice(id)
                    : name == "ban" ? catalog.BanDevice(id)
                    : catalog.UnbanDevice(id);
                result.InvocationConfiguration.Output.WriteLine("Device '" + device.Imei + "': account " + device.Account + ", "
                    + (device.Project == null ? "no project" : "project " + device.Project) + (device.Banned ? ", banned" : "") + ".");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}
