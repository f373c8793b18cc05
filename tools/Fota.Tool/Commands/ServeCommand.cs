using System;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Threading;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary><c>fota serve</c>: runs the upgrade server until Ctrl+C or SIGTERM.</summary>
    public static class ServeCommand
    {
        /// <summary>Starts the server, logs one line per request to <paramref name="output"/>, stops on a signal.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            var arguments = new Arguments(args, 1, "serve", new[] { DataFolder.Option, "urls", "max-per-day", "max-devices", "max-connections", "log" }, new[] { "quiet" });
            arguments.ExpectPositionals(0, "serve", "nothing more");
            var options = new FotaServerOptions
            {
                DataDirectory = DataFolder.Of(arguments),
                Urls = arguments.Get("urls", FotaServerOptions.DefaultUrl).Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                MaxUpgradesPerDay = (int)arguments.GetNumber("max-per-day", FotaServerOptions.DefaultMaxUpgradesPerDay, 1, 1000000),
                MaxDevicesPerProject = (int)arguments.GetNumber("max-devices", FotaServerOptions.DefaultMaxDevicesPerProject, 1, 100000000),
                MaxConnections = (int)arguments.GetNumber("max-connections", FotaServerOptions.DefaultMaxConnections, 8, 1000000),
                LogFile = arguments.Get("log", null),
                Log = arguments.Has("quiet") ? null : output,
            };
            foreach (string url in options.Urls)
            {
                if (ListenAddress.TryParse(url, out string problem) == null)
                {
                    throw new UsageException("--urls: " + problem + ".");
                }
            }

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
