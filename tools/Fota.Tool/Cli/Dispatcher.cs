using System;
using System.IO;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary>Picks the command from the first words and turns every failure into one line and an exit status.</summary>
    public static class Dispatcher
    {
        /// <summary>Runs the command line and returns its exit status.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            if (args.Length == 0)
            {
                errors.WriteLine(Usage.Text);
                return ExitCodes.Usage;
            }

            try
            {
                switch (args[0])
                {
                    case "help":
                    case "--help":
                    case "-h":
                        output.WriteLine(Usage.Text);
                        return ExitCodes.Ok;
                    case "demo":
                        return DemoCommand.Run(args, output, errors);
                    case "serve":
                        return ServeCommand.Run(args, output, errors);
                    case "project":
                        return ProjectCommand.Run(args, output, errors);
                    case "firmware":
                        return FirmwareCommand.Run(args, output, errors);
                    case "device":
                        return DeviceCommand.Run(args, output, errors);
                    case "url":
                        return UrlCommand.Run(args, output, errors);
                    case "check":
                        return CheckCommand.Run(args, output, errors);
                    case "get":
                        return GetCommand.Run(args, output, errors);
                    case "keygen":
                        return KeygenCommand.Run(args, output, errors);
                    case "pack":
                        return PackCommand.Run(args, output, errors);
                    case "verify":
                        return VerifyCommand.Run(args, output, errors);
                    case "inspect":
                        return InspectCommand.Run(args, output, errors);
                    default:
                        throw new UsageException("Unknown command '" + args[0] + "'.");
                }
            }
            catch (UsageException e)
            {
                errors.WriteLine("fota: " + e.Message + " See 'fota help'.");
                return ExitCodes.Usage;
            }
            catch (FotaCatalogException e)
            {
                errors.WriteLine("fota: " + e.Message);
                return ExitCodes.Failed;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is Microsoft.Data.Sqlite.SqliteException)
            {
                errors.WriteLine("fota: " + e.Message);
                return ExitCodes.Failed;
            }
        }
    }
}
