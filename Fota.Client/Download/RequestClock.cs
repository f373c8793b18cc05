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
    /// <remarks>Read it around every blocking call; each reading is one delegate call, nothing is allocated.</remarks>
    internal class RequestClock
    {
        private readonly TickSource source;
        private long last;
        private long elapsed;
        private long longestStep;
        private long budget = long.MaxValue;
        private int budgetMilliseconds;

        /// <summary>Starts counting at the first reading of <paramref name="source"/> (<c>DateTime.UtcNow</c> when <c>null</c>).</summary>
        /// <remarks>Until <see cref="Limit"/>, no step counts: only checks that never block run before it.</remarks>
        internal RequestClock(TickSource source)
        {
            this.source = source == null ? new TickSource(UtcTicks) : source;
            last = this.source();
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

        /// <summary>Takes a reading; throws <see cref="FotaResult.Timeout"/> when the budget is spent.</summary>
        internal void ThrowIfExpired()
        {
            Read();
            if (elapsed > budget)
            {
                throw new FotaException(FotaResult.Timeout, "the request took longer than its Timeout of "
                    + budgetMilliseconds.ToString() + " ms");
            }
        }

        private static long UtcTicks()
        {
            return DateTime.UtcNow.Ticks;
        }
    }
}
