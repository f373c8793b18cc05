using System;

namespace Fota.Client
{
    /// <summary>
    /// Passes a download's progress to the application's <see cref="FotaProgress"/>, rate-limited: about every 1 % of
    /// the body (every 64 KiB when its length is unknown), at a start or start-over, and at the last byte. No allocation
    /// per call; exceptions from the callback are swallowed.
    /// </summary>
    internal class ProgressGate
    {
        private const long UnknownLengthStep = 65536;

        private readonly FotaProgress progress;
        private long last = -1;

        /// <summary>A gate for <paramref name="progress"/>, which may be <c>null</c> (then nothing is called).</summary>
        internal ProgressGate(FotaProgress progress)
        {
            this.progress = progress;
        }

        /// <summary>Forgets what was reported: the next position is reported as a start.</summary>
        internal void Restart()
        {
            last = -1;
        }

        /// <summary>The body is at <paramref name="position"/> of <paramref name="total"/> (-1: unknown).</summary>
        internal void Update(long position, long total)
        {
            if (progress == null)
            {
                return;
            }

            long step = total > 0 ? total / 100 : UnknownLengthStep;
            if (last >= 0 && position >= last && position - last < (step < 1 ? 1 : step) && position != total)
            {
                return;
            }

            last = position;
            try
            {
                progress(position, total);
            }
            catch (Exception)
            {
                // The application's display must not end its download.
            }
        }
    }
}
