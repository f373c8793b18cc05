using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Net.Http;
using System.Text.RegularExpressions;
using Fota.Client.Tests.Support;
using Fota.Server;

namespace Fota.Bench
{
    // `fota serve` under load beside nginx on the same machine, both driven by the same wrk command line:
    // 1. the "already latest" (409) answer to 64 concurrent clients cycling over 1000 registered devices, against
    //    nginx returning the same JSON bytes with `return 409` — requests/s and latency percentiles;
    // 2. a 64 MiB firmware downloaded by 32 concurrent clients, against nginx serving the same file — aggregate MB/s.
    // Both servers log every request to a file. Loopback only; every run is bounded by SECONDS.
    internal static class ServeLoadBenchmark
    {
        private const int Devices = 1000;
        private const int FirmwareMiB = 64;

        public static int Run(string[] args)
        {
            int seconds = 5;
            if (args.Length > 1 && (!int.TryParse(args[1], out seconds) || seconds < 1 || seconds > 60))
            {
                Console.Error.WriteLine("serve-load: SECONDS must be a whole number from 1 to 60, got '" + args[1] + "'");
                return 2;
            }

            string nginx = Nginx.Binary;
            string wrk = Tools.Find("wrk");
            if (nginx == null || wrk == null)
            {
                Console.Error.WriteLine("serve-load needs nginx and wrk (Debian: apt-get install nginx-light wrk)");
                return 2;
            }

            string folder = Path.Combine(Path.GetTempPath(), "fota-serve-load-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                string firmware = Path.Combine(folder, "www", "fw.bin");
                Directory.CreateDirectory(Path.GetDirectoryName(firmware));
                WriteFirmware(firmware);

                using FotaServer server = FotaServer.Start(new FotaServerOptions
                {
                    DataDirectory = Path.Combine(folder, "data"),
                    Urls = new[] { "http://127.0.0.1:0" },
                    MaxUpgradesPerDay = 1000000,
                    LogFile = Path.Combine(folder, "fota.log"),
                });
                string key = server.Catalog.CreateProject("bench").Key;
                server.Catalog.AddFirmware(key, "app", "1.0.1", firmware);
                string latest = "/api/site/firmware_upgrade?imei=bench0&project_key=" + key + "&firmware_name=app&version=1.0.1";
                string download = "/api/site/firmware_upgrade?imei=bench-download&project_key=" + key + "&firmware_name=app&version=1.0.0";

                byte[] reply = FetchBody(server.BaseUrl + latest, 409);
                File.WriteAllBytes(Path.Combine(folder, "www", "latest.json"), reply);
                LetWorkersRead(folder);
                using Nginx nginxServer = Nginx.Start(folder, 1, ports => NginxConfig(folder, ports[0]), out int[] nginxPorts);
                string nginxBase = "http://127.0.0.1:" + nginxPorts[0];
                FetchBody(nginxBase + latest, 409);

                string script = Path.Combine(folder, "devices.lua");
                File.WriteAllText(script, "local n = 0\nrequest = function()\n  n = n + 1\n  return wrk.format(nil, \"/api/site/firmware_upgrade?imei=bench\" .. (n % "
                    + Devices + ") .. \"&project_key=" + key + "&firmware_name=app&version=1.0.1\")\nend\n");

                Console.WriteLine("fota serve vs " + Tools.NginxVersion(nginx) + " on 127.0.0.1, wrk -t2, " + seconds + " s a run, " + Environment.ProcessorCount
                    + " cores; load average before: " + Tools.LoadAverage());
                Console.WriteLine("warming up (registers " + Devices + " devices, JIT)...");
                Wrk(wrk, 64, 2, script, server.BaseUrl + "/");
                Wrk(wrk, 64, 2, script, nginxBase + "/");

                Console.WriteLine();
                // Each server is measured twice, in the order A B B A, and the better run counts: other work on the
                // machine comes and goes, and this way neither server gets all the quiet (or all the busy) seconds.
                Console.WriteLine("409 \"already latest\", 64 clients, " + Devices + " devices (two runs each, A B B A, better one counts):");
                (WrkResult ours, WrkResult theirs) = Alternate(
                    () => Wrk(wrk, 64, seconds, script, server.BaseUrl + "/"),
                    () => Wrk(wrk, 64, seconds, script, nginxBase + "/"),
                    r => r.RequestsPerSecond);
                Print("fota serve", ours);
                Print("nginx", theirs);
                double ratio = ours.RequestsPerSecond / theirs.RequestsPerSecond;
                Console.WriteLine($"  throughput ratio {ratio:F2} (goal >= 0.25): {(ratio >= 0.25 ? "met" : "NOT met")}; "
                    + $"fota p99 {ours.P99Ms:F1} ms (goal <= 50 ms): {(ours.P99Ms <= 50 ? "met" : "NOT met")}");
                Console.WriteLine("  (fota serve registered " + server.Catalog.ListDevices().Count + " devices; its answer was checked to be the 409 JSON nginx returns)");

                Console.WriteLine();
                Console.WriteLine(FirmwareMiB + " MiB download, 32 clients (two runs each, A B B A, better one counts):");
                int downloadSeconds = Math.Max(seconds, 8);
                (WrkResult ourDownloads, WrkResult nginxDownloads) = Alternate(
                    () => Wrk(wrk, 32, downloadSeconds, null, server.BaseUrl + download),
                    () => Wrk(wrk, 32, downloadSeconds, null, nginxBase + "/fw.bin"),
                    r => r.MegabytesPerSecond);
                Console.WriteLine($"  {"fota serve",-10} {ourDownloads.MegabytesPerSecond,9:F0} MB/s ({ourDownloads.Requests} complete downloads, {ourDownloads.Errors} errors)");
                Console.WriteLine($"  {"nginx",-10} {nginxDownloads.MegabytesPerSecond,9:F0} MB/s ({nginxDownloads.Requests} complete downloads, {nginxDownloads.Errors} errors)");
                double downloadRatio = ourDownloads.MegabytesPerSecond / nginxDownloads.MegabytesPerSecond;
                Console.WriteLine($"  aggregate ratio {downloadRatio:F2} (goal >= 0.9): {(downloadRatio >= 0.9 ? "met" : "NOT met")}");
                Console.WriteLine();
                Console.WriteLine("load average after: " + Tools.LoadAverage() + " (other work on the machine makes these figures noisy)");
                return 0;
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, true);
            }
        }

        private static (WrkResult Ours, WrkResult Theirs) Alternate(Func<WrkResult> ours, Func<WrkResult> theirs, Func<WrkResult, double> figure)
        {
            WrkResult a1 = ours();
            WrkResult b1 = theirs();
            WrkResult b2 = theirs();
            WrkResult a2 = ours();
            Console.WriteLine($"  runs: fota serve {Run(a1, figure)} and {Run(a2, figure)}, nginx {Run(b1, figure)} and {Run(b2, figure)}");
            return (figure(a1) >= figure(a2) ? a1 : a2, figure(b1) >= figure(b2) ? b1 : b2);
        }

        private static string Run(WrkResult result, Func<WrkResult, double> figure)
        {
            return figure(result).ToString("F0", CultureInfo.InvariantCulture)
                + (result.MegabytesPerSecond > 100 ? "" : " (p99 " + result.P99Ms.ToString("F1", CultureInfo.InvariantCulture) + " ms)");
        }

        private static void Print(string name, WrkResult result)
        {
            Console.WriteLine($"  {name,-10} {result.RequestsPerSecond,9:F0} requests/s, latency p50 {result.P50Ms,6:F2} ms, p90 {result.P90Ms,6:F2} ms, "
                + $"p99 {result.P99Ms,6:F2} ms, {result.Errors} socket errors");
        }

        private static void WriteFirmware(string path)
        {
            byte[] block = new byte[1024 * 1024];
            new Random(7).NextBytes(block);
            using var file = new FileStream(path, FileMode.CreateNew);
            for (int i = 0; i < FirmwareMiB; i++)
            {
                block[0] = (byte)i; // no two MiB alike
                file.Write(block);
            }
        }

        // nginx with as many workers as cores, logging every request as fota serve does; the 409 location returns the
        // very JSON fota serve answered.
        private static string NginxConfig(string folder, int port)
        {
            string www = Path.Combine(folder, "www");
            string temp = Path.Combine(folder, "nginx-temp");
            Directory.CreateDirectory(temp);
            return $@"worker_processes auto;
daemon off;
pid {folder}/nginx.pid;
error_log {folder}/nginx-error.log;
events {{ worker_connections 1024; }}
http {{
    access_log {folder}/nginx-access.log combined buffer=64k;
    client_body_temp_path {temp};
    proxy_temp_path {temp};
    keepalive_requests 1000000;
    sendfile on;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        location = /api/site/firmware_upgrade {{
            default_type ""application/json; charset=utf-8"";
            add_header Cache-Control no-store;
            return 409 '{File.ReadAllText(Path.Combine(www, "latest.json")).Replace("\\", "\\\\").Replace("'", "\\'")}';
        }}
    }}
}}
";
        }

        // The workers run as 'nobody' when nginx is started by root: let them read the files they serve.
        private static void LetWorkersRead(string folder)
        {
            if (OperatingSystem.IsWindows())
            {
                return;
            }

            string www = Path.Combine(folder, "www");
            foreach (string path in new[] { folder, www, Path.Combine(www, "fw.bin"), Path.Combine(www, "latest.json") })
            {
                File.SetUnixFileMode(path, File.GetUnixFileMode(path) | UnixFileMode.OtherRead | (Directory.Exists(path) ? UnixFileMode.OtherExecute : 0));
            }
        }

        private static byte[] FetchBody(string url, int status)
        {
            using var client = new HttpClient();
            using HttpResponseMessage response = client.GetAsync(url).GetAwaiter().GetResult();
            if ((int)response.StatusCode != status)
            {
                throw new InvalidOperationException(url + " answered " + (int)response.StatusCode + ", expected " + status);
            }

            return response.Content.ReadAsByteArrayAsync().GetAwaiter().GetResult();
        }

        private static WrkResult Wrk(string wrk, int connections, int seconds, string script, string url)
        {
            var start = new ProcessStartInfo(wrk) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (string arg in new[] { "-t2", "-c" + connections, "-d" + seconds + "s", "--timeout", "30s", "--latency" })
            {
                start.ArgumentList.Add(arg);
            }

            if (script != null)
            {
                start.ArgumentList.Add("-s");
                start.ArgumentList.Add(script);
            }

            start.ArgumentList.Add(url);
            using Process process = Process.Start(start);
            string output = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            return WrkResult.Parse(output);
        }

        private sealed class WrkResult
        {
            public double RequestsPerSecond;
            public double MegabytesPerSecond;
            public double P50Ms;
            public double P90Ms;
            public double P99Ms;
            public long Requests;
            public long Errors;

            public static WrkResult Parse(string output)
            {
                var result = new WrkResult
                {
                    RequestsPerSecond = Number(output, @"Requests/sec:\s+([\d.]+)"),
                    P50Ms = Duration(output, "50%"),
                    P90Ms = Duration(output, "90%"),
                    P99Ms = Duration(output, "99%"),
                    Requests = (long)Number(output, @"(\d+) requests in"),
                };
                Match transfer = Regex.Match(output, @"Transfer/sec:\s+([\d.]+)(B|KB|MB|GB)");
                if (transfer.Success)
                {
                    double scale = transfer.Groups[2].Value switch { "GB" => 1024.0 * 1024 * 1024, "MB" => 1024.0 * 1024, "KB" => 1024.0, _ => 1.0 };
                    result.MegabytesPerSecond = double.Parse(transfer.Groups[1].Value, CultureInfo.InvariantCulture) * scale / 1e6;
                }

                Match errors = Regex.Match(output, @"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)");
                if (errors.Success)
                {
                    for (int i = 1; i <= 4; i++)
                    {
                        result.Errors += long.Parse(errors.Groups[i].Value, CultureInfo.InvariantCulture);
                    }
                }

                if (result.RequestsPerSecond == 0)
                {
                    throw new InvalidOperationException("wrk printed no figures:\n" + output);
                }

                return result;
            }

            private static double Number(string text, string pattern)
            {
                Match match = Regex.Match(text, pattern);
                return match.Success ? double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) : 0;
            }

            private static double Duration(string text, string percentile)
            {
                Match match = Regex.Match(text, Regex.Escape(percentile) + @"\s+([\d.]+)(us|ms|s)\b");
                if (!match.Success)
                {
                    return double.NaN;
                }

                double value = double.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
                return match.Groups[2].Value switch { "us" => value / 1000, "s" => value * 1000, _ => value };
            }
        }
    }
}
