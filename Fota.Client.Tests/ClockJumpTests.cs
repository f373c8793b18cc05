using System;
using System.IO;
using System.Threading;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>
    /// DateTime.UtcNow is the only clock on the device and jumps when SNTP first sets it: a jump must neither fail a
    /// request nor stretch it. The clock is driven by the test; nothing here waits for real time to pass.
    /// </summary>
    public sealed class ClockJumpTests : IDisposable
    {
        private const long Hour = TimeSpan.TicksPerHour;
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        [Fact]
        public void AForwardJumpMidDownloadNeitherFailsNorCountsInFull()
        {
            byte[] image = Firmware.Make(1 << 20);
            long offset = 0;
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nContent-Length: " + image.Length + "\r\n\r\n");
                c.Send(image.AsSpan(0, 300_000).ToArray());
                Interlocked.Add(ref offset, Hour); // SNTP sets the clock
                c.Send(image.AsSpan(300_000).ToArray());
            });
            FotaOptions options = TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")));
            options.Timeout = 60_000;
            options.ReadTimeout = 5_000;
            options.Clock = () => DateTime.UtcNow.Ticks + Interlocked.Read(ref offset);

            FotaReport report = FotaClient.Run(options);

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(Hour, Interlocked.Read(ref offset));
            Assert.True(report.ElapsedMilliseconds < 60_000, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void ABackwardJumpDoesNotStretchTheRequest()
        {
            // Every reading says another second passed, except the third, which goes back an hour.
            byte[] image = Firmware.Make(2 << 20);
            using var server = new ScriptedServer(c =>
            {
                try
                {
                    c.Send(ScriptedServer.Reply(200, image));
                }
                catch (System.Net.Sockets.SocketException)
                {
                    // The client gave up, as it should.
                }
            });
            long now = 0;
            int readings = 0;
            FotaOptions options = TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")));
            options.Timeout = 20_000;
            options.ReadTimeout = 5_000;
            options.Clock = () => now += ++readings == 3 ? -Hour : TimeSpan.TicksPerSecond;

            FotaReport report = FotaClient.Run(options);

            // 2 MiB through a 4 KiB buffer takes at least 512 reads, each a reading: without the jump counted as 0 the
            // request would have had an hour of such seconds left and succeeded.
            Assert.Equal(FotaResult.Timeout, report.Result);
            Assert.Contains("Timeout of 20000 ms", report.Detail);
            Assert.InRange(readings, 20, 40);
            Assert.True(report.BytesReceived < image.Length);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void StepsAccumulateBackwardStepsCountNothingAndForwardJumpsAreClamped()
        {
            long now = 1000 * Hour;
            var clock = new RequestClock(() => now, null, null);
            clock.Limit(60_000, 5_000);

            now += 10 * TimeSpan.TicksPerMillisecond;
            clock.Read();
            Assert.Equal(10, clock.ElapsedMilliseconds);

            now -= Hour;
            clock.Read();
            Assert.Equal(10, clock.ElapsedMilliseconds);

            now += 20 * TimeSpan.TicksPerMillisecond;
            clock.Read();
            Assert.Equal(30, clock.ElapsedMilliseconds);

            now += 24 * 365 * Hour;
            clock.Read();
            Assert.Equal(5_030, clock.ElapsedMilliseconds);
            Assert.Equal(54_970, clock.RemainingMilliseconds);
        }

        [Fact]
        public void TheBudgetEndsAfterItsLastMillisecond()
        {
            long now = 0;
            var clock = new RequestClock(() => now, null, null);
            clock.Limit(1_000, 1_000);

            now += 1_000 * TimeSpan.TicksPerMillisecond;
            clock.ThrowIfExpired();
            Assert.Equal(0, clock.RemainingMilliseconds);

            now += 1;
            var e = Assert.Throws<FotaException>(() => clock.ThrowIfExpired());
            Assert.Equal(FotaResult.Timeout, e.Result);
            Assert.Equal("the request took longer than its Timeout of 1000 ms", e.Message);
        }
    }
}
