using System;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// The region of <c>fota check</c>: it records that the server offered a firmware (and its announced length)
    /// and refuses to store it, so the core aborts the download right after the first segment. Nothing is written.
    /// </summary>
    public sealed class CheckRegion : IFotaRegion
    {
        /// <summary>The message the core puts in the report's detail when this region stops the download.</summary>
        public const string StopMessage = "check only: the firmware is not downloaded";

        /// <summary><c>true</c> once the server answered 200/206 with a non-empty body.</summary>
        public bool Offered { get; private set; }

        /// <summary>The length the server announced, or -1 when unknown (chunked).</summary>
        public long OfferedLength { get; private set; } = -1;

        /// <inheritdoc />
        public long Capacity
        {
            get { return -1; }
        }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            Offered = true;
            OfferedLength = expectedLength;
            throw new InvalidOperationException(StopMessage);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            throw new InvalidOperationException(StopMessage);
        }

        /// <inheritdoc />
        public void Commit()
        {
            throw new InvalidOperationException(StopMessage);
        }

        /// <inheritdoc />
        public void Abort()
        {
        }
    }
}
