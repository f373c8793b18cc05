using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// Passes every call to another region and draws a progress bar from the bytes written (stderr in
    /// <c>fota get</c>). Redraws at most every 100 ms so a fast loopback download is not slowed by the terminal.
    /// </summary>
    public sealed class ProgressRegion : IFotaRegion
    {
        private const int BarWidth = 30;
        private const long RedrawTicks = TimeSpan.TicksPerMillisecond * 100;

        private readonly IFotaRegion inner;
        private readonly TextWriter screen;
        private readonly Stopwatch clock = new Stopwatch();
        private long expected = -1;
        private long lastDraw;
        private bool drawn;

        /// <summary>Wraps <paramref name="inner"/>, drawing on <paramref name="screen"/>.</summary>
        public ProgressRegion(IFotaRegion inner, TextWriter screen)
        {
            this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
            this.screen = screen ?? throw new ArgumentNullException(nameof(screen));
        }

        /// <summary>Bytes written since <see cref="Begin"/>.</summary>
        public long Written { get; private set; }

        /// <inheritdoc />
        public long Capacity
        {
            get { return inner.Capacity; }
        }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            inner.Begin(expectedLength);
            expected = expectedLength;
            Written = 0;
            clock.Restart();
            lastDraw = -RedrawTicks; // draw on the first write
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
            long now = clock.Elapsed.Ticks;
            if (now - lastDraw >= RedrawTicks)
            {
                lastDraw = now;
                Draw();
            }
        }

        /// <inheritdoc />
        public void Commit()
        {
            inner.Commit();
            Draw();
            Finish();
        }

        /// <inheritdoc />
        public void Abort()
        {
            try
            {
                inner.Abort();
            }
            finally
            {
                Finish();
            }
        }

        private void Draw()
        {
            string line;
            if (expected > 0)
            {
                double share = Math.Min(1.0, (double)Written / expected);
                int filled = (int)(share * BarWidth);
                line = "[" + new string('#', filled) + new string('-', BarWidth - filled) + "] "
                    + ((int)(share * 100)).ToString(CultureInfo.InvariantCulture).PadLeft(3) + "%  "
                    + Size(Written) + " of " + Size(expected);
            }
            else
            {
                line = Size(Written) + " received";
            }

            screen.Write("\r" + line + "   ");
            screen.Flush();
            drawn = true;
        }

        private void Finish()
        {
            if (drawn)
            {
                screen.WriteLine();
                drawn = false;
            }
        }

        private static string Size(long bytes)
        {
            if (bytes < 1024)
            {
                return bytes.ToString(CultureInfo.InvariantCulture) + " B";
            }

            return bytes < 1024 * 1024
                ? (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB"
                : (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB";
        }
    }
}
