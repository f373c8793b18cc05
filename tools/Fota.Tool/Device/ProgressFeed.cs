using System.Diagnostics;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// Feeds <see cref="FotaOptions.Progress"/> into an <see cref="IProgressView"/>: a view begins with the first report
    /// and again when a download starts over, shows at most every 50 ms (the core reports about every 1 %), and ends
    /// with the request's report.
    /// </summary>
    public sealed class ProgressFeed
    {
        private static readonly long ShowEvery = Stopwatch.Frequency / 20;

        private readonly IProgressView view;
        private bool begun;
        private long last;
        private long lastShown;

        /// <summary>Shows progress on <paramref name="view"/>.</summary>
        public ProgressFeed(IProgressView view)
        {
            this.view = view;
        }

        /// <summary>The <see cref="FotaProgress"/> to set on the options.</summary>
        public void Update(long received, long expected)
        {
            if (!begun || received < last)
            {
                if (begun)
                {
                    view.End(last, false);
                }

                view.Begin(expected);
                begun = true;
                lastShown = 0;
            }

            last = received;
            long now = Stopwatch.GetTimestamp();
            if (now - lastShown >= ShowEvery || received == expected)
            {
                lastShown = now;
                view.Show(received);
            }
        }

        /// <summary>The request ended with <paramref name="report"/>.</summary>
        public void Finish(FotaReport report)
        {
            if (begun)
            {
                begun = false;
                view.End(report.Succeeded ? report.BytesReceived : last, report.Succeeded);
            }
        }
    }
}
