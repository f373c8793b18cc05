using System;
using System.Text;
using Xunit;
using Bcl = System.Security.Cryptography;

namespace Fota.Client.Tests
{
    public class Sha256Tests
    {
        private static string Hex(byte[] bytes)
        {
            return Convert.ToHexStringLower(bytes);
        }

        private static string Expected(byte[] data)
        {
            return Hex(Bcl.SHA256.HashData(data));
        }

        [Theory]
        [InlineData("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")]
        [InlineData("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")]
        public void KnownVectors(string text, string expected)
        {
            byte[] data = Encoding.ASCII.GetBytes(text);
            Assert.Equal(expected, Hex(Sha256.Compute(data, 0, data.Length)));
            Assert.Equal(expected, Expected(data));
        }

        [Fact]
        public void OneMillionA()
        {
            byte[] data = new byte[1000000];
            Array.Fill(data, (byte)'a');
            var sha = new Sha256();
            Pieces.Feed(data, 1000, 0, sha.Update);
            Assert.Equal("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0", Hex(sha.Finish()));
        }

        [Fact]
        public void OneShotMatchesDotNetForEveryLengthUpTo300()
        {
            byte[] data = Pieces.RandomBytes(300 + 7, 2);
            for (int length = 0; length <= 300; length++)
            {
                byte[] expected = Bcl.SHA256.HashData(new ReadOnlySpan<byte>(data, 7, length));
                Assert.Equal((length, Hex(expected)), (length, Hex(Sha256.Compute(data, 7, length))));
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(3)]
        [InlineData(55)]
        [InlineData(56)]
        [InlineData(63)]
        [InlineData(64)]
        [InlineData(65)]
        [InlineData(128)]
        [InlineData(4096)]
        [InlineData(Pieces.Random)]
        public void StreamingInPiecesMatchesDotNet(int pieceSize)
        {
            var sha = new Sha256();
            for (int length = 0; length <= 300; length++)
            {
                byte[] data = Pieces.RandomBytes(length, length);
                string expected = Expected(data);

                sha.Reset();
                Pieces.Feed(data, pieceSize, length, sha.Update);
                Assert.Equal((length, expected), (length, Hex(sha.Finish())));

                sha.Reset();
                Pieces.FeedThroughReusedBuffer(data, pieceSize, length, sha.Update);
                Assert.Equal((length, expected), (length, Hex(sha.Finish())));
            }

            byte[] large = Pieces.RandomBytes(1 << 20, 43);
            string largeExpected = Expected(large);
            sha.Reset();
            Pieces.Feed(large, pieceSize, 7, sha.Update);
            Assert.Equal(largeExpected, Hex(sha.Finish()));
            sha.Reset();
            Pieces.FeedThroughReusedBuffer(large, pieceSize, 8, sha.Update);
            Assert.Equal(largeExpected, Hex(sha.Finish()));
        }

        [Fact]
        public void OneMegabyteOneShot()
        {
            byte[] large = Pieces.RandomBytes((1 << 20) + 13, 44);
            Assert.Equal(Expected(large), Hex(Sha256.Compute(large, 0, large.Length)));
        }

        [Fact]
        public void CountZeroChangesNothing()
        {
            byte[] data = Encoding.ASCII.GetBytes("abc");
            var sha = new Sha256();
            sha.Update(data, 0, 0);
            sha.Update(Array.Empty<byte>(), 0, 0);
            sha.Update(data, 0, 1);
            sha.Update(data, 1, 0);
            sha.Update(data, 1, 2);
            sha.Update(data, 3, 0);
            Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex(sha.Finish()));
        }

        [Fact]
        public void FinishRequiresResetBeforeReuse()
        {
            byte[] data = Encoding.ASCII.GetBytes("abc");
            var sha = new Sha256();
            sha.Update(data, 0, 3);
            sha.Finish();
            Assert.Throws<InvalidOperationException>(() => sha.Update(data, 0, 3));
            Assert.Throws<InvalidOperationException>(() => sha.Finish());

            sha.Reset();
            sha.Update(data, 0, 3);
            Assert.Equal("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Hex(sha.Finish()));
        }

        [Fact]
        public void ResetMidBlockForgetsThePendingBytes()
        {
            byte[] data = Pieces.RandomBytes(100, 3);
            var sha = new Sha256();
            sha.Update(data, 0, 70);
            sha.Reset();
            sha.Update(data, 0, 100);
            Assert.Equal(Expected(data), Hex(sha.Finish()));
        }

        [Fact]
        public void BadSlicesAreRejectedWithoutChangingTheState()
        {
            byte[] data = new byte[10];
            var sha = new Sha256();
            Assert.Throws<ArgumentNullException>(() => sha.Update(null, 0, 0));
            Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(data, -1, 1));
            Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(data, 0, 11));
            Assert.Throws<ArgumentOutOfRangeException>(() => sha.Update(data, 9, int.MaxValue));
            Assert.Throws<ArgumentOutOfRangeException>(() => Sha256.Compute(data, 11, 0));
            Assert.Equal(Expected(Array.Empty<byte>()), Hex(sha.Finish()));
        }
    }
}
