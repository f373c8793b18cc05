namespace Fota.Client
{
    /// <summary>
    /// When <see cref="FotaScheduler"/> checks next, decided from the last report alone: a pure function of its
    /// arguments (the random number included), so every case can be tested without waiting. It yields a relative
    /// delay, never a point in time: <c>DateTime.UtcNow</c> jumps on a device when SNTP sets it, while a relative wait
    /// runs on the interpreter's own tick.
    /// </summary>
    internal static class CheckSchedule
    {
        /// <summary>
        /// Longest wait a server's retry-after can impose: the platform's limits are daily (code 40 resets at UTC
        /// midnight), so anything longer is a mistake, and a device must not fall silent for years because of one.
        /// </summary>
        internal const int MaxRetryAfter = 86400000;

        /// <summary>
        /// Whether a report is worth asking again soon: the server or the network may answer differently in a few
        /// minutes (no connection, a cut or stalled reply, a busy or overloaded server, platform code 43 "package
        /// being generated", another request running). Refusals that cannot change by asking again (wrong key, name,
        /// version, banned, code 40), "already latest", a rejected or unstorable image and bad options are not: asking
        /// again soon would only spend the platform's daily allowance.
        /// </summary>
        internal static bool IsTransient(FotaReport report)
        {
            switch (report.Result)
            {
                case FotaResult.ConnectionFailed:
                case FotaResult.ClosedEarly:
                case FotaResult.Timeout:
                case FotaResult.ProtocolError:
                case FotaResult.UnexpectedStatus:
                case FotaResult.EmptyBody:
                case FotaResult.Busy:
                case FotaResult.InternalError:
                    return true;
                case FotaResult.Refused:
                    if (report.PlatformCode == 43)
                    {
                        return true;
                    }

                    // Without a platform code only the status speaks: a timeout, rate limit or server error passes.
                    int status = report.HttpStatus;
                    return report.PlatformCode < 0 && (status >= 500 || status == 429 || status == 408);
                case FotaResult.Cancelled:
                    // The application stopped the check: ask again at the usual time; a resumable download waits in its
                    // checkpoint meanwhile.
                    return false;
                default:
                    return false;
            }
        }

        /// <summary>
        /// Milliseconds until the next check. After a report that is not transient: <paramref name="interval"/> plus
        /// up to <paramref name="jitter"/>. After the n-th transient failure in a row: <paramref name="retryDelay"/>
        /// doubled n-1 times, capped at <paramref name="interval"/>, plus up to half of that (at most
        /// <paramref name="jitter"/>). Either way never before the server's retry-after (capped at
        /// <see cref="MaxRetryAfter"/>); when the retry-after decides, up to <paramref name="jitter"/> is added so that
        /// a fleet told the same time does not ask all at once.
        /// </summary>
        /// <param name="transient">The last check failed in a way worth retrying soon (<see cref="IsTransient"/>).</param>
        /// <param name="failures">Transient failures in a row, the last one included; ignored when not transient.</param>
        /// <param name="retryAfter">The server's retry-after in milliseconds, or a negative number when it said nothing.</param>
        /// <param name="interval">The normal interval, 1 ms or more.</param>
        /// <param name="jitter">The most that is added at random, 0 or more.</param>
        /// <param name="retryDelay">The first back-off, 1 ms or more.</param>
        /// <param name="random">Any number; the jitter added is derived from it alone.</param>
        /// <remarks>With every setting at most 7 days, the result stays below 15 days: no overflow.</remarks>
        internal static int NextDelay(bool transient, int failures, long retryAfter, int interval, int jitter, int retryDelay, int random)
        {
            int delay;
            if (transient)
            {
                int backOff = retryDelay < interval ? retryDelay : interval;
                for (int i = 1; i < failures && backOff < interval; i++)
                {
                    backOff = backOff > interval / 2 ? interval : backOff * 2;
                }

                int spread = backOff / 2;
                delay = backOff + Spread(random, jitter < spread ? jitter : spread);
            }
            else
            {
                delay = interval + Spread(random, jitter);
            }

            if (retryAfter > delay)
            {
                int asked = retryAfter > MaxRetryAfter ? MaxRetryAfter : (int)retryAfter;
                if (asked > delay)
                {
                    delay = asked + Spread(random, jitter);
                }
            }

            return delay;
        }

        // A number from 0 to span, both included, taken from random.
        private static int Spread(int random, int span)
        {
            if (span <= 0)
            {
                return 0;
            }

            return (random & 0x7FFFFFFF) % (span + 1);
        }
    }
}
