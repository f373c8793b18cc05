using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// A real nginx started for the tests: its own configuration, pid, logs and temporary files in a temp folder, its
    /// own ephemeral ports on 127.0.0.1, in the foreground (daemon off) so that killing its process tree ends it.
    /// </summary>
    public sealed class Nginx : IDisposable
    {
        /// <summary>Set to 1 by .ci/run: a missing nginx then fails the interop tests instead of skipping them.</summary>
        public const string RequiredVariable = "FOTA_REQUIRE_NGINX";

        /// <summary>Path of an nginx binary to use instead of the one on PATH or in /usr/sbin.</summary>
        public const string PathVariable = "FOTA_NGINX";

        private readonly Process process;

        private Nginx(Process process, string folder)
        {
            this.process = process;
            Folder = folder;
        }

        /// <summary>The nginx binary, or <c>null</c> when there is none.</summary>
        public static string Binary { get; } = Find();

        public static bool Required => Environment.GetEnvironmentVariable(RequiredVariable) == "1";

        /// <summary>Why the interop tests cannot run here.</summary>
        public static string Missing => "nginx is not installed (Debian: apt-get install nginx; or set " + PathVariable
            + " to its path). .ci/run installs it and sets " + RequiredVariable + "=1, which turns this skip into a failure.";

        public string Folder { get; }

        public string ErrorLog => File.ReadAllText(Path.Combine(Folder, "error.log"));

        /// <summary>
        /// Starts nginx with <paramref name="configuration"/>, a function of the ports it gets; retries with new ports
        /// when another process took one first.
        /// </summary>
        public static Nginx Start(string folder, int portCount, Func<int[], string> configuration, out int[] ports)
        {
            if (Binary == null)
            {
                throw new InvalidOperationException(Missing);
            }

            string problem = null;
            for (int attempt = 0; attempt < 3; attempt++)
            {
                ports = new int[portCount];
                for (int i = 0; i < portCount; i++)
                {
                    ports[i] = FreePort();
                }

                string conf = Path.Combine(folder, "nginx.conf");
                File.WriteAllText(conf, configuration(ports));
                var start = new ProcessStartInfo(Binary)
                {
                    ArgumentList = { "-p", folder, "-c", conf, "-e", Path.Combine(folder, "error.log") },
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                Process process = Process.Start(start);
                if (WaitUntilListening(process, ports))
                {
                    return new Nginx(process, folder);
                }

                Stop(process);
                problem = process.StandardError.ReadToEnd() + SafeRead(Path.Combine(folder, "error.log"));
                if (!problem.Contains("Address already in use"))
                {
                    break;
                }
            }

            throw new InvalidOperationException("nginx did not start: " + problem);
        }

        public void Dispose() => Stop(process);

        private static void Stop(Process process)
        {
            try
            {
                if (!process.HasExited)
                {
                    process.Kill(entireProcessTree: true);
                }

                process.WaitForExit(10_000);
            }
            catch (InvalidOperationException)
            {
            }
        }

        private static bool WaitUntilListening(Process process, int[] ports)
        {
            var waited = Stopwatch.StartNew();
            foreach (int port in ports)
            {
                while (true)
                {
                    if (process.HasExited)
                    {
                        return false;
                    }

                    try
                    {
                        using var probe = new TcpClient();
                        probe.Connect(IPAddress.Loopback, port);
                        break;
                    }
                    catch (SocketException) when (waited.Elapsed < TimeSpan.FromSeconds(30))
                    {
                        Thread.Sleep(20);
                    }
                    catch (SocketException)
                    {
                        return false;
                    }
                }
            }

            return true;
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static string SafeRead(string path) => File.Exists(path) ? File.ReadAllText(path) : "";

        private static string Find()
        {
            string given = Environment.GetEnvironmentVariable(PathVariable);
            if (!string.IsNullOrEmpty(given))
            {
                return File.Exists(given) ? given : null;
            }

            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (string folder in (path + ":/usr/sbin:/usr/local/sbin").Split(':', StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(folder, "nginx");
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }
    }
}
