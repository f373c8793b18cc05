using System.Threading;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // The scheduler's decision "when is the next check" on the interpreter that runs it: the numbers written out,
    // and the bounds that must hold for any report and any random draw.
    [TestClass]
    public class ScheduleTests
    {
        private const int Hour = 3600000;
        private const int Day = 86400000;

        [TestMethod]
        public static void AfterAnAnswer_IntervalPlusJitterFromTheRandomNumber()
        {
            Assert.AreEqual(1000, CheckSchedule.NextDelay(false, 0, -1, 1000, 100, 500, 0));
            Assert.AreEqual(1100, CheckSchedule.NextDelay(false, 0, -1, 1000, 100, 500, 100));
            Assert.AreEqual(1048, CheckSchedule.NextDelay(false, 0, -1, 1000, 100, 500, 250));
            Assert.AreEqual(1000, CheckSchedule.NextDelay(false, 0, -1, 1000, 100, 500, int.MinValue));
            Assert.AreEqual(1000 + int.MaxValue % 101, CheckSchedule.NextDelay(false, 0, -1, 1000, 100, 500, -1));
        }

        [TestMethod]
        public static void TransientFailures_BackOffDoublesUpToTheInterval()
        {
            int[] expected = { 60000, 120000, 240000, 480000, 960000, 1920000, 3840000, 7680000, 4 * Hour, 4 * Hour };
            for (int failures = 1; failures <= expected.Length; failures++)
            {
                Assert.AreEqual(expected[failures - 1], CheckSchedule.NextDelay(true, failures, -1, 4 * Hour, 0, 60000, 12345),
                    "failure " + failures.ToString());
            }

            // The back-off's jitter is at most half the back-off.
            Assert.AreEqual(90000, CheckSchedule.NextDelay(true, 1, -1, 4 * Hour, 20 * 60000, 60000, 30000));
            Assert.AreEqual(60000, CheckSchedule.NextDelay(true, 1, -1, 4 * Hour, 20 * 60000, 60000, 30001));
        }

        [TestMethod]
        public static void RetryAfter_NeverBeforeItAndCappedAtADay()
        {
            Assert.AreEqual(300000, CheckSchedule.NextDelay(true, 1, 300000, 4 * Hour, 20 * 60000, 120000, 0));
            Assert.AreEqual(480000, CheckSchedule.NextDelay(true, 3, 300000, 4 * Hour, 20 * 60000, 120000, 0));
            Assert.AreEqual(4 * Hour, CheckSchedule.NextDelay(false, 0, 2L * Hour, 4 * Hour, 20 * 60000, 120000, 0));
            Assert.AreEqual(6 * Hour + 1000, CheckSchedule.NextDelay(false, 0, 6L * Hour, 4 * Hour, 20 * 60000, 120000, 1000));
            Assert.AreEqual(Day, CheckSchedule.NextDelay(false, 0, 3650L * Day, 4 * Hour, 20 * 60000, 120000, 0));
            Assert.AreEqual(Day, CheckSchedule.NextDelay(true, 1, long.MaxValue, 4 * Hour, 20 * 60000, 120000, 0));
        }

        [TestMethod]
        public static void AnyDraw_DelayWithinItsBounds()
        {
            int[] randoms = { 0, 1, 499, 600000, 1 << 30, int.MaxValue, -1, int.MinValue };
            long[] retryAfters = { -1, 0, 120000, Day, long.MaxValue };
            for (int r = 0; r < randoms.Length; r++)
            {
                for (int a = 0; a < retryAfters.Length; a++)
                {
                    long asked = retryAfters[a] < Day ? retryAfters[a] : Day;
                    for (int failures = 0; failures <= 20; failures++)
                    {
                        int delay = CheckSchedule.NextDelay(failures > 0, failures, retryAfters[a], 4 * Hour, 20 * 60000, 120000, randoms[r]);
                        string context = "random " + randoms[r].ToString() + ", retry-after " + retryAfters[a].ToString() + ", failures "
                            + failures.ToString() + ": " + delay.ToString();
                        Assert.IsTrue(delay >= (failures > 0 ? 120000 : 4 * Hour), context);
                        Assert.IsTrue(delay >= asked, context);
                        Assert.IsTrue(delay <= (asked > 4 * Hour ? asked : 4 * Hour) + 20 * 60000, context);
                    }
                }
            }
        }

        [TestMethod]
        public static void Transient_OnlyWhatMayPassSoon()
        {
            FotaResult[] transient =
            {
                FotaResult.ConnectionFailed, FotaResult.ClosedEarly, FotaResult.Timeout, FotaResult.ProtocolError,
                FotaResult.UnexpectedStatus, FotaResult.EmptyBody, FotaResult.Busy, FotaResult.InternalError,
            };
            for (int i = 0; i < transient.Length; i++)
            {
                Assert.IsTrue(CheckSchedule.IsTransient(new FotaReport(transient[i], null)), FotaReport.NameOf(transient[i]));
            }

            FotaResult[] settled =
            {
                FotaResult.Success, FotaResult.UpToDate, FotaResult.VerificationFailed, FotaResult.StorageFailed,
                FotaResult.InvalidOptions, FotaResult.InvalidVersion, FotaResult.MissingProjectKey, FotaResult.InvalidUrl,
            };
            for (int i = 0; i < settled.Length; i++)
            {
                Assert.IsFalse(CheckSchedule.IsTransient(new FotaReport(settled[i], null)), FotaReport.NameOf(settled[i]));
            }

            Assert.IsTrue(CheckSchedule.IsTransient(Refusal(503, 43)));
            Assert.IsTrue(CheckSchedule.IsTransient(Refusal(503, -1)));
            Assert.IsTrue(CheckSchedule.IsTransient(Refusal(429, -1)));
            Assert.IsFalse(CheckSchedule.IsTransient(Refusal(429, 40)));
            Assert.IsFalse(CheckSchedule.IsTransient(Refusal(403, 25)));
            Assert.IsFalse(CheckSchedule.IsTransient(Refusal(404, -1)));
        }

        [TestMethod]
        public static void Report_RetryAfterIsMinusOneUntilTheServerSaysSo()
        {
            Assert.AreEqual(-1L, new FotaReport(FotaResult.Refused, null).RetryAfterMilliseconds);
        }

        // The scheduler's own thread, event and join on nanoCLR: the first check runs at once, then a seven-day wait
        // that Stop ends at once. Nothing here depends on how long anything takes.
        [TestMethod]
        public static void Scheduler_ChecksAtOnceAndStopEndsTheWait()
        {
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.WithBody("HTTP/1.1 409 Conflict",
                Bytes.Ascii("{\"code\":27,\"msg\":\"latest\"}"))));
            FotaScheduler scheduler = new FotaScheduler(Requests.Options(connector, new MemoryRegion(0)));
            scheduler.Interval = FotaScheduler.MaxMilliseconds;
            ManualResetEvent reported = new ManualResetEvent(false);
            int reports = 0;
            FotaResult result = FotaResult.InternalError;
            scheduler.Reported = report =>
            {
                reports++;
                result = report.Result;
                reported.Set();
            };

            scheduler.Start();
            Assert.IsTrue(reported.WaitOne(10000, false), "no report");
            Assert.IsTrue(scheduler.Stop(10000), "the scheduler's thread did not end");
            Assert.IsFalse(scheduler.IsRunning);
            Assert.AreEqual(1, reports);
            Assert.AreEqual((int)FotaResult.UpToDate, (int)result);
            Assert.AreEqual(1, connector.OpenCount);
            Assert.IsTrue(scheduler.NextCheckMilliseconds >= FotaScheduler.MaxMilliseconds);
        }

        [TestMethod]
        public static void Scheduler_StopBeforeTheFirstDelay_NothingSent()
        {
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(new byte[0]));
            FotaScheduler scheduler = new FotaScheduler(Requests.Options(connector, new MemoryRegion(0)));
            scheduler.FirstDelay = FotaScheduler.MaxMilliseconds;
            scheduler.Start();
            Assert.IsTrue(scheduler.IsRunning);
            Assert.IsTrue(scheduler.Stop(10000));
            Assert.IsFalse(scheduler.IsRunning);
            Assert.AreEqual(0, connector.OpenCount);
            Assert.AreEqual(-1, scheduler.NextCheckMilliseconds);
        }

        private static FotaReport Refusal(int status, int code)
        {
            FotaReport report = new FotaReport(FotaResult.Refused, null);
            report.HttpStatus = status;
            report.PlatformCode = code;
            return report;
        }
    }
}
