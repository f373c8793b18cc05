using System;
using System.Collections.Generic;
using Xunit;

namespace Fota.Client.Tests.Scheduling
{
    /// <summary>
    /// The scheduler's decision "when is the next check", a pure function: explicit cases with their numbers written
    /// out, and sweeps over settings, failure counts, retry-afters and random draws for what must always hold.
    /// </summary>
    public class CheckScheduleTests
    {
        private const int Hour = 3_600_000;
        private const int Day = 86_400_000;
        private const int Week = 604_800_000;

        private static FotaReport Report(FotaResult result, int status = 0, int code = -1) =>
            new FotaReport(result, null) { HttpStatus = status, PlatformCode = code };

        [Theory]
        [InlineData(0, 1000)]
        [InlineData(100, 1100)]
        [InlineData(101, 1000)]
        [InlineData(250, 1048)]
        [InlineData(int.MaxValue, 1000 + int.MaxValue % 101)]
        [InlineData(-1, 1000 + int.MaxValue % 101)]
        [InlineData(int.MinValue, 1000)]
        public void AfterAnAnswerTheNextCheckIsTheIntervalPlusJitterDrawnFromTheRandomNumber(int random, int expected)
        {
            Assert.Equal(expected, CheckSchedule.NextDelay(false, 0, -1, 1000, 100, 500, random));
        }

        [Fact]
        public void TransientFailuresBackOffDoublingFromTheRetryDelayUpToTheInterval()
        {
            var delays = new List<int>();
            for (int failures = 1; failures <= 12; failures++)
            {
                delays.Add(CheckSchedule.NextDelay(true, failures, -1, 4 * Hour, 0, 60_000, 12345));
            }

            Assert.Equal(new[]
            {
                60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_680_000,
                4 * Hour, 4 * Hour, 4 * Hour, 4 * Hour,
            }, delays);
        }

        [Fact]
        public void ARetryDelayLongerThanTheIntervalIsCutToTheInterval()
        {
            Assert.Equal(5000, CheckSchedule.NextDelay(true, 1, -1, 5000, 0, 60_000, 0));
        }

        [Theory]
        [InlineData(0, 60_000)]
        [InlineData(29_999, 89_999)]
        [InlineData(30_000, 90_000)]
        [InlineData(30_001, 60_000)]
        public void TheBackOffsJitterIsAtMostHalfTheBackOff(int random, int expected)
        {
            Assert.Equal(expected, CheckSchedule.NextDelay(true, 1, -1, 4 * Hour, 20 * 60_000, 60_000, random));
        }

        [Theory]
        [InlineData(0, 70_000)]
        [InlineData(10_000, 80_000)]
        [InlineData(10_001, 70_000)]
        public void TheBackOffsJitterIsAtMostTheJitter(int random, int expected)
        {
            Assert.Equal(expected, CheckSchedule.NextDelay(true, 1, -1, 4 * Hour, 10_000, 70_000, random));
        }

        [Theory]
        // code 43 "package being generated", Retry-After 300 s, longer than the first back-off of 120 s: 300 s + jitter
        [InlineData(true, 1, 300_000L, 0, 300_000)]
        [InlineData(true, 1, 300_000L, 7, 300_007)]
        // the back-off is longer than what the server asked: the back-off stands
        [InlineData(true, 3, 300_000L, 0, 480_000)]
        // code 40 with the time to UTC midnight: shorter than the interval, so the interval stands
        [InlineData(false, 0, 2L * Hour, 0, 4 * Hour)]
        // longer than the interval: not before the server's time
        [InlineData(false, 0, 6L * Hour, 0, 6 * Hour)]
        [InlineData(false, 0, 6L * Hour, 1000, 6 * Hour + 1000)]
        // a retry-after of years is capped at a day
        [InlineData(false, 0, 10L * 365 * Day, 0, Day)]
        [InlineData(true, 1, long.MaxValue, 0, Day)]
        // nothing said, or nothing to wait for
        [InlineData(false, 0, -1L, 0, 4 * Hour)]
        [InlineData(true, 1, 0L, 0, 120_000)]
        public void TheNextCheckIsNeverBeforeTheServersRetryAfter(bool transient, int failures, long retryAfter, int random, int expected)
        {
            Assert.Equal(expected, CheckSchedule.NextDelay(transient, failures, retryAfter, 4 * Hour, 20 * 60_000, 120_000, random));
        }

        [Fact]
        public void ARetryAfterBeyondAWeekLongIntervalDoesNotShortenIt()
        {
            Assert.Equal(Week, CheckSchedule.NextDelay(false, 0, 2L * Day, Week, 0, 1000, 0));
        }

        public static IEnumerable<object[]> Settings()
        {
            int[] values = { 1000, 1001, 60_000, 4 * Hour, Day, Week };
            foreach (int interval in values)
            {
                foreach (int retry in values)
                {
                    foreach (int jitter in new[] { 0, 1, 999, 20 * 60_000, Week })
                    {
                        yield return new object[] { interval, retry, jitter };
                    }
                }
            }
        }

        // Whatever the report said and whatever the random draw, the delay is bounded on both sides: never a tight loop,
        // never before the server's (capped) retry-after, never longer than the longest of interval and retry-after plus
        // jitter, and a longer failure streak never waits less.
        [Theory]
        [MemberData(nameof(Settings))]
        public void EveryDelayIsBoundedAndBackOffsNeverShrink(int interval, int retryDelay, int jitter)
        {
            long[] retryAfters = { -1, 0, 1, 999, 120_000, 2L * Hour, Day - 1, Day, Day + 1, 100L * 365 * Day, long.MaxValue };
            int[] randoms = { 0, 1, 2, 499, 500, 600_000, 1 << 30, int.MaxValue, -1, int.MinValue, 123_456_789 };
            foreach (int random in randoms)
            {
                foreach (long retryAfter in retryAfters)
                {
                    long asked = Math.Min(retryAfter, Day);
                    int previous = 0;
                    for (int failures = 0; failures <= 40; failures++)
                    {
                        bool transient = failures > 0;
                        int delay = CheckSchedule.NextDelay(transient, failures, retryAfter, interval, jitter, retryDelay, random);

                        long floor = transient ? Math.Min(retryDelay, interval) : interval;
                        Assert.True(delay >= floor, $"{delay} < {floor}");
                        Assert.True(delay >= 1000);
                        Assert.True(delay >= asked, $"{delay} before the retry-after {asked}");
                        Assert.True(delay <= Math.Max(interval + (long)jitter, asked + jitter), $"{delay} too long");
                        if (transient && jitter == 0)
                        {
                            Assert.True(delay >= previous, $"failure {failures} waits {delay}, less than {previous}");
                            previous = delay;
                        }
                    }
                }
            }
        }

        [Fact]
        public void EveryJitterValueIsReachableAndNoneBeyond()
        {
            var seen = new HashSet<int>();
            for (int random = 0; random < 10_000; random++)
            {
                int delay = CheckSchedule.NextDelay(false, 0, -1, 5000, 99, 1000, random);
                Assert.InRange(delay, 5000, 5099);
                seen.Add(delay);
            }

            Assert.Equal(100, seen.Count);
        }

        [Theory]
        [InlineData(FotaResult.ConnectionFailed, 0, -1, true)]
        [InlineData(FotaResult.ClosedEarly, 200, -1, true)]
        [InlineData(FotaResult.Timeout, 0, -1, true)]
        [InlineData(FotaResult.ProtocolError, 200, -1, true)]
        [InlineData(FotaResult.UnexpectedStatus, 204, -1, true)]
        [InlineData(FotaResult.EmptyBody, 200, -1, true)]
        [InlineData(FotaResult.Busy, 0, -1, true)]
        [InlineData(FotaResult.InternalError, 0, -1, true)]
        [InlineData(FotaResult.Refused, 503, 43, true)]
        [InlineData(FotaResult.Refused, 200, 43, true)]
        [InlineData(FotaResult.Refused, 500, -1, true)]
        [InlineData(FotaResult.Refused, 503, -1, true)]
        [InlineData(FotaResult.Refused, 429, -1, true)]
        [InlineData(FotaResult.Refused, 408, -1, true)]
        [InlineData(FotaResult.Refused, 429, 40, false)]
        [InlineData(FotaResult.Refused, 403, 25, false)]
        [InlineData(FotaResult.Refused, 404, 26, false)]
        [InlineData(FotaResult.Refused, 500, 26, false)]
        [InlineData(FotaResult.Refused, 403, 21, false)]
        [InlineData(FotaResult.Refused, 400, 44, false)]
        [InlineData(FotaResult.Refused, 404, -1, false)]
        [InlineData(FotaResult.Refused, 302, -1, false)]
        [InlineData(FotaResult.UpToDate, 409, 27, false)]
        [InlineData(FotaResult.Success, 200, -1, false)]
        [InlineData(FotaResult.VerificationFailed, 200, -1, false)]
        [InlineData(FotaResult.StorageFailed, 200, -1, false)]
        [InlineData(FotaResult.InvalidOptions, 0, -1, false)]
        [InlineData(FotaResult.InvalidVersion, 0, -1, false)]
        [InlineData(FotaResult.MissingProjectKey, 0, -1, false)]
        [InlineData(FotaResult.InvalidUrl, 0, -1, false)]
        [InlineData(FotaResult.Cancelled, 200, -1, false)]
        public void OnlyFailuresThatMayPassSoonAreTransient(FotaResult result, int status, int code, bool transient)
        {
            Assert.Equal(transient, CheckSchedule.IsTransient(Report(result, status, code)));
        }

        [Fact]
        public void EveryResultIsClassified()
        {
            // A result added later must be placed on purpose: this lists every value the table above covers.
            var covered = new HashSet<FotaResult>
            {
                FotaResult.ConnectionFailed, FotaResult.ClosedEarly, FotaResult.Timeout, FotaResult.ProtocolError,
                FotaResult.UnexpectedStatus, FotaResult.EmptyBody, FotaResult.Busy, FotaResult.InternalError, FotaResult.Refused,
                FotaResult.UpToDate, FotaResult.Success, FotaResult.VerificationFailed, FotaResult.StorageFailed,
                FotaResult.InvalidOptions, FotaResult.InvalidVersion, FotaResult.MissingProjectKey, FotaResult.InvalidUrl,
                FotaResult.Cancelled,
            };
            Assert.Equal(covered, new HashSet<FotaResult>(Enum.GetValues<FotaResult>()));
        }
    }
}
