using System;

namespace Fota.Client
{
    /// <summary>
    /// The time one request has spent, added up from successive readings of a clock that may jump:
    /// <c>DateTime.UtcNow</c> is the only clock in nanoFramework's mscorlib, and a device's jumps when SNTP first sets
    /// it. A backward step counts as nothing; a forward step counts at most as the longest single blocking call can
    /// take, since two readings are never further apart than that unless the clock jumped. So a jump neither fails nor
    /// stretches a request: it costs at most one such step of the budget.
    /// </summary>
    /// <remarks>
    /// Read it around every blocking call; each reading is one delegate call, nothing is allocated. It also carries the
    /// request's <see cref="Cancellation"/>: every check for the budget is a check for a cancel too, so a cancelled
    /// request stops at its next read or wait.
    /// </remarks>
    internal class RequestClock
    {
        private readonly TickSource source;
        private readonly Sleeper sleeper;
        private readonly Cancellation cancellation;
        private long last;
        private long elapsed;
        private long longestStep;
        private long budget = long.MaxValue;
        private int budgetMilliseconds;

        /// <summary>Starts counting at the first reading of <paramref name="source"/> (<c>DateTime.UtcNow</c> when <c>null</c>).</summary>
        /// <remarks>Until <see cref="Limit"/>, no step counts: only checks that never block run before it.</remarks>
        /// <param name="source">The clock; <c>null</c> for <c>DateTime.UtcNow</c>.</param>
        /// <param name="sleeper">How <see cref="Wait"/> waits; <c>null</c> for <c>Thread.Sleep</c>.</param>
        /// <param name="cancellation">The request's cancel flag, or <c>null</c>.</param>
        internal RequestClock(TickSource source, Sleeper sleeper, Cancellation cancellation)
        {
            this.source = source == null ? new TickSource(UtcTicks) : source;
            this.sleeper = sleeper == null ? new Sleeper(Sleep) : sleeper;
            this.cancellation = cancellation;
            last = this.source();
        }

        /// <summary>The clock's last reading, in ticks (UTC on a device whose clock is set).</summary>
        internal long Now
        {
            get { return last; }
        }

        /// <summary>Time counted up to the last reading, in milliseconds.</summary>
        internal long ElapsedMilliseconds
        {
            get { return elapsed / TimeSpan.TicksPerMillisecond; }
        }

        /// <summary>What is left of the budget at the last reading, in milliseconds; 0 once it is spent.</summary>
        internal long RemainingMilliseconds
        {
            get { return elapsed >= budget ? 0 : (budget - elapsed) / TimeSpan.TicksPerMillisecond; }
        }

        /// <summary>Sets the request's budget and the longest any single blocking call can take.</summary>
        internal void Limit(int budgetMilliseconds, int longestStepMilliseconds)
        {
            this.budgetMilliseconds = budgetMilliseconds;
            budget = budgetMilliseconds * TimeSpan.TicksPerMillisecond;
            longestStep = longestStepMilliseconds * TimeSpan.TicksPerMillisecond;
        }

        /// <summary><c>true</c> once the application cancelled the request.</summary>
        internal bool CancelRequested
        {
            get { return cancellation != null && cancellation.Requested; }
        }

        /// <summary>The connection a cancel must close to wake a waiting read; <c>null</c> when there is none.</summary>
        internal void Watch(IConnection connection)
        {
            if (cancellation != null)
            {
                cancellation.Watch(connection);
            }
        }

        /// <summary>Takes a reading and adds the step since the previous one.</summary>
        internal void Read()
        {
            long now = source();
            long step = now - last;
            last = now;
            if (step > longestStep)
            {
                step = longestStep;
            }

            if (step > 0)
            {
                elapsed += step;
            }
        }

        /// <summary>
        /// Takes a reading; throws <see cref="FotaResult.Cancelled"/> when the request was cancelled and
        /// <see cref="FotaResult.Timeout"/> when the budget is spent.
        /// </summary>
        internal void ThrowIfExpired()
        {
            Read();
            if (CancelRequested)
            {
                throw Cancelled();
            }

            if (elapsed > budget)
            {
                throw new FotaException(FotaResult.Timeout, "the request took longer than its Timeout of "
                    + budgetMilliseconds.ToString() + " ms");
            }
        }

        /// <summary>The failure of a cancelled request.</summary>
        internal static FotaException Cancelled()
        {
            return new FotaException(FotaResult.Cancelled, "cancelled by the application");
        }

        /// <summary>
        /// Waits <paramref name="milliseconds"/> in slices no longer than the longest step the clock counts (and at most
        /// half a second, so a cancel is seen soon), reading the clock after each: the wait counts against the budget in
        /// full, and a cancel or the end of the budget ends it.
        /// </summary>
        internal void Wait(long milliseconds)
        {
            long slice = longestStep / TimeSpan.TicksPerMillisecond;
            if (slice > 500 || slice < 1)
            {
                slice = 500;
            }

            while (milliseconds > 0)
            {
                int step = (int)(milliseconds < slice ? milliseconds : slice);
                sleeper(step);
                milliseconds -= step;
                ThrowIfExpired();
            }
        }

        private static void Sleep(int milliseconds)
        {
            System.Threading.Thread.Sleep(milliseconds);
        }

        private static long UtcTicks()
        {
            return DateTime.UtcNow.Ticks;
        }
    }
}
