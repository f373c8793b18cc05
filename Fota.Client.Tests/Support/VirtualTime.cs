using System;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// The request's clock as the real one plus every wait the request made, and waits that return at once: a test of
    /// back-off, Retry-After or code 43 sees the request wait minutes of its budget in no time, while reads and connects
    /// still take (and are bounded by) real time.
    /// </summary>
    internal sealed class VirtualTime
    {
        private long skipped;
        private long waits;

        /// <summary>Milliseconds the request waited, all waits together.</summary>
        public long Waited => Interlocked.Read(ref skipped) / TimeSpan.TicksPerMillisecond;

        /// <summary>How many slices of waiting the request asked for.</summary>
        public long Waits => Interlocked.Read(ref waits);

        /// <summary>Makes <paramref name="options"/> wait and read the time here.</summary>
        public FotaOptions Apply(FotaOptions options)
        {
            options.Clock = () => DateTime.UtcNow.Ticks + Interlocked.Read(ref skipped);
            options.Sleep = milliseconds =>
            {
                Interlocked.Add(ref skipped, milliseconds * TimeSpan.TicksPerMillisecond);
                Interlocked.Increment(ref waits);
            };
            return options;
        }
    }
}
