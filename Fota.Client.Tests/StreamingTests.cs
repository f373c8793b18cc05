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

        [Fact]
        public void CheckpointsAreTheOnlyAllocationThatGrowsWithTheImage()
        {
            // A server with an ETag makes the download resumable: a checkpoint every 64 KiB, each opening a small file.
            using var server = new Server.ServerHarness();
            server.AddFirmware("Alpha", server.KeyA, "small", "1.0.1", 1 << 20);
            server.AddFirmware("Alpha", server.KeyA, "large", "1.0.1", 16 << 20);
            long Allocated(string name, bool resumable)
            {
                byte[] image = server.File("Alpha", name, "1.0.1");
                var options = new FotaOptions
                {
                    Url = server.Server.UpgradeUrl, Imei = "streamer", ProjectKey = server.KeyA, FirmwareName = name, Version = "1.0.0",
                    Region = new FileRegion(folder.File(name + ".bin")), ResumeAcrossRequests = resumable,
                    Verifiers = new IFotaVerifier[] { new Sha256Verifier(Firmware.Sha256Hex(image)) },
                };
                long before = GC.GetAllocatedBytesForCurrentThread();
                FotaReport report = FotaClient.Run(options);
                long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
                Assert.True(report.Result == FotaResult.Success, report.ToString());
                return allocated;
            }

            Allocated("small", true);
            long smallResumable = Allocated("small", true);
            long largeResumable = Allocated("large", true);
            long small = Allocated("small", false);
            long large = Allocated("large", false);

            // 15 MiB more is 240 checkpoints more; on .NET each opens a FileStream with its 4 KiB buffer.
            Assert.True(large - small < 16 * 1024, $"without checkpoints: {small} and {large} bytes");
            Assert.InRange((largeResumable - smallResumable) / 240, 1, 8 * 1024);
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
