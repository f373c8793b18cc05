using System.CommandLine;
using System.Globalization;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota project create NAME [--account NAME]</c> and <c>fota project list</c>.</summary>
    public static class ProjectCommand
    {
        /// <summary>The <c>project</c> command and its subcommands.</summary>
        public static Command Create()
        {
            return new Command("project", "create and list projects; each has the key its devices send") { CreateProject(), List() };
        }

        private static Command CreateProject()
        {
            var name = new Argument<string>("NAME") { Description = "the project's name" };
            var account = OptionRules.Text("--account", "NAME", "the account that owns it (created on first use) [default: "
                + FotaCatalog.DefaultAccount + "]");
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("create", "create a project; prints its new 32-character key (alone on stdout)") { name, account, data };
            command.SetAction(DataFolder.Guard(result =>
            {
                ProjectInfo project = DataFolder.Open(result.GetValue(data), create: true)
                    .CreateProject(result.GetValue(name), result.GetValue(account) ?? FotaCatalog.DefaultAccount);

                // The key alone on stdout so scripts can write KEY=$(fota project create NAME).
                result.InvocationConfiguration.Output.WriteLine(project.Key);
                result.InvocationConfiguration.Error.WriteLine("Created project '" + project.Name + "' in account '" + project.Account + "'.");
                return ExitCodes.Ok;
            }));
            return command;
        }

        private static Command List()
        {
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("list", "projects with their accounts, keys, device and firmware counts") { data };
            command.SetAction(DataFolder.Guard(result =>
            {
                var table = new ListTable("ACCOUNT", "PROJECT", "KEY", "DEVICES", "FIRMWARE", "CREATED");
                foreach (ProjectInfo p in DataFolder.Open(result.GetValue(data), create: false).ListProjects())
                {
                    table.Add(p.Account, p.Name, p.Key, p.DeviceCount.ToString(CultureInfo.InvariantCulture),
                        p.FirmwareCount.ToString(CultureInfo.InvariantCulture), p.Created.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture));
                }

                table.WriteTo(result.InvocationConfiguration.Output, "No projects yet: fota project create NAME");
                return ExitCodes.Ok;
            }));
            return command;
        }
    }
}
