using System;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>Code 40: a device that starts the same download more than N times a (UTC) day is refused.</summary>
    public class LoopingRuleTests
    {
        [Fact]
        public void TheRequestAfterTheLimitIsRefusedWith40()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 3);
            string request = ServerHarness.Query("loop", harness.KeyA, "app", "1.0.1");

            int[] statuses = new int[4];
            for (int i = 0; i < statuses.Length; i++)
            {
                statuses[i] = harness.Get(request).Status;
            }

            Reply refused = harness.Get(request);
            Assert.Equal(new[] { 200, 200, 200, 429 }, statuses);
            Assert.Equal(429, refused.Status);
            Assert.Equal(40, refused.Code);
        }

        [Fact]
        public void TheLimitIsPerDeviceAndPerFirmware()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 2);
            for (int i = 0; i < 3; i++)
            {
                harness.Get(ServerHarness.Query("loop", harness.KeyA, "app", "1.0.1"));
            }

            Reply otherDevice = harness.Get(ServerHarness.Query("calm", harness.KeyA, "app", "1.0.1"));
            Reply otherFirmware = harness.Get(ServerHarness.Query("loop", harness.KeyA, "slow", "0.0.1"));
            harness.Catalog.MarkFirmwareReady(harness.PendingId);
            Reply newerEntry = harness.Get(ServerHarness.Query("loop", harness.KeyA, "slow", "1.0.1"));

            Assert.Equal(200, otherDevice.Status);
            Assert.Equal(503, otherFirmware.Status); // newest slow is pending; a wait is not a download
            Assert.Equal(200, newerEntry.Status);
        }

        [Fact]
        public void AlreadyLatestAnswersAndContinuationsAreNotCounted()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 1);
            string upToDate = ServerHarness.Query("loop", harness.KeyA, "app", "1.0.5");
            string outdated = ServerHarness.Query("loop", harness.KeyA, "app", "1.0.1");
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(27, harness.Get(upToDate).Code);
            }

            Reply start = harness.Get(outdated);
            Reply continued1 = harness.Get(outdated, ("Range", "bytes=100-"));
            Reply continued2 = harness.Get(outdated, ("Range", "bytes=2000-2999"));
            Reply restart = harness.Get(outdated, ("Range", "bytes=0-"));

            Assert.Equal(200, start.Status);
            Assert.Equal(206, continued1.Status);
            Assert.Equal(206, continued2.Status);
            Assert.Equal(40, restart.Code);
        }

        [Fact]
        public void TheCountStartsAgainTheNextUtcDay()
        {
            var clock = new ManualTime(new DateTimeOffset(2025, 3, 1, 23, 59, 0, TimeSpan.Zero));
            using var harness = new ServerHarness(maxUpgradesPerDay: 1, time: clock);
            string request = ServerHarness.Query("loop", harness.KeyA, "app", "1.0.1");

            Reply first = harness.Get(request);
            Reply refused = harness.Get(request);
            clock.Now = clock.Now.AddMinutes(2);
            Reply nextDay = harness.Get(request);

            Assert.Equal(200, first.Status);
            Assert.Equal(40, refused.Code);
            Assert.Equal(60, refused.RetryAfter);
            Assert.Equal(200, nextDay.Status);
        }

        [Fact]
        public void TheCountSurvivesARestart()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 1);
            string request = ServerHarness.Query("loop", harness.KeyA, "app", "1.0.1");

            harness.Get(request);
            harness.Restart();

            Assert.Equal(40, harness.Get(request).Code);
        }
    }
}
