using System;
using System.CommandLine;
using System.IO;

namespace Fota.Tool
{
    /// <summary>
    /// The <c>fota</c> command tree (System.CommandLine) and the one place that turns a parse error or a failure
    /// into a line on stderr and an exit status. Each command lives in its own file with a static <c>Create()</c>;
    /// adding a command is that file plus one line in <see cref="Create"/>.
    /// </summary>
    public static class FotaCommandLine
    {
        /// <summary>What <c>fota --help</c> shows above the command list.</summary>
        public const string Description = "fota - firmware over the air for LuatOS-platform devices";

        /// <summary>Builds the whole command tree: every command, its options, help and completion.</summary>
        public static RootCommand Create()
        {
            var root = new RootCommand(Description);
            root.Subcommands.Add(DemoCommand.Create());
            root.Subcommands.Add(ServeCommand.Create());
            root.Subcommands.Add(ProjectCommand.Create());
            root.Subcommands.Add(FirmwareCommand.Create());
            root.Subcommands.Add(DeviceCommand.Create());
            root.Subcommands.Add(BackupCommand.Create());
            root.Subcommands.Add(UrlCommand.Create());
            root.Subcommands.Add(CheckCommand.Create());
            root.Subcommands.Add(GetCommand.Create());
            root.Subcommands.Add(KeygenCommand.Create());
            root.Subcommands.Add(PackCommand.Create());
            root.Subcommands.Add(VerifyCommand.Create());
            root.Subcommands.Add(InspectCommand.Create());
            root.Subcommands.Add(CompletionCommand.Create());
            root.Subcommands.Add(HelpCommand.Create());
            HelpNotes.Install(root, ExitStatusNotes);
            return root;
        }

        /// <summary>Runs one command line and returns its exit status (see <see cref="ExitCodes"/>).</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            RootCommand root = Create();
            if (args.Length == 0)
            {
                // A bare `fota` is a mistake, not a request for help: the overview goes where errors go.
                HelpNotes.Write(root, errors);
                return ExitCodes.Usage;
            }

            ParseResult parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                ParseErrors.Write(parsed, errors);
                return ExitCodes.Usage;
            }

            var configuration = new InvocationConfiguration
            {
                Output = output,
                Error = errors,
                EnableDefaultExceptionHandler = false,
                ProcessTerminationTimeout = null, // commands that can be stopped (serve) handle signals themselves
            };
            try
            {
                return parsed.Invoke(configuration);
            }
            catch (UsageException e)
            {
                errors.WriteLine("fota: " + e.Message);
                errors.WriteLine(ParseErrors.SeeHelp(parsed));
                return ExitCodes.Usage;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                errors.WriteLine("fota: " + e.Message);
                return ExitCodes.Failed;
            }
        }

        private const string ExitStatusNotes = @"Exit status of serve, the administration and the signing commands: 0 done (verify: valid), 1 refused,
failed or invalid, 2 wrong command line.
Exit status of url, check and get: one per result (see 'fota get --help'); 2 is always a wrong command line.
'fota help COMMAND' or 'fota COMMAND --help' shows a command's options.";
    }
}
