using System;
using System.Text;
using Xunit;

namespace Fota.Client.Tests
{
    public class Crc32Tests
    {
        // Bit by bit, straight from the definition, so that the table-driven code is checked
        // against something that shares none of its shortcuts.
        internal static uint Reference(byte[] data, int offset, int count)
        {
            uint crc = 0xFFFFFFFF;
            for (int i = offset; i < offset + count; i++)
            {
                crc ^= data[i];
                for (int bit = 0; bit < 8; bit++)
                {
                    crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
                }
            }

            return ~crc;
        }

        [Theory]
        [InlineData("", 0x00000000u)]
        [InlineData("123456789", 0xCBF43926u)]
        [InlineData("a", 0xE8B7BE43u)]
        [InlineData("The quick brown fox jumps over the lazy dog", 0x414FA339u)]
        public void KnownVectors(string text, uint expected)
        {
            byte[] data = Encoding.ASCII.GetBytes(text);
            Assert.Equal(expected, Reference(data, 0, data.Length));
            Assert.Equal(expected, Crc32.Compute(data, 0, data.Length));

            var crc = new Crc32();
            crc.Update(data, 0, data.Length);
            Assert.Equal(expected, crc.Value);
        }

        [Fact]
        public void OneShotMatchesReferenceForEveryLengthUpTo300()
        {
            byte[] data = Pieces.RandomBytes(300 + 7, 1);
            for (int length = 0; length <= 300; length++)
            {
                // A non-zero offset makes sure the slice, not the array start, is digested.
                Assert.Equal(Reference(data, 7, length), Crc32.Compute(data, 7, length));
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(63)]
        [InlineData(64)]
        [InlineData(65)]
        [InlineData(4096)]
        [InlineData(Pieces.Random)]
        public void StreamingInPiecesMatchesOneShot(int pieceSize)
        {
            var crc = new Crc32();
            for (int length = 0; length <= 300; length++)
            {
                byte[] data = Pieces.RandomBytes(length, length);
                uint expected = Reference(data, 0, data.Length);

                crc.Reset();
                Pieces.Feed(data, pieceSize, length, crc.Update);
                Assert.Equal((length, expected), (length, crc.Value));

                crc.Reset();
                Pieces.FeedThroughReusedBuffer(data, pieceSize, length, crc.Update);
                Assert.Equal((length, expected), (length, crc.Value));
            }

            byte[] large = Pieces.RandomBytes(1 << 20, 42);
            uint largeExpected = Reference(large, 0, large.Length);
            Assert.Equal(largeExpected, Crc32.Compute(large, 0, large.Length));
            crc.Reset();
            Pieces.Feed(large, pieceSize, 5, crc.Update);
            Assert.Equal(largeExpected, crc.Value);
            crc.Reset();
            Pieces.FeedThroughReusedBuffer(large, pieceSize, 6, crc.Update);
            Assert.Equal(largeExpected, crc.Value);
        }

        [Fact]
        public void ReadingValueDoesNotDisturbTheState()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            var crc = new Crc32();
            crc.Update(data, 0, 4);
            Assert.Equal(Reference(data, 0, 4), crc.Value);
            Assert.Equal(Reference(data, 0, 4), crc.Value);
            crc.Update(data, 4, 5);
            Assert.Equal(0xCBF43926u, crc.Value);
        }

        [Fact]
        public void ResetForgetsEarlierBytes()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            var crc = new Crc32();
            crc.Update(data, 0, 3);
            crc.Reset();
            Assert.Equal(0u, crc.Value);
            crc.Update(data, 0, data.Length);
            Assert.Equal(0xCBF43926u, crc.Value);
        }

        [Fact]
        public void CountZeroChangesNothing()
        {
            byte[] data = Encoding.ASCII.GetBytes("123456789");
            var crc = new Crc32();
            crc.Update(data, 0, 0);
            crc.Update(data, 9, 0);
            crc.Update(Array.Empty<byte>(), 0, 0);
            crc.Update(data, 0, 9);
            crc.Update(data, 5, 0);
            Assert.Equal(0xCBF43926u, crc.Value);
        }

        [Fact]
        public void BadSlicesAreRejectedWithoutChangingTheState()
        {
            byte[] data = new byte[10];
            var crc = new Crc32();
            Assert.Throws<ArgumentNullException>(() => crc.Update(null, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => crc.Update(data, -1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => crc.Update(data, 11, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => crc.Update(data, 0, -1));
            Assert.Throws<ArgumentOutOfRangeException>(() => crc.Update(data, 5, 6));
            Assert.Throws<ArgumentOutOfRangeException>(() => crc.Update(data, 1, int.MaxValue));
            Assert.Throws<ArgumentOutOfRangeException>(() => Crc32.Compute(data, 0, 11));
            Assert.Equal(0u, crc.Value);
        }
    }
}
