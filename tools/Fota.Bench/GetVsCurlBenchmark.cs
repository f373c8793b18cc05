using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Security.Cryptography;
using Fota.Client.Tests.Support;

namespace Fota.Bench
{
    // `fota get` against the physical limit on this machine: curl downloading the same file from the same local
    // nginx, run alternately in the same rounds so that load on the (shared) machine hits both alike. Prints the
    // speed of fota relative to `curl -o`, and of `fota get --sha256` relative to `curl -o && sha256sum`.
    internal static class GetVsCurlBenchmark
    {
        private const string FileName = "firmware.bin";

        public static int Run(string[] args)
        {
            int mebibytes = 256;
            int rounds = 5;
            if ((args.Length > 1 && (!int.TryParse(args[1], out mebibytes) || mebibytes < 1 || mebibytes > 4096))
                || (args.Length > 2 && (!int.TryParse(args[2], out rounds) || rounds < 1 || rounds > 100))
                || args.Length > 4)
            {
                Console.Error.WriteLine("get-vs-curl: usage: get-vs-curl [MiB (1-4096, default 256)] [rounds (1-100, default 5)] "
                    + "[fota.dll (default: this build's)]");
                return 2;
            }

            string curl = Tools.Find("curl");
            string nginx = Nginx.Binary;
            string sha256sum = Tools.Find("sha256sum");
            string fota = args.Length > 3 ? Path.GetFullPath(args[3]) : FotaPath();
            string missing = curl == null ? "curl is not installed (Debian: apt-get install curl)"
                : nginx == null ? "nginx is not installed (Debian: apt-get install nginx-light; or set " + Nginx.PathVariable + " to its path)"
                : sha256sum == null ? "sha256sum is not installed (Debian: coreutils)"
                : !File.Exists(fota) ? "the fota tool is not built at " + fota + " (dotnet build tools/Fota.Tool -c Release)"
                : null;
            if (missing != null)
            {
                Console.Error.WriteLine("get-vs-curl: " + missing + "; nothing was measured.");
                return 1;
            }

            string folder = Path.Combine(Path.GetTempPath(), "fota-bench-curl-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(Path.Combine(folder, "www"));
            Directory.CreateDirectory(Path.Combine(folder, "tmp"));
            try
            {
                string sha256 = WriteFirmware(Path.Combine(folder, "www", FileName), mebibytes);
                using Nginx server = Nginx.Start(folder, 1, ports => NginxConfig(folder, ports[0]), out int[] port);
                string url = "http://127.0.0.1:" + port[0] + "/" + FileName;
                var bench = new Runs(curl, sha256sum, Dotnet(), fota, url, sha256, folder);
                Console.WriteLine("get-vs-curl: " + mebibytes + " MiB from " + Tools.NginxVersion(nginx) + " on 127.0.0.1:" + port[0]
                    + " (sendfile), " + rounds + " rounds, curl and fota alternating; load average " + Tools.LoadAverage()
                    + " on " + Environment.ProcessorCount + " cores; fota is " + fota);
                bench.Round(); // warm-up, not counted: page cache, the runtime's files, nginx
                Console.WriteLine("round  curl -o  fota get  curl -o && sha256sum  fota get --sha256");
                var rows = new List<double[]>();
                for (int round = 1; round <= rounds; round++)
                {
                    double[] row = bench.Round(fotaFirst: round % 2 == 0);
                    rows.Add(row);
                    Console.WriteLine(round.ToString(CultureInfo.InvariantCulture).PadRight(7) + Seconds(row[0]).PadRight(9)
                        + Seconds(row[1]).PadRight(10) + Seconds(row[2]).PadRight(24) + Seconds(row[3]));
                }

                Console.WriteLine();
                Console.WriteLine("fota get          vs curl -o:              " + Ratio(rows, 0, 1));
                Console.WriteLine("fota get --sha256 vs curl -o && sha256sum: " + Ratio(rows, 2, 3));
                Console.WriteLine("Speed ratios (the other's time / fota's time, whole processes including fota's start-up): 1.00x is as fast "
                    + "as curl. Wall-clock figures on a shared machine: run again to see their spread.");
                return 0;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine("get-vs-curl: " + e.Message);
                return 1;
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        // One round of the four commands; returns their seconds as curl, fota, curl+sha256sum, fota --sha256.
        private sealed class Runs
        {
            private readonly string curl;
            private readonly string sha256sum;
            private readonly string dotnet;
            private readonly string fota;
            private readonly string url;
            private readonly string sha256;
            private readonly string curlOut;
            private readonly string fotaOut;

            public Runs(string curl, string sha256sum, string dotnet, string fota, string url, string sha256, string folder)
            {
                this.curl = curl;
                this.sha256sum = sha256sum;
                this.dotnet = dotnet;
                this.fota = fota;
                this.url = url;
                this.sha256 = sha256;
                curlOut = Path.Combine(folder, "curl.bin");
                fotaOut = Path.Combine(folder, "fota.bin");
            }

            public double[] Round(bool fotaFirst = false)
            {
                var seconds = new double[4];
                if (fotaFirst)
                {
                    seconds[1] = Fota(false);
                    seconds[0] = Curl(false);
                    seconds[3] = Fota(true);
                    seconds[2] = Curl(true);
                }
                else
                {
                    seconds[0] = Curl(false);
                    seconds[1] = Fota(false);
                    seconds[2] = Curl(true);
                    seconds[3] = Fota(true);
                }

                return seconds;
            }

            // Before every command both outputs go: an earlier 256 MiB output still being written back to disk would
            // take CPU from whichever command runs next (unlinking it drops its dirty pages instead).
            private void Clean()
            {
                File.Delete(curlOut);
                File.Delete(fotaOut);
            }

            private double Curl(bool withDigest)
            {
                Clean();
                double seconds = Tools.Time(curl, new[] { "-s", "-S", "-f", "-o", curlOut, url }, out _);
                if (withDigest)
                {
                    seconds += Tools.Time(sha256sum, new[] { curlOut }, out string sum);
                    Check(sum.StartsWith(sha256, StringComparison.Ordinal), "sha256sum printed " + sum.Trim());
                }

                return seconds;
            }

            private double Fota(bool withDigest)
            {
                Clean();
                var args = new List<string> { fota, "get", "--url", "###" + url, "--out", fotaOut };
                if (withDigest)
                {
                    args.Add("--sha256");
                    args.Add(sha256);
                }

                double seconds = Tools.Time(dotnet, args.ToArray(), out string output);
                Check(output.Contains("sha256 " + sha256, StringComparison.Ordinal), "fota get printed " + output.Trim());
                return seconds;
            }

            private static void Check(bool ok, string what)
            {
                if (!ok)
                {
                    throw new InvalidOperationException("unexpected result: " + what);
                }
            }
        }

        // nginx serving folder/www with sendfile; its logs, pid and temporary files stay in folder.
        private static string NginxConfig(string folder, int port)
        {
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

        // Random content (nothing compresses or repeats), written in 1 MiB blocks; returns its SHA-256.
        private static string WriteFirmware(string path, int mebibytes)
        {
            var block = new byte[1024 * 1024];
            var random = new Random(19);
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            using (FileStream file = File.Create(path))
            {
                for (int i = 0; i < mebibytes; i++)
                {
                    random.NextBytes(block);
                    hash.AppendData(block);
                    file.Write(block);
                }

                file.Flush(flushToDisk: true); // written back now, not during the rounds
            }

            return Convert.ToHexStringLower(hash.GetHashAndReset());
        }

        private static string Ratio(List<double[]> rows, int other, int fota)
        {
            double[] ratios = rows.Select(r => r[other] / r[fota]).OrderBy(r => r).ToArray();
            double median = Median(rows.Select(r => r[other])) / Median(rows.Select(r => r[fota]));
            return median.ToString("0.00", CultureInfo.InvariantCulture) + "x (medians; per round "
                + ratios[0].ToString("0.00", CultureInfo.InvariantCulture) + "x to "
                + ratios[ratios.Length - 1].ToString("0.00", CultureInfo.InvariantCulture) + "x)";
        }

        private static double Median(IEnumerable<double> values)
        {
            double[] sorted = values.OrderBy(v => v).ToArray();
            int middle = sorted.Length / 2;
            return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        }

        private static string Seconds(double seconds)
        {
            return seconds.ToString("0.000", CultureInfo.InvariantCulture) + " s";
        }

        private static string FotaPath()
        {
            string path = typeof(GetVsCurlBenchmark).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == "FotaTool").Value;
            return Path.GetFullPath(path);
        }

        private static string Dotnet()
        {
            string self = Environment.ProcessPath;
            return self != null && Path.GetFileNameWithoutExtension(self) == "dotnet" ? self : "dotnet";
        }
    }
}
