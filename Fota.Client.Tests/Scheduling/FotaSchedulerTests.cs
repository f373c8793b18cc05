using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Scheduling
{
    /// <summary>
    /// The scheduler running real checks against real servers on 127.0.0.1, with its waits scripted
    /// (<see cref="ScriptedWait"/>): each test lets a fixed number of checks run and reads the delays the scheduler
    /// asked for. Only the tests of Stop use the real wait, where nothing can pass before the test acts.
    /// </summary>
    public sealed class FotaSchedulerTests : IDisposable
    {
        private const int Interval = 3_600_000;
        private const int Retry = 60_000;
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
        private static readonly byte[] Latest = ScriptedServer.Reply(409, "{\"code\":27,\"msg\":\"latest\"}");

        private readonly TempFolder folder = new TempFolder();
        private readonly List<FotaReport> reports = new List<FotaReport>();
        private readonly List<int> failuresSeen = new List<int>();

        public void Dispose() => folder.Dispose();

        private FotaReport[] Reports
        {
            get
            {
                lock (reports)
                {
                    return reports.ToArray();
                }
            }
        }

        private FotaScheduler Scheduler(string url, ScriptedWait wait, int jitter = 0)
        {
            FotaScheduler scheduler = null;
            scheduler = new FotaScheduler(TestOptions.For(url, new FileRegion(folder.File("update.bin"))), wait, new Random(7))
            {
                Interval = Interval,
                Jitter = jitter,
                RetryDelay = Retry,
            };
            scheduler.Reported = report =>
            {
                lock (reports)
                {
                    reports.Add(report);
                    failuresSeen.Add(scheduler.ConsecutiveFailures);
                }
            };
            return scheduler;
        }

        private static void RunChecks(FotaScheduler scheduler, ScriptedWait wait)
        {
            scheduler.Start();
            wait.AwaitExhausted();
            Assert.True(scheduler.Stop(30_000), "the scheduler's thread did not end");
            Assert.False(scheduler.IsRunning);
        }

        [Fact]
        public void ChecksAfterTheFirstDelayThenEveryIntervalPlusJitter()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            var wait = new ScriptedWait(3);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait, jitter: 600_000);
            scheduler.FirstDelay = 90_000;

            RunChecks(scheduler, wait);

            Assert.Equal(3, server.Requests.Count);
            Assert.Equal(new[] { FotaResult.UpToDate, FotaResult.UpToDate, FotaResult.UpToDate }, Reports.Select(r => r.Result));
            int[] delays = wait.Delays;
            Assert.Equal(4, delays.Length);
            Assert.Equal(90_000, delays[0]);
            Assert.All(delays.Skip(1), d => Assert.InRange(d, Interval, Interval + 600_000));
            Assert.True(delays.Skip(1).Distinct().Count() > 1, "the jitter varies: " + string.Join(", ", delays));
            Assert.Equal(delays[3], scheduler.NextCheckMilliseconds);
        }

        [Fact]
        public void TransientFailuresBackOffLongerEachTimeAndAnAnswerRestoresTheInterval()
        {
            int connections = 0;
            using var server = new ScriptedServer(c =>
            {
                // The first three requests are cut before any reply; then the platform answers "already latest".
                if (Interlocked.Increment(ref connections) > 3)
                {
                    c.Send(Latest);
                }
            });
            var wait = new ScriptedWait(5);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait);

            RunChecks(scheduler, wait);

            Assert.Equal(new[] { FotaResult.ClosedEarly, FotaResult.ClosedEarly, FotaResult.ClosedEarly, FotaResult.UpToDate, FotaResult.UpToDate },
                Reports.Select(r => r.Result));
            Assert.Equal(new[] { 0, Retry, 2 * Retry, 4 * Retry, Interval, Interval }, wait.Delays);
            Assert.Equal(new[] { 1, 2, 3, 0, 0 }, failuresSeen);
            Assert.Equal(0, scheduler.ConsecutiveFailures);
        }

        public static TheoryData<string, FotaResult, bool> Answers() => new TheoryData<string, FotaResult, bool>
        {
            { "latest", FotaResult.UpToDate, false },
            { "firmware", FotaResult.Success, false },
            { "wrong key", FotaResult.Refused, false },
            { "looping", FotaResult.Refused, false },
            { "package being made", FotaResult.Refused, true },
            { "server error", FotaResult.Refused, true },
            { "cut", FotaResult.ClosedEarly, true },
            { "nobody listens", FotaResult.ConnectionFailed, true },
        };

        [Theory]
        [MemberData(nameof(Answers))]
        public void RefusalsThatCannotChangeWaitTheIntervalAndPassingFailuresBackOff(string answer, FotaResult result, bool backsOff)
        {
            using var server = new ScriptedServer(c =>
            {
                switch (answer)
                {
                    case "latest": c.Send(Latest); break;
                    case "firmware": c.Send(ScriptedServer.Reply(200, Firmware.Make(3000))); break;
                    case "wrong key": c.Send(ScriptedServer.Reply(403, "{\"code\":25,\"msg\":\"key\"}")); break;
                    // With a Retry-After shorter than the interval, which decides; without one the request reports the
                    // time until the next UTC midnight, which depends on when the test runs.
                    case "looping": c.Send(ScriptedServer.Reply(429, "{\"code\":40,\"msg\":\"looping\"}", "Retry-After: 60")); break;
                    case "package being made": c.Send(ScriptedServer.Reply(503, "{\"code\":43,\"msg\":\"wait\"}")); break;
                    case "server error": c.Send(ScriptedServer.Reply(500, "<html>oops</html>")); break;
                }
            });
            string url = answer == "nobody listens" ? "http://127.0.0.1:" + ScriptedServer.UnusedPort() + "/api" : server.BaseUrl;
            var wait = new ScriptedWait(2);
            FotaScheduler scheduler = Scheduler(url, wait);

            RunChecks(scheduler, wait);

            Assert.Equal(new[] { result, result }, Reports.Select(r => r.Result));
            Assert.Equal(backsOff ? new[] { 0, Retry, 2 * Retry } : new[] { 0, Interval, Interval }, wait.Delays);
        }

        [Fact]
        public void CallbacksThatThrowDoNotEndTheSchedule()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            var wait = new ScriptedWait(3);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait);
            FotaCallback record = scheduler.Reported;
            scheduler.Reported = report =>
            {
                record(report);
                throw new InvalidOperationException("the application's bug");
            };
            int prepared = 0;
            scheduler.Preparing = options =>
            {
                if (++prepared == 1)
                {
                    throw new InvalidOperationException("no network yet");
                }

                return true;
            };

            RunChecks(scheduler, wait);

            FotaReport[] got = Reports;
            Assert.Equal(new[] { FotaResult.InternalError, FotaResult.UpToDate, FotaResult.UpToDate }, got.Select(r => r.Result));
            Assert.Equal("the Preparing callback threw InvalidOperationException: no network yet; no request was sent", got[0].Detail);
            Assert.Equal(2, server.Requests.Count);
            Assert.Equal(new[] { 0, Retry, Interval, Interval }, wait.Delays);
        }

        [Fact]
        public void PreparingCanSkipAChecksAndSetWhatIsAskedFor()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            var wait = new ScriptedWait(3);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait);
            int prepared = 0;
            scheduler.Preparing = options =>
            {
                if (++prepared <= 2)
                {
                    return false;   // e.g. the network is not up yet
                }

                options.Version = "1.0.7";
                return true;
            };

            RunChecks(scheduler, wait);

            Assert.Equal(new[] { FotaResult.UpToDate }, Reports.Select(r => r.Result));
            Assert.True(server.Requests.TryPeek(out string head));
            Assert.Contains("&version=1.0.7 HTTP/1.1", head);
            Assert.Single(server.Requests);
            Assert.Equal(new[] { 0, Retry, 2 * Retry, Interval }, wait.Delays);
        }

        [Fact]
        public void AnApplicationRequestRunningMeanwhileMakesTheCheckBusyAndItIsRetriedSoon()
        {
            using var gate = new ManualResetEventSlim(false);
            using var application = new ScriptedServer(c =>
            {
                gate.Wait(Patience);
                c.Send(Latest);
            });
            using var done = new ManualResetEventSlim(false);
            FotaClient.Request(TestOptions.For(application.BaseUrl, new FileRegion(folder.File("app.bin"))), _ => done.Set());
            Assert.True(SpinWait.SpinUntil(() => application.Requests.Count == 1, Patience));

            using var server = new ScriptedServer(c => c.Send(Latest));
            var wait = new ScriptedWait(1);
            try
            {
                RunChecks(Scheduler(server.BaseUrl, wait), wait);
            }
            finally
            {
                gate.Set();
                Assert.True(done.Wait(Patience));
            }

            Assert.Equal(new[] { FotaResult.Busy }, Reports.Select(r => r.Result));
            Assert.Empty(server.Requests);
            Assert.Equal(new[] { 0, Retry }, wait.Delays);
        }

        [Fact]
        public void StopEndsALongWaitAtOnce()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            using var reported = new ManualResetEventSlim(false);
            var scheduler = new FotaScheduler(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))))
            {
                Interval = FotaScheduler.MaxMilliseconds,
                Reported = _ => reported.Set(),
            };
            scheduler.Start();
            Assert.True(reported.Wait(Patience));

            // The scheduler now waits seven days; Stop ends that wait.
            Assert.True(scheduler.Stop(30_000));
            Assert.False(scheduler.IsRunning);
            Assert.Single(server.Requests);
            Assert.True(scheduler.NextCheckMilliseconds >= FotaScheduler.MaxMilliseconds);
        }

        [Fact]
        public void StopBeforeTheFirstDelayEndsSendsNothing()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            var scheduler = new FotaScheduler(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))))
            {
                FirstDelay = FotaScheduler.MaxMilliseconds,
            };
            scheduler.Start();
            Assert.True(scheduler.IsRunning);
            Assert.True(scheduler.Stop(30_000));
            Assert.False(scheduler.IsRunning);
            Assert.Empty(server.Requests);
            Assert.Equal(-1, scheduler.NextCheckMilliseconds);
        }

        [Fact]
        public void StopDuringACheckReturnsOnlyAfterItsReportWasDeliveredAndNoCheckFollows()
        {
            using var gate = new ManualResetEventSlim(false);
            using var server = new ScriptedServer(c =>
            {
                gate.Wait(Patience);
                c.Send(Latest);
            });
            var wait = new ScriptedWait(10);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait);
            scheduler.Start();
            Assert.True(SpinWait.SpinUntil(() => server.Requests.Count == 1, Patience));

            // The check waits for the server: a Stop that may not wait says the scheduler still runs.
            Assert.False(scheduler.Stop(0));
            Assert.True(scheduler.IsRunning);
            Assert.Empty(Reports);

            gate.Set();
            Assert.True(scheduler.Stop(30_000));
            Assert.Equal(new[] { FotaResult.UpToDate }, Reports.Select(r => r.Result));
            Assert.False(scheduler.IsRunning);
            Assert.Single(server.Requests);
            Assert.Equal(new[] { 0, Interval }, wait.Delays);
        }

        [Fact]
        public void AStopThatComesAsAWaitElapsesStillPreventsTheCheck()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            var wait = new ScriptedWait(10);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait);

            // The second wait elapses at the very moment Stop is called: the check it would start must not start.
            wait.Elapsing = count =>
            {
                if (count == 2)
                {
                    scheduler.Stop(0);
                }
            };
            scheduler.Start();
            Assert.True(SpinWait.SpinUntil(() => !scheduler.IsRunning, Patience));

            Assert.Single(server.Requests);
            Assert.Equal(new[] { 0, Interval }, wait.Delays);
        }

        [Fact]
        public void StopFromTheReportCallbackReturnsAtOnceAndEndsTheSchedule()
        {
            using var server = new ScriptedServer(c => c.Send(Latest));
            var wait = new ScriptedWait(10);
            FotaScheduler scheduler = Scheduler(server.BaseUrl, wait);
            bool? stopped = null;
            scheduler.Reported = _ => stopped = scheduler.Stop(30_000);

            scheduler.Start();
            Assert.True(SpinWait.SpinUntil(() => !scheduler.IsRunning, Patience));

            Assert.True(stopped);
            Assert.Single(server.Requests);
            Assert.Equal(new[] { 0, Interval }, wait.Delays);
        }

        [Fact]
        public void AStopBeforeStartIsFinalAndASchedulerStartsOnce()
        {
            var options = TestOptions.For("http://127.0.0.1:1/api", new FileRegion(folder.File("update.bin")));
            var stopped = new FotaScheduler(options, new ScriptedWait(0), new Random(1));
            Assert.True(stopped.Stop(0));
            Assert.Throws<InvalidOperationException>(() => stopped.Start());
            Assert.False(stopped.IsRunning);

            var wait = new ScriptedWait(0);
            var scheduler = new FotaScheduler(options, wait, new Random(1)) { FirstDelay = 5 };
            scheduler.Start();
            Assert.Throws<InvalidOperationException>(() => scheduler.Start());
            wait.AwaitExhausted();
            Assert.True(scheduler.Stop(30_000));
            Assert.Throws<InvalidOperationException>(() => scheduler.Start());
            Assert.Equal(new[] { 5 }, wait.Delays);
        }

        [Fact]
        public void SettingsOutsideTheirRangeAreRefusedWithTheirName()
        {
            var scheduler = new FotaScheduler(new FotaOptions());
            Assert.Equal(FotaScheduler.DefaultInterval, scheduler.Interval);
            Assert.Equal(FotaScheduler.DefaultJitter, scheduler.Jitter);
            Assert.Equal(FotaScheduler.DefaultRetryDelay, scheduler.RetryDelay);
            Assert.Equal(0, scheduler.FirstDelay);

            scheduler.FirstDelay = 0;
            scheduler.Jitter = 0;
            scheduler.Interval = FotaScheduler.MinMilliseconds;
            scheduler.RetryDelay = FotaScheduler.MaxMilliseconds;
            Assert.Equal("FirstDelay", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.FirstDelay = -1).ParamName);
            Assert.Equal("Jitter", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Jitter = FotaScheduler.MaxMilliseconds + 1).ParamName);
            Assert.Equal("Interval", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Interval = 999).ParamName);
            Assert.Equal("RetryDelay", Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.RetryDelay = 0).ParamName);
            Assert.Equal(FotaScheduler.MinMilliseconds, scheduler.Interval);
            Assert.Throws<ArgumentOutOfRangeException>(() => scheduler.Stop(-1));
            Assert.Throws<ArgumentNullException>(() => new FotaScheduler(null));
        }
    }
}
