using System;

namespace Fota.Client.Tests
{
    /// <summary>
    /// Feeds data to a streaming Update in pieces, the way a downloader would: either as slices of
    /// the original array (offsets exercised) or copied through one reused buffer that is
    /// scribbled over after every call (catches an implementation that keeps a reference).
    /// </summary>
    internal static class Pieces
    {
        /// <summary>Piece size modes used by the theories; 0 means random sizes (0..200, zero included).</summary>
        public const int Random = 0;

        public static void Feed(byte[] data, int pieceSize, int seed, Action<byte[], int, int> update)
        {
            var random = new Random(seed);
            int offset = 0;
            while (offset < data.Length)
            {
                int size = pieceSize == Random ? random.Next(0, 201) : pieceSize;
                if (size > data.Length - offset)
                {
                    size = data.Length - offset;
                }

                update(data, offset, size);
                offset += size;
            }
        }

        public static void FeedThroughReusedBuffer(byte[] data, int pieceSize, int seed, Action<byte[], int, int> update)
        {
            var random = new Random(seed);
            byte[] buffer = new byte[pieceSize == Random ? 300 : pieceSize + 16];
            int offset = 0;
            while (offset < data.Length)
            {
                int size = pieceSize == Random ? random.Next(0, 201) : pieceSize;
                if (size > data.Length - offset)
                {
                    size = data.Length - offset;
                }

                int at = random.Next(0, buffer.Length - size + 1);
                Array.Copy(data, offset, buffer, at, size);
                update(buffer, at, size);
                random.NextBytes(buffer);
                offset += size;
            }
        }

        public static byte[] RandomBytes(int length, int seed)
        {
            byte[] data = new byte[length];
            new Random(seed).NextBytes(data);
            return data;
        }
    }
}
