using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota serve</c>: runs the upgrade server until Ctrl+C or SIGTERM. An option is added in two lines of
    /// <see cref="Create"/>: its declaration, and where its value goes in <see cref="FotaServerOptions"/>.
    /// </summary>
    public static class ServeCommand
    {
        /// <summary>The <c>serve</c> command.</summary>
        public static Command Create()
        {
            var urls = new Option<string[]>("--urls")
            {
                Description = "where to listen, comma-separated http:// URLs with an IP address, localhost or a wildcard "
                    + "(0.0.0.0, [::], *), never a host name; http://0.0.0.0:5080 reaches devices on the network",
                HelpName = "URL[,URL]",
                DefaultValueFactory = _ => new[] { FotaServerOptions.DefaultUrl },
                CustomParser = ParseUrls,
            };
            Option<long> maxPerDay = OptionRules.Number("--max-per-day", "N", "downloads a device may start per day before code 40",
                1, 1000000, FotaServerOptions.DefaultMaxUpgradesPerDay);
            Option<long> maxDevices = OptionRules.Number("--max-devices", "N", "devices a project may hold; a new one beyond gets code 91",
                1, 100000000, FotaServerOptions.DefaultMaxDevicesPerProject);
            Option<long> maxConnections = OptionRules.Number("--max-connections", "N", "connections open at once (lowered to fit ulimit -n)",
                8, 1000000, FotaServerOptions.DefaultMaxConnections);
            Option<string> log = OptionRules.Text("--log", "FILE", "write the log to FILE, rotated at 16 MiB, 4 older files kept (default: stdout)");
            log.Validators.Add(value =>
            {
                if (string.IsNullOrWhiteSpace(value.GetValueOrDefault<string>()))
                {
                    value.AddError("--log must name a file.");
                }
            });
            Option<bool> quiet = OptionRules.Flag("--quiet", "no line per request");
            Option<string> data = DataFolder.CreateOption();
            var command = new Command("serve", "serve GET /api/site/firmware_upgrade as the LuatOS platform does, and GET /healthz, until Ctrl+C")
            {
                urls, maxPerDay, maxDevices, maxConnections, log, quiet, data,
            };
            command.SetAction(DataFolder.Guard(result =>
            {
                TextWriter output = result.InvocationConfiguration.Output;
                var options = new FotaServerOptions
                {
                    DataDirectory = result.GetValue(data),
                    Urls = result.GetValue(urls),
                    MaxUpgradesPerDay = (int)result.GetValue(maxPerDay),
                    MaxDevicesPerProject = (int)result.GetValue(maxDevices),
                    MaxConnections = (int)result.GetValue(maxConnections),
                    LogFile = result.GetValue(log),
                    Log = result.GetValue(quiet) ? null : output,
                };
                return Serve(options, output, result.InvocationConfiguration.Error);
            }));
            return command;
        }

        private static string[] ParseUrls(ArgumentResult result)
        {
            var urls = new System.Collections.Generic.List<string>();
            foreach (Token token in result.Tokens)
            {
                foreach (string url in token.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                {
                    if (ListenAddress.TryParse(url, out string problem) == null)
                    {
                        result.AddError("--urls: " + problem + ".");
                    }

                    urls.Add(url);
                }
            }

            return urls.ToArray();
        }

        /// <summary>Starts the server, logs one line per request, stops on a signal.</summary>
        private static int Serve(FotaServerOptions options, TextWriter output, TextWriter errors)
        {
            using var stop = new ManualResetEventSlim(false);
            Action<PosixSignalContext> onSignal = context =>
            {
                context.Cancel = true; // stop in order below instead of being killed mid-request
                stop.Set();
            };
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, onSignal);
            using PosixSignalRegistration terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, onSignal);

            FotaServer server;
            try
            {
                server = FotaServer.Start(options);
            }
            catch (Exception e) when (e is IOException || e is InvalidOperationException || e is FormatException)
            {
                errors.WriteLine("fota: cannot serve on " + string.Join(", ", options.Urls) + ": " + e.Message);
                return ExitCodes.Failed;
            }
            catch (StorageException e)
            {
                errors.WriteLine("fota: cannot serve: " + e.Message);
                return ExitCodes.Failed;
            }

            using (server)
            {
                output.WriteLine("Listening on " + server.BaseUrl + " (data: " + server.Catalog.DataDirectory + ")");
                output.WriteLine("Devices: set Url to " + server.UpgradeUrl + "; Ctrl+C stops.");
                output.WriteLine("Limits: " + server.Limits + ".");
                if (server.StartupWarning != null)
                {
                    errors.WriteLine("fota: warning: " + server.StartupWarning);
                }

                if (server.Catalog.ListProjects().Count == 0)
                {
                    output.WriteLine("No projects yet: fota project create NAME --data " + options.DataDirectory);
                }

                output.Flush();
                stop.Wait();
                output.WriteLine("Stopping.");
            }

            return ExitCodes.Ok;
        }
    }
}
