using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// A region in RAM that keeps the first bytes it is given (or only counts them, for benchmarks), records the
    /// order of the downloader's calls, and can fail at any step.
    /// </summary>
    public class MemoryRegion : IFotaRegion
    {
        /// <summary>Fail nowhere.</summary>
        public const int FailNever = 0;

        /// <summary>Throw from <see cref="Begin"/>.</summary>
        public const int FailBegin = 1;

        /// <summary>Throw from <see cref="Write"/>.</summary>
        public const int FailWrite = 2;

        /// <summary>Throw from <see cref="Commit"/>.</summary>
        public const int FailCommit = 3;

        private readonly byte[] _kept;
        private bool _begun;

        /// <summary>Creates a region keeping up to <paramref name="keep"/> bytes (0: count only), of unlimited capacity.</summary>
        public MemoryRegion(int keep)
        {
            _kept = new byte[keep];
            Capacity = -1;
            ExpectedLength = -2;
        }

        /// <summary>What <see cref="IFotaRegion.Capacity"/> reports: the largest image, or -1 for unknown.</summary>
        public long Capacity { get; set; }

        /// <summary>Which step throws: <see cref="FailNever"/>, <see cref="FailBegin"/>, <see cref="FailWrite"/> or <see cref="FailCommit"/>.</summary>
        public int FailAt { get; set; }

        /// <summary>Bytes written since <see cref="Begin"/>.</summary>
        public long Length { get; private set; }

        /// <summary>
        /// Calls made, in order: B (begin), W (one per write), C (commit), A (abort of a begun image). The abort every
        /// request starts with, to clear what an interrupted one left, finds nothing begun and is counted in
        /// <see cref="Clears"/> instead.
        /// </summary>
        public string Calls { get; private set; } = "";

        /// <summary>Aborts with no image begun: one at the start of every request.</summary>
        public int Clears { get; private set; }

        /// <summary>The length announced to <see cref="Begin"/>, or -2 before it was called.</summary>
        public long ExpectedLength { get; private set; }

        /// <summary>Whether the image was committed.</summary>
        public bool Committed { get; private set; }

        /// <summary>Whether the region was aborted.</summary>
        public bool Aborted { get; private set; }

        /// <summary>Byte <paramref name="index"/> of the image (only the first bytes are kept).</summary>
        public byte At(int index)
        {
            return _kept[index];
        }

        /// <summary>Starts an image.</summary>
        public void Begin(long expectedLength)
        {
            Calls += "B";
            _begun = true;
            ExpectedLength = expectedLength;
            Length = 0;
            if (FailAt == FailBegin)
            {
                throw new InvalidOperationException("scripted begin failure");
            }
        }

        /// <summary>Keeps what fits and counts the rest.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            // One letter per write is enough to see the order; a benchmark writes thousands and must not grow a string.
            if (Calls.Length < 64)
            {
                Calls += "W";
            }

            if (FailAt == FailWrite)
            {
                throw new InvalidOperationException("scripted write failure");
            }

            long room = _kept.Length - Length;
            if (room > 0)
            {
                Array.Copy(buffer, offset, _kept, (int)Length, room < count ? (int)room : count);
            }

            Length += count;
        }

        /// <summary>Marks the image committed.</summary>
        public void Commit()
        {
            Calls += "C";
            if (FailAt == FailCommit)
            {
                throw new InvalidOperationException("scripted commit failure");
            }

            _begun = false;

            Committed = true;
        }

        /// <summary>Marks the region aborted, or counts a clearing abort when nothing was begun.</summary>
        public void Abort()
        {
            if (!_begun)
            {
                Clears++;
                return;
            }

            _begun = false;
            Calls += "A";
            Aborted = true;
        }
    }
}
