using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Resilience
{
    /// <summary>
    /// <see cref="FotaOptions.Progress"/> (rate-limited, no allocation per call) and <see cref="FotaClient.Cancel"/>
    /// (from another thread, ending the request with its own result and keeping what the next request needs).
    /// </summary>
    public sealed class ProgressAndCancelTests : IDisposable
    {
        private const int Size = 1_000_000;

        private readonly ServerHarness server = new ServerHarness();
        private readonly TempFolder folder = new TempFolder();
        private readonly byte[] image;

        public ProgressAndCancelTests()
        {
            server.AddFirmware("Alpha", server.KeyA, "big", "1.0.1", Size);
            image = server.File("Alpha", "big", "1.0.1");
        }

        public void Dispose()
        {
            server.Dispose();
            folder.Dispose();
        }

        private FotaOptions Options(FaultProxy proxy, FotaProgress progress = null) => new FotaOptions
        {
            Url = proxy.Through(server.Server.UpgradeUrl),
            Imei = "watcher",
            ProjectKey = server.KeyA,
            FirmwareName = "big",
            Version = "1.0.0",
            Region = new FileRegion(folder.File("update.bin")),
            Verifiers = new IFotaVerifier[] { new Sha256Verifier(Firmware.Sha256Hex(image)) },
            Progress = progress,
            RetryDelay = 1,
            ReadTimeout = 30_000,
        };

        private FaultProxy Proxy(Func<int, ProxyFault> plan) => new FaultProxy(new Uri(server.Server.BaseUrl).Port, plan);

        [Fact]
        public void ProgressIsReportedEveryPercentAndAtTheEnd()
        {
            var calls = new List<(long Received, long Expected)>();
            using FaultProxy proxy = Proxy(_ => null);

            FotaReport report = FotaClient.Run(Options(proxy, (received, expected) => calls.Add((received, expected))));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal((0L, (long)Size), calls[0]);
            Assert.Equal(((long)Size, (long)Size), calls[^1]);
            Assert.InRange(calls.Count, 50, 102);
            for (int i = 1; i < calls.Count - 1; i++)
            {
                Assert.True(calls[i].Received - calls[i - 1].Received >= Size / 100, "step " + i);
            }
        }

        [Fact]
        public void ADownloadThatStartsOverIsReportedFromZeroAgain()
        {
            var calls = new List<long>();
            using FaultProxy proxy = Proxy(c => c switch
            {
                0 => new ProxyFault { DropAt = Size / 2 },
                1 => new ProxyFault { Request = head => head.Replace("Range: bytes=", "X-Was-Range: ") },
                _ => null,
            });

            FotaReport report = FotaClient.Run(Options(proxy, (received, expected) => calls.Add(received)));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            int restart = calls.IndexOf(0, 1);
            Assert.True(restart > 0, "no report from 0 after the restart");
            Assert.True(calls[restart - 1] >= Size / 2 - Size / 50);
            Assert.Equal(Size, calls[^1]);
        }

        [Fact]
        public void AProgressCallbackThatThrowsDoesNotEndTheDownload()
        {
            using FaultProxy proxy = Proxy(_ => null);

            FotaReport report = FotaClient.Run(Options(proxy, (received, expected) => throw new InvalidOperationException("display broke")));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void AProgressCallbackAllocatesNothingPerCall()
        {
            // Warm up (JIT, sockets), then the same download with and without a progress callback: equal allocations.
            using FaultProxy proxy = Proxy(_ => null);
            long calls = 0;
            FotaClient.Run(Options(proxy));
            long quiet = Allocated(Options(proxy));
            long watched = Allocated(Options(proxy, (received, expected) => calls++));

            Assert.True(calls > 50);
            Assert.InRange(watched - quiet, -2048, 2048);
        }

        [Fact]
        public void CancelEndsAWaitingReadWithItsOwnResultAndKeepsTheCheckpoint()
        {
            using FaultProxy proxy = Proxy(c => c == 0 ? new ProxyFault { StallAt = Size / 2 } : null);
            using var halfWay = new ManualResetEventSlim();
            FotaOptions options = Options(proxy, (received, expected) =>
            {
                if (received >= Size / 2 - Size / 50)
                {
                    halfWay.Set();
                }
            });
            var reports = new List<FotaReport>();
            using var done = new ManualResetEventSlim();
            FotaClient.Request(options, report =>
            {
                reports.Add(report);
                done.Set();
            });

            Assert.True(halfWay.Wait(30_000));
            Assert.True(FotaClient.Cancel());
            Assert.True(done.Wait(30_000));
            Assert.False(FotaClient.Cancel());

            FotaReport cancelled = Assert.Single(reports);
            Assert.Equal(FotaResult.Cancelled, cancelled.Result);
            Assert.Equal(4, cancelled.LegacyCode);
            Assert.Equal("Cancelled", cancelled.ResultName);
            Assert.Equal("cancelled by the application", cancelled.Detail);
            Assert.True(File.Exists(folder.File("update.bin.resume")));

            // The next request continues where the cancelled one stopped.
            FotaReport next = FotaClient.Run(Options(proxy));
            Assert.True(next.Result == FotaResult.Success, next.ToString());
            // The cancel came while the client was between the progress report and the stall at half the image.
            long from = long.Parse(proxy.Requests.ToArray()[1].Split("Range: bytes=")[1].Split('-')[0]);
            Assert.InRange(from, Size / 2 - Size / 50, Size / 2);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void CancelEndsABackOffWait()
        {
            // A real minute's wait before the second attempt; the cancel ends it at the next half-second slice.
            using FaultProxy proxy = Proxy(_ => new ProxyFault { Reply = FaultProxy.Answer("HTTP/1.1 503 Busy", "") });
            FotaOptions options = Options(proxy);
            options.RetryDelay = 60_000;

            // Still the real sleep, slice by slice; the event only tells the test that the wait has begun, so the
            // cancel lands in the wait and not in the first attempt's read (as it could on a busy machine).
            using var waiting = new ManualResetEventSlim();
            options.Sleep = milliseconds =>
            {
                waiting.Set();
                Thread.Sleep(milliseconds);
            };
            FotaReport report = null;
            var running = new Thread(() => report = FotaClient.Run(options));
            running.Start();
            Assert.True(waiting.Wait(30_000), "the request never began its back-off wait");

            FotaClient.Cancel();
            Assert.True(running.Join(30_000));

            Assert.Equal(FotaResult.Cancelled, report.Result);
            Assert.Equal(503, report.HttpStatus);
            Assert.Equal(1, proxy.Connections);
        }

        [Fact]
        public void CancelWithoutARequestDoesNothing()
        {
            Assert.False(FotaClient.Cancel());
            using FaultProxy proxy = Proxy(_ => null);
            Assert.Equal(FotaResult.Success, FotaClient.Run(Options(proxy)).Result);
        }

        private static long Allocated(FotaOptions options)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            FotaReport report = FotaClient.Run(options);
            long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.True(report.Result == FotaResult.Success, report.ToString());
            return allocated;
        }
    }
}
