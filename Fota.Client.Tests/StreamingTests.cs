using System;
using System.IO;
using System.Net.Sockets;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>The device's first rule: memory does not grow with the image size.</summary>
    public sealed class StreamingTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        [Fact]
        public void AllocationsDoNotGrowWithTheImageSize()
        {
            // Through the same path twice: loopback HTTP, CRC32 + SHA-256 + length verifiers, a file region.
            long small = AllocatedWhileDownloading(1 << 20, out FotaReport smallReport);
            long large = AllocatedWhileDownloading(64 << 20, out FotaReport largeReport);

            Assert.Equal(FotaResult.Success, smallReport.Result);
            Assert.Equal(FotaResult.Success, largeReport.Result);
            Assert.Equal(64L << 20, largeReport.BytesReceived);
            Assert.True(large - small < 16 * 1024, $"1 MiB image allocated {small} bytes, 64 MiB image {large} bytes");
            Assert.True(large < 64 * 1024, $"a request allocated {large} bytes");
        }

        private long AllocatedWhileDownloading(int length, out FotaReport report)
        {
            byte[] image = Firmware.Make(length, seed: length);
            using var server = new ScriptedServer(c =>
            {
                try
                {
                    c.Send(ScriptedServer.Reply(200, image));
                }
                catch (SocketException)
                {
                }
            });
            FotaOptions options = TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")),
                new LengthVerifier(length),
                new Crc32Verifier(Crc32.Compute(image, 0, length)),
                new Sha256Verifier(Firmware.Sha256Hex(image)));

            // Warm up JIT and socket paths so only the request itself is measured.
            FotaClient.Run(TestOptions.For("http://127.0.0.1:" + ScriptedServer.UnusedPort(), options.Region));
            long before = GC.GetAllocatedBytesForCurrentThread();
            report = FotaClient.Run(options);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.Equal(length, new FileInfo(folder.File("update.bin")).Length);
            return allocated;
        }
    }
}
