using System;

namespace Fota.Client
{
    /// <summary>
    /// The argument check shared by the digests and verifiers: done once per call so that a bad
    /// slice fails with a named argument instead of an index error halfway through a digest,
    /// after part of it has already been absorbed.
    /// </summary>
    internal static class BufferRange
    {
        /// <summary>Throws unless <paramref name="offset"/> and <paramref name="count"/> select a slice of <paramref name="buffer"/>.</summary>
        internal static void Check(byte[] buffer, int offset, int count)
        {
            if (buffer == null)
            {
                throw new ArgumentNullException(nameof(buffer));
            }

            if (offset < 0 || offset > buffer.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(offset));
            }

            // Written as a subtraction so that offset + count cannot overflow.
            if (count < 0 || count > buffer.Length - offset)
            {
                throw new ArgumentOutOfRangeException(nameof(count));
            }
        }
    }
}
