using System;
using System.IO;
using System.Security.Cryptography;
using Fota.Client;
using Fota.Client.Tests.Support;
using Fota.Server;

namespace Fota.Bench
{
    // Bytes over the wire ÷ image size when connections drop mid-download: the real client and fota serve with a
    // dropping loopback proxy between them (the tests' FaultProxy), which counts every byte it sends to the client,
    // heads included. Goals (issue 9): one drop at 50 % ≤ 1.05, five drops ≤ 1.1; before resume, one drop at 50 % cost
    // 1.5. Deterministic apart from the reply heads' Date lines: no timing is involved.
    internal static class ResumeBenchmark
    {
        public static int Run(string[] args)
        {
            int mebibytes = 16;
            if (args.Length > 1 && (!int.TryParse(args[1], out mebibytes) || mebibytes <= 0 || mebibytes > 1024))
            {
                Console.Error.WriteLine("resume: size must be a whole number of MiB from 1 to 1024, got '" + args[1] + "'");
                return 2;
            }

            long size = (long)mebibytes << 20;
            string folder = Path.Combine(Path.GetTempPath(), "fota-bench-resume-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                byte[] image = new byte[size];
                new Random(9).NextBytes(image);
                string source = Path.Combine(folder, "firmware.bin");
                File.WriteAllBytes(source, image);
                using FotaServer server = FotaServer.Start(new FotaServerOptions
                {
                    DataDirectory = Path.Combine(folder, "data"),
                    Urls = new[] { "http://127.0.0.1:0" },
                    MaxUpgradesPerDay = 1000000,
                    LogFile = Path.Combine(folder, "fota.log"),
                });
                string key = server.Catalog.CreateProject("bench").Key;
                server.Catalog.AddFirmware(key, "app", "1.0.1", source);
                string digest = Convert.ToHexStringLower(SHA256.HashData(image));

                Console.WriteLine("bytes over the wire / image size, " + mebibytes + " MiB image from fota serve through a dropping proxy");
                Console.WriteLine("  no drop:                " + Ratio(server, key, digest, size, 0, true));
                Console.WriteLine("  one drop at 50 %:       " + Ratio(server, key, digest, size, 1, true) + "   (goal <= 1.05)");
                Console.WriteLine("  five drops (every 1/6): " + Ratio(server, key, digest, size, 5, true) + "   (goal <= 1.1)");
                Console.WriteLine("  one drop at 50 %, a retry without resume (the client before issue 9): "
                    + Ratio(server, key, digest, size, 1, false));
                return 0;
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        // `drops` connections each cut after another 1/(drops+1) of the image: with resume each body (a 206 from where the
        // last one stopped) after one step, without it each whole-file body one step further than the last.
        private static string Ratio(FotaServer server, string key, string digest, long size, int drops, bool resume)
        {
            long step = size / (drops + 1);
            using var proxy = new FaultProxy(new Uri(server.BaseUrl).Port, c => c < drops ? new ProxyFault { DropAt = resume ? step : (c + 1) * step } : null);
            string target = Path.Combine(Path.GetTempPath(), "fota-bench-resume-" + Guid.NewGuid().ToString("N") + ".bin");
            var options = new FotaOptions
            {
                Url = proxy.Through(server.UpgradeUrl),
                Imei = "bench-resume",
                ProjectKey = key,
                FirmwareName = "app",
                Version = "1.0.0",
                Region = new FileRegion(target),
                Verifiers = new IFotaVerifier[] { new Sha256Verifier(digest) },
                MaxAttempts = drops + 1,
                RetryDelay = 0,
                ChunkSize = FotaOptions.DefaultChunkSize,
            };

            FotaReport report = resume ? FotaClient.Run(options) : RunFromZero(options);
            File.Delete(target);
            if (!report.Succeeded)
            {
                return "failed: " + report;
            }

            return ((double)proxy.BytesToClient / size).ToString("0.0000", System.Globalization.CultureInfo.InvariantCulture)
                + " (" + proxy.BytesToClient + " bytes in " + proxy.Connections + " connections)";
        }

        // The client before resume: each attempt a new request from byte 0, the same drops.
        private static FotaReport RunFromZero(FotaOptions options)
        {
            options.MaxAttempts = 1;
            options.ResumeAcrossRequests = false;
            FotaReport report;
            do
            {
                report = FotaClient.Run(options);
            }
            while (report.Result == FotaResult.ClosedEarly);

            return report;
        }
    }
}
