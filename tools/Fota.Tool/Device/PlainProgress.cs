using System.Diagnostics;
using System.Globalization;
using System.IO;

namespace Fota.Tool
{
    /// <summary>
    /// Progress for a log rather than a person at a terminal: a line at each quarter of an announced length and
    /// one at the end with the rate, no carriage returns or colours.
    /// </summary>
    public sealed class PlainProgress : IProgressView
    {
        private readonly TextWriter log;
        private readonly Stopwatch clock = new Stopwatch();
        private long expected = -1;
        private int quartersShown;

        /// <summary>Writes to <paramref name="log"/>.</summary>
        public PlainProgress(TextWriter log)
        {
            this.log = log;
        }

        /// <inheritdoc />
        public void Begin(long expected)
        {
            this.expected = expected;
            quartersShown = 0;
            clock.Restart();
        }

        /// <inheritdoc />
        public void Show(long written)
        {
            if (expected <= 0)
            {
                return;
            }

            int quarters = (int)(4 * written / expected);
            if (quarters > quartersShown && quarters < 4)
            {
                quartersShown = quarters;
                log.WriteLine(Line(written));
            }
        }

        /// <inheritdoc />
        public void End(long written, bool committed)
        {
            double seconds = clock.Elapsed.TotalSeconds;
            string rate = seconds > 0 ? ", " + Sizes.Format((long)(written / seconds)) + "/s" : "";
            log.WriteLine((committed ? Line(written) : "stopped after " + Sizes.Format(written))
                + " in " + seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s" + rate);
            log.Flush();
        }

        private string Line(long written)
        {
            return expected > 0
                ? (100 * written / expected).ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%  " + Sizes.Format(written) + " of " + Sizes.Format(expected)
                : Sizes.Format(written) + " received";
        }
    }
}
