using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Fota.Bench
{
    // An nginx of the machine, started on 127.0.0.1 with its own configuration in a temporary folder, serving that
    // folder's www/ with sendfile, as a real static server would. nginx cannot be told to pick a free port and
    // report it, so a free port is chosen and a taken one retried. Stopped (killed, with master_process off it is
    // one process) on Dispose.
    internal sealed class LocalNginx : IDisposable
    {
        private readonly Process process;

        private LocalNginx(Process process, int port)
        {
            this.process = process;
            Port = port;
        }

        public int Port { get; }

        public string Url(string file) => "http://127.0.0.1:" + Port + "/" + file;

        // The nginx executable, or null. Debian puts it in /usr/sbin, which is not on every PATH.
        public static string Find()
        {
            return Tools.Find("nginx", "/usr/sbin", "/usr/local/sbin", "/usr/local/nginx/sbin");
        }

        // Starts nginx over folder (which must hold www/); throws with nginx's own error when it cannot.
        public static LocalNginx Start(string executable, string folder)
        {
            string lastError = "";
            for (int attempt = 0; attempt < 5; attempt++)
            {
                int port = FreePort();
                string config = Path.Combine(folder, "nginx.conf");
                File.WriteAllText(config, Config(folder, port));
                var start = new ProcessStartInfo(executable)
                {
                    RedirectStandardError = true,
                    RedirectStandardOutput = true,
                    UseShellExecute = false,
                };
                foreach (string arg in new[] { "-p", folder, "-c", config, "-e", Path.Combine(folder, "error.log") })
                {
                    start.ArgumentList.Add(arg);
                }

                Process process = Process.Start(start);
                if (WaitUntilListening(process, port))
                {
                    return new LocalNginx(process, port);
                }

                process.WaitForExit(5000);
                lastError = process.StandardError.ReadToEnd() + ReadLog(folder);
                if (!process.HasExited)
                {
                    process.Kill();
                }

                process.Dispose();
                if (!lastError.Contains("Address already in use", StringComparison.Ordinal))
                {
                    break;
                }
            }

            throw new InvalidOperationException("nginx did not start: " + lastError.Trim());
        }

        public void Dispose()
        {
            if (!process.HasExited)
            {
                process.Kill();
                process.WaitForExit(10000);
            }

            process.Dispose();
        }

        private static string Config(string folder, int port)
        {
            // Temp paths inside the folder so nothing of the machine's nginx (logs, pid, temp files) is touched.
            return "daemon off;\nmaster_process off;\nworker_processes 1;\n"
                + "pid " + Path.Combine(folder, "nginx.pid") + ";\n"
                + "error_log " + Path.Combine(folder, "error.log") + ";\n"
                + "events { worker_connections 64; }\n"
                + "http {\n"
                + "  access_log off;\n  sendfile on;\n  default_type application/octet-stream;\n"
                + "  client_body_temp_path " + Path.Combine(folder, "tmp") + ";\n"
                + "  proxy_temp_path " + Path.Combine(folder, "tmp") + ";\n"
                + "  fastcgi_temp_path " + Path.Combine(folder, "tmp") + ";\n"
                + "  uwsgi_temp_path " + Path.Combine(folder, "tmp") + ";\n"
                + "  scgi_temp_path " + Path.Combine(folder, "tmp") + ";\n"
                + "  server { listen 127.0.0.1:" + port + "; root " + Path.Combine(folder, "www") + "; }\n"
                + "}\n";
        }

        private static bool WaitUntilListening(Process process, int port)
        {
            var clock = Stopwatch.StartNew();
            while (clock.ElapsedMilliseconds < 10000 && !process.HasExited)
            {
                try
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                    return true;
                }
                catch (SocketException)
                {
                    Thread.Sleep(50);
                }
            }

            return false;
        }

        private static int FreePort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        private static string ReadLog(string folder)
        {
            string log = Path.Combine(folder, "error.log");
            return File.Exists(log) ? File.ReadAllText(log) : "";
        }
    }
}
