using System;
using System.Diagnostics;
using Fota.Client;

namespace Fota.Bench
{
    // Feeds the digests the way the downloader does (one reused 4096-byte buffer), so the
    // figure includes the per-call cost, not only the inner loop. These are JIT figures on the
    // host; the nanoFramework interpreter is two orders of magnitude slower (nanoframework.md).
    internal static class DigestBenchmark
    {
        private const int Chunk = 4096;

        public static int Run(string[] args)
        {
            int mebibytes = 64;
            if (args.Length > 1 && (!int.TryParse(args[1], out mebibytes) || mebibytes <= 0 || mebibytes > 4096))
            {
                Console.Error.WriteLine("digests: size must be a whole number of MiB from 1 to 4096, got '" + args[1] + "'");
                return 2;
            }

            long total = (long)mebibytes * 1024 * 1024;
            byte[] buffer = new byte[Chunk];
            new Random(1).NextBytes(buffer);

            var crc = new Crc32();
            var sha = new Sha256();

            // Warm-up so that tiered JIT has promoted the loops before the clock runs.
            Feed(crc.Update, buffer, 16L * 1024 * 1024);
            Feed(sha.Update, buffer, 16L * 1024 * 1024);
            crc.Reset();
            sha.Reset();

            Console.WriteLine("digests over " + mebibytes + " MiB in " + Chunk + "-byte chunks (MB = 10^6 bytes)");
            double crcSeconds = Feed(crc.Update, buffer, total);
            Report("CRC32", total, crcSeconds, crc.Value.ToString("x8"));
            double shaSeconds = Feed(sha.Update, buffer, total);
            Report("SHA-256", total, shaSeconds, Convert.ToHexStringLower(sha.Finish()));
            return 0;
        }

        private static double Feed(Action<byte[], int, int> update, byte[] buffer, long total)
        {
            Stopwatch clock = Stopwatch.StartNew();
            for (long fed = 0; fed < total; fed += Chunk)
            {
                update(buffer, 0, Chunk);
            }

            return clock.Elapsed.TotalSeconds;
        }

        private static void Report(string name, long bytes, double seconds, string result)
        {
            double megabytesPerSecond = bytes / seconds / 1e6;
            Console.WriteLine("  " + name.PadRight(8) + megabytesPerSecond.ToString("F1").PadLeft(9) + " MB/s  ("
                + seconds.ToString("F3") + " s, result " + result + ")");
        }
    }
}
