using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using Fota.Client;

namespace Fota.Bench
{
    // The whole client path on the host: loopback HTTP, the HTTP reader, CRC32 + SHA-256 verifiers and a
    // FileRegion in the temp folder. Prints throughput and the bytes the request allocated for a 1 MiB and a
    // large image, the figure that must not grow with the image size on the device.
    internal static class DownloadBenchmark
    {
        private const int Block = 64 * 1024;

        public static int Run(string[] args)
        {
            int mebibytes = 64;
            if (args.Length > 1 && (!int.TryParse(args[1], out mebibytes) || mebibytes <= 0 || mebibytes > 4096))
            {
                Console.Error.WriteLine("download: size must be a whole number of MiB from 1 to 4096, got '" + args[1] + "'");
                return 2;
            }

            // The image repeats one random block, so the server needs no image-sized memory and the digests are cheap to predict.
            byte[] block = new byte[Block];
            new Random(3).NextBytes(block);
            string folder = Path.Combine(Path.GetTempPath(), "fota-bench-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                Measure(block, 1, folder, warmUp: true);
                Console.WriteLine("download through loopback HTTP, CRC32 + SHA-256 + length verifiers, FileRegion, ChunkSize 4096");
                Measure(block, 1, folder, warmUp: false);
                Measure(block, mebibytes, folder, warmUp: false);
                return 0;
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }

        private static void Measure(byte[] block, int mebibytes, string folder, bool warmUp)
        {
            long length = (long)mebibytes * 1024 * 1024;
            var crc = new Crc32();
            var sha = new Sha256();
            for (long at = 0; at < length; at += Block)
            {
                crc.Update(block, 0, Block);
                sha.Update(block, 0, Block);
            }

            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            var server = new Thread(() => Serve(listener, block, length)) { IsBackground = true };
            server.Start();

            var options = new FotaOptions
            {
                Url = "http://127.0.0.1:" + port + "/api/site/firmware_upgrade",
                Imei = "BENCH0000001",
                FirmwareName = "bench",
                Version = "1.0.0",
                Region = new FileRegion(Path.Combine(folder, "update.bin")),
                Verifiers = new IFotaVerifier[]
                {
                    new LengthVerifier(length),
                    new Crc32Verifier(crc.Value),
                    new Sha256Verifier(sha.Finish()),
                },
            };

            long before = GC.GetAllocatedBytesForCurrentThread();
            Stopwatch clock = Stopwatch.StartNew();
            FotaReport report = FotaClient.Run(options);
            clock.Stop();
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            server.Join();
            listener.Stop();
            if (warmUp)
            {
                return;
            }

            if (!report.Succeeded)
            {
                throw new InvalidOperationException("benchmark download failed: " + report);
            }

            double seconds = clock.Elapsed.TotalSeconds;
            Console.WriteLine($"  {mebibytes,5} MiB: {length / seconds / 1e6,8:F1} MB/s, {seconds,6:F2} s, request allocated {allocated,7} bytes");
        }

        private static void Serve(TcpListener listener, byte[] block, long length)
        {
            using Socket socket = listener.AcceptSocket();
            var head = new byte[4096];
            int read = 0;
            while (read < 4 || Encoding.ASCII.GetString(head, 0, read).IndexOf("\r\n\r\n", StringComparison.Ordinal) < 0)
            {
                int n = socket.Receive(head, read, head.Length - read, SocketFlags.None);
                if (n == 0)
                {
                    return;
                }

                read += n;
            }

            socket.Send(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: " + length + "\r\n\r\n"));
            for (long sent = 0; sent < length; sent += Block)
            {
                socket.Send(block);
            }

            socket.Shutdown(SocketShutdown.Send);
        }
    }
}
