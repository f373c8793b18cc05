using System;
using System.Buffers.Binary;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary>
    /// <c>fota get --retries N</c> and <c>--resume</c> as processes against the real server behind a fault proxy:
    /// a dropped download continues with Range, and a process killed with SIGKILL half-way continues in the next run,
    /// which transfers only the rest (counted at the proxy).
    /// </summary>
    public sealed class ResumeCommandTests : IDisposable
    {
        private const int Size = 4 << 20;
        private const int Chunk = 65536;

        private readonly ServerHarness server = new ServerHarness();
        private readonly TempFolder work = new TempFolder();
        private readonly byte[] image;

        public ResumeCommandTests()
        {
            server.AddFirmware("Alpha", server.KeyA, "big", "1.0.1", Size);
            image = server.File("Alpha", "big", "1.0.1");
        }

        public void Dispose()
        {
            server.Dispose();
            work.Dispose();
        }

        private string Out => work.File("big.bin");

        private string[] Get(FaultProxy proxy, params string[] more) => new[]
        {
            "get", "--url", proxy.Through(server.Server.UpgradeUrl), "--imei", "tool", "--project-key", server.KeyA,
            "--firmware-name", "big", "--version", "1.0.0", "--out", Out, "--sha256", Firmware.Sha256Hex(image),
        }.Concat(more).ToArray();

        private FaultProxy Proxy(Func<int, ProxyFault> plan) => new FaultProxy(new Uri(server.Server.BaseUrl).Port, plan);

        [Fact]
        public void RetriesContinueADroppedDownloadAndWithoutThemItFails()
        {
            using FaultProxy proxy = Proxy(c => c < 2 ? new ProxyFault { DropAt = Size / 3 } : null);

            var failed = FotaProcess.Run(work.Path, Get(proxy));
            var retried = FotaProcess.Run(work.Path, Get(proxy, "--retries", "2"));

            Assert.Equal(10, failed.Exit);
            Assert.Contains("ClosedEarly", failed.Err);
            Assert.Equal(0, retried.Exit);
            Assert.Equal(image, File.ReadAllBytes(Out));
            Assert.Contains("Range: bytes=" + Size / 3 + "-", proxy.Requests.ToArray()[2]);
            Assert.Contains("2 attempts, 1 resumed with Range", retried.Out);
            Assert.Equal(new[] { Out }, work.Files());
        }

        [Fact]
        public async Task AProcessKilledHalfWayContinuesAndTransfersOnlyTheRest()
        {
            using FaultProxy proxy = Proxy(c => c == 0 ? new ProxyFault { StallAt = Size / 2 } : null);
            using (Process killed = FotaProcess.Start(work.Path, Get(proxy, "--resume")))
            {
                Task<string> errors = killed.StandardError.ReadToEndAsync();
                long recorded = WaitForCheckpoint(Size / 2 - Chunk);
                killed.Kill();
                Assert.True(killed.WaitForExit(30_000));
                Assert.True(recorded >= Size / 2 - Chunk, "the checkpoint reached " + recorded + " bytes; " + await errors);
            }

            Assert.True(File.Exists(Out + ".part"));
            long before = proxy.BytesToClient;
            var rerun = FotaProcess.Run(work.Path, Get(proxy, "--resume"));

            Assert.True(rerun.Exit == 0, rerun.Err);
            Assert.Equal(image, File.ReadAllBytes(Out));
            Assert.Equal(new[] { Out }, work.Files());
            Assert.Contains("continued an interrupted download at byte ", rerun.Out);

            // The first run received half the image; the rerun asks from its last checkpoint, at most one chunk behind.
            long transferred = proxy.BytesToClient - before;
            Assert.InRange(transferred, Size - Size / 2, Size - Size / 2 + Chunk + 1024);
        }

        [Fact]
        public async Task CtrlCWithResumeSavesTheCheckpointAndSaysCancelled()
        {
            using FaultProxy proxy = Proxy(c => c == 0 ? new ProxyFault { StallAt = Size / 4 } : null);
            using Process interrupted = FotaProcess.Start(work.Path, Get(proxy, "--resume"));
            Task<string> errors = interrupted.StandardError.ReadToEndAsync();
            long periodic = WaitForCheckpoint(Size / 4 - Chunk);

            FotaProcess.Interrupt(interrupted);

            Assert.True(interrupted.WaitForExit(30_000));
            Assert.Equal(18, interrupted.ExitCode);
            Assert.Contains("Cancelled", await errors);
            // The cancel saved a checkpoint of all it had received, at least what the periodic one had.
            Assert.InRange(RecordedPosition(), Math.Max(periodic, Size / 4 - Chunk + 1), Size / 4);
        }

        [Fact]
        public void WithoutResumeAnInterruptedDownloadLeavesNothing()
        {
            using FaultProxy proxy = Proxy(c => new ProxyFault { DropAt = Size / 2 });

            var result = FotaProcess.Run(work.Path, Get(proxy));

            Assert.Equal(10, result.Exit);
            Assert.Empty(work.Files());
        }

        // Waits (at most a minute) until the checkpoint records at least `position` bytes; returns what it records.
        private long WaitForCheckpoint(long position)
        {
            long seen = -1;
            var clock = Stopwatch.StartNew();
            while (seen < position && clock.Elapsed < TimeSpan.FromMinutes(1))
            {
                Thread.Sleep(50);
                try
                {
                    seen = RecordedPosition();
                }
                catch (IOException)
                {
                    // Being replaced right now.
                }
            }

            return seen;
        }

        // The image bytes the checkpoint record says are held (layout in Fota.Client's ResumeRecord); -1 without one.
        private long RecordedPosition()
        {
            string record = Out + ".resume";
            return File.Exists(record) ? (long)BinaryPrimitives.ReadUInt64BigEndian(File.ReadAllBytes(record).AsSpan(4 + 32 + 8)) : -1;
        }
    }
}
