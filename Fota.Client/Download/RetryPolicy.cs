using System;

namespace Fota.Client
{
    /// <summary>
    /// Which failures are worth another attempt, and how long to wait before it. Decided from the result and the
    /// server's codes, never from inside the reader: a failure of the path (connect, name lookup, early close, a read
    /// timeout, a 5xx) may pass; the platform's "please wait" (43) asks for it; a refusal about the device or the
    /// firmware (3, 17, 21, 25, 26, 27, 44), the daily limit (40, 429) and a body that was wrong cannot change by asking
    /// again.
    /// </summary>
    internal static class RetryPolicy
    {
        /// <summary>The longest back-off wait, however many attempts failed.</summary>
        internal const int MaxBackOff = 60000;

        /// <summary><c>true</c> when another attempt may succeed.</summary>
        internal static bool IsTransient(FotaResult result, FotaReport report, RequestClock clock)
        {
            switch (result)
            {
                case FotaResult.ConnectionFailed:
                case FotaResult.ClosedEarly:
                    return true;
                case FotaResult.Timeout:
                    // A read that waited too long, not the whole request's budget.
                    return clock.RemainingMilliseconds > 0;
                case FotaResult.Refused:
                    int code = report.PlatformCode;
                    if (code == 43)
                    {
                        return true;
                    }

                    return code < 0 && report.HttpStatus >= 500;
                default:
                    return false;
            }
        }

        /// <summary>
        /// <c>true</c> when what the region holds is worth keeping for a later request: the failure was of the path or
        /// the time, not of the firmware (so also after the daily limit, a cancel, or the request's Timeout).
        /// </summary>
        internal static bool KeepsProgress(FotaResult result, FotaReport report, RequestClock clock)
        {
            if (result == FotaResult.Cancelled || result == FotaResult.Timeout || IsTransient(result, report, clock))
            {
                return true;
            }

            return result == FotaResult.Refused && (report.PlatformCode == 40 || report.HttpStatus == 429);
        }

        /// <summary>
        /// How long to wait before the next attempt, in milliseconds: what the server asked (Retry-After), 60–180 s for
        /// code 43 without it, else an exponential back-off from <paramref name="retryDelay"/> with jitter.
        /// </summary>
        /// <param name="report">The failed attempt's report (its Retry-After and platform code).</param>
        /// <param name="idle">Failed attempts in a row that brought no firmware bytes (1 after the first).</param>
        /// <param name="retryDelay">The first back-off wait.</param>
        /// <param name="random">The jitter's source.</param>
        internal static long Wait(FotaReport report, int idle, int retryDelay, Random random)
        {
            if (report.RetryAfterMilliseconds >= 0)
            {
                return report.RetryAfterMilliseconds;
            }

            if (report.PlatformCode == 43)
            {
                return 60000 + random.Next(120001);
            }

            long backOff = retryDelay;
            for (int i = 1; i < idle && backOff < MaxBackOff; i++)
            {
                backOff *= 2;
            }

            if (backOff > MaxBackOff)
            {
                backOff = MaxBackOff;
            }

            // Half to all of it, so that devices that failed together do not come back together.
            long half = backOff / 2;
            return half + random.Next((int)(backOff - half) + 1);
        }
    }
}
