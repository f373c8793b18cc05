using System;
using System.Diagnostics;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// Passes every call to another region and tells an <see cref="IProgressView"/> how far the download got, at
    /// most every 50 ms so that a fast loopback download does not wait for the screen.
    /// </summary>
    public sealed class ProgressRegion : IFotaRegion
    {
        private static readonly long ShowEvery = Stopwatch.Frequency / 20;

        private readonly IFotaRegion inner;
        private readonly IProgressView view;
        private long lastShown;
        private bool begun;

        /// <summary>Wraps <paramref name="inner"/>, reporting to <paramref name="view"/>.</summary>
        public ProgressRegion(IFotaRegion inner, IProgressView view)
        {
            this.inner = inner ?? throw new ArgumentNullException(nameof(inner));
            this.view = view ?? throw new ArgumentNullException(nameof(view));
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
            Written = 0;
            begun = true;
            view.Begin(expectedLength);
            lastShown = Stopwatch.GetTimestamp();
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
            long now = Stopwatch.GetTimestamp();
            if (now - lastShown >= ShowEvery)
            {
                lastShown = now;
                view.Show(Written);
            }
        }

        /// <inheritdoc />
        public void Commit()
        {
            inner.Commit();
            view.Show(Written);
            End(true);
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
                End(false);
            }
        }

        private void End(bool committed)
        {
            if (begun)
            {
                begun = false;
                view.End(Written, committed);
            }
        }
    }
}
