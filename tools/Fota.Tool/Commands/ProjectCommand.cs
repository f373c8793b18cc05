using System.Globalization;
using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota project create NAME [--account NAME]</c> and <c>fota project list</c>.</summary>
    public static class ProjectCommand
    {
        /// <summary>Runs the sub-command in <c>args[1]</c>.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            string sub = args.Length > 1 ? args[1] : null;
            switch (sub)
            {
                case "create":
                {
                    var arguments = new Arguments(args, 2, "project create", new[] { DataFolder.Option, "account" });
                    arguments.ExpectPositionals(1, "project create", "the project's NAME");
                    ProjectInfo project = DataFolder.Open(arguments, create: true)
                        .CreateProject(arguments.Positionals[0], arguments.Get("account", FotaCatalog.DefaultAccount));

                    // The key alone on stdout so scripts can write KEY=$(fota project create NAME).
                    output.WriteLine(project.Key);
                    errors.WriteLine("Created project '" + project.Name + "' in account '" + project.Account + "'.");
                    return ExitCodes.Ok;
                }

                case "list":
                {
                    var arguments = new Arguments(args, 2, "project list", new[] { DataFolder.Option });
                    arguments.ExpectPositionals(0, "project list", "nothing more");
                    var table = new TextTable("ACCOUNT", "PROJECT", "KEY", "DEVICES", "FIRMWARE", "CREATED");
                    foreach (ProjectInfo p in DataFolder.Open(arguments, create: false).ListProjects())
                    {
                        table.Add(p.Account, p.Name, p.Key, p.DeviceCount.ToString(CultureInfo.InvariantCulture),
                            p.FirmwareCount.ToString(CultureInfo.InvariantCulture), p.Created.ToString("yyyy-MM-dd HH:mm'Z'", CultureInfo.InvariantCulture));
                    }

                    table.WriteTo(output, "No projects yet: fota project create NAME");
                    return ExitCodes.Ok;
                }

                default:
                    throw new UsageException(sub == null ? "'project' needs 'create' or 'list'." : "Unknown 'project " + sub + "'.");
            }
        }
    }
}
