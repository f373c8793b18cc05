using System;
using Xunit;
using Bcl = System.Security.Cryptography;

namespace Fota.Client.Tests
{
    public class VerifierTests
    {
        private static readonly byte[] Image = Pieces.RandomBytes(10000, 99);

        // Drives a verifier the way the downloader does: Begin, chunks of 4096 with an empty
        // read in between, verdict.
        private static bool Run(IFotaVerifier verifier, byte[] image, long announced, out string failure)
        {
            verifier.Begin(announced);
            verifier.Update(image, 0, 0);
            Pieces.Feed(image, 4096, 0, (buffer, offset, count) =>
            {
                verifier.Update(buffer, offset, count);
                verifier.Update(buffer, offset, 0);
            });
            return verifier.Finish(out failure);
        }

        private static byte[] FlipOneBit(byte[] image, int bit)
        {
            byte[] copy = (byte[])image.Clone();
            copy[bit / 8] ^= (byte)(1 << (bit % 8));
            return copy;
        }

        private static string Sha256Hex(byte[] data)
        {
            return Convert.ToHexStringLower(Bcl.SHA256.HashData(data));
        }

        private static uint Crc(byte[] data)
        {
            return Crc32.Compute(data, 0, data.Length);
        }

        public static TheoryData<string> VerifierKinds => new TheoryData<string> { "length", "crc32", "sha256-hex", "sha256-upper-hex", "sha256-bytes" };

        private static IFotaVerifier Create(string kind, byte[] image)
        {
            switch (kind)
            {
                case "length": return new LengthVerifier(image.Length);
                case "crc32": return new Crc32Verifier(Crc(image));
                case "sha256-hex": return new Sha256Verifier(Sha256Hex(image));
                case "sha256-upper-hex": return new Sha256Verifier(Sha256Hex(image).ToUpperInvariant());
                case "sha256-bytes": return new Sha256Verifier(Bcl.SHA256.HashData(image));
                default: throw new ArgumentException(kind);
            }
        }

        [Theory]
        [MemberData(nameof(VerifierKinds))]
        public void AcceptsTheRightImage(string kind)
        {
            IFotaVerifier verifier = Create(kind, Image);
            Assert.True(Run(verifier, Image, Image.Length, out string failure), failure);
            Assert.Null(failure);
            Assert.True(Run(verifier, Image, -1, out failure), failure);
        }

        [Theory]
        [MemberData(nameof(VerifierKinds))]
        public void AcceptsAnEmptyImage(string kind)
        {
            byte[] empty = new byte[0];
            Assert.True(Run(Create(kind, empty), empty, 0, out string failure), failure);
        }

        [Theory]
        [InlineData("crc32")]
        [InlineData("sha256-hex")]
        [InlineData("sha256-bytes")]
        public void RejectsAOneBitFlip(string kind)
        {
            IFotaVerifier verifier = Create(kind, Image);
            foreach (int bit in new[] { 0, 7, 8 * 4096 - 1, 8 * 4096, 8 * Image.Length - 1 })
            {
                Assert.False(Run(verifier, FlipOneBit(Image, bit), Image.Length, out string failure), "bit " + bit);
                Assert.False(string.IsNullOrEmpty(failure));
            }
        }

        [Theory]
        [MemberData(nameof(VerifierKinds))]
        public void RejectsAWrongLength(string kind)
        {
            IFotaVerifier verifier = Create(kind, Image);
            byte[] shorter = Image.AsSpan(0, Image.Length - 1).ToArray();
            byte[] longer = new byte[Image.Length + 1];
            Image.CopyTo(longer, 0);

            Assert.False(Run(verifier, shorter, -1, out string failure));
            Assert.NotNull(failure);
            Assert.False(Run(verifier, longer, -1, out failure));
            Assert.NotNull(failure);
        }

        [Theory]
        [MemberData(nameof(VerifierKinds))]
        public void IsReusableAfterBegin(string kind)
        {
            IFotaVerifier verifier = Create(kind, Image);
            Assert.True(Run(verifier, Image, -1, out string failure), failure);
            if (kind != "length")
            {
                Assert.False(Run(verifier, FlipOneBit(Image, 12345), -1, out failure));
            }

            Assert.False(Run(verifier, new byte[3], -1, out failure));

            // Abandoned half-way: Begin must forget the partial image too.
            verifier.Begin(-1);
            verifier.Update(Image, 0, 100);
            Assert.True(Run(verifier, Image, -1, out failure), failure);
            Assert.True(Run(verifier, Image, -1, out failure), failure);
        }

        [Theory]
        [MemberData(nameof(VerifierKinds))]
        public void VerdictCanBeAskedTwice(string kind)
        {
            IFotaVerifier verifier = Create(kind, Image);
            Assert.True(Run(verifier, Image, -1, out string failure), failure);
            Assert.True(verifier.Finish(out failure), failure);

            Assert.False(Run(verifier, new byte[5], -1, out string first));
            Assert.False(verifier.Finish(out string second));
            Assert.Equal(first, second);
        }

        [Fact]
        public void LengthFailureSaysExpectedAndReceived()
        {
            var verifier = new LengthVerifier(100);
            Assert.False(Run(verifier, new byte[99], -1, out string failure));
            Assert.Equal("length mismatch: expected 100 bytes, received 99", failure);
            Assert.Equal(99, verifier.BytesReceived);
            Assert.False(Run(verifier, new byte[4097], 4097, out failure));
            Assert.Contains("4097", failure);
        }

        [Fact]
        public void LengthRejectsADifferentAnnouncedLengthEvenWhenTheBytesMatch()
        {
            var verifier = new LengthVerifier(100);
            Assert.False(Run(verifier, new byte[100], 120, out string failure));
            Assert.Equal("length mismatch: server announced 120 bytes but 100 were expected (received 100)", failure);
            Assert.Equal(100, verifier.BytesReceived);

            Assert.True(Run(verifier, new byte[100], 100, out failure), failure);
            Assert.True(Run(verifier, new byte[100], -1, out failure), failure);
        }

        [Fact]
        public void LengthRejectsANegativeExpectation()
        {
            Assert.Throws<ArgumentOutOfRangeException>(() => new LengthVerifier(-1));
            Assert.Equal(0, new LengthVerifier(0).ExpectedLength);
        }

        [Fact]
        public void LengthOnlyCountsCalls()
        {
            var verifier = new LengthVerifier(5);
            verifier.Begin(-1);
            verifier.Update(new byte[10], 3, 5);
            verifier.Update(new byte[10], 10, 0);
            Assert.True(verifier.Finish(out string failure), failure);
            Assert.Throws<ArgumentOutOfRangeException>(() => verifier.Update(new byte[10], 6, 5));
            Assert.Throws<ArgumentNullException>(() => verifier.Update(null, 0, 0));
        }

        [Fact]
        public void Crc32FailureShowsBothValuesAsEightHexDigits()
        {
            var verifier = new Crc32Verifier(0x1a2b3c4d);
            byte[] data = System.Text.Encoding.ASCII.GetBytes("123456789");
            Assert.False(Run(verifier, data, -1, out string failure));
            Assert.Equal("CRC32 mismatch: expected 1a2b3c4d, got cbf43926", failure);

            verifier = new Crc32Verifier(0xab);
            Assert.False(Run(verifier, new byte[0], -1, out failure));
            Assert.Equal("CRC32 mismatch: expected 000000ab, got 00000000", failure);
        }

        [Fact]
        public void Sha256FailureShowsBothDigests()
        {
            string expected = Sha256Hex(Image);
            var verifier = new Sha256Verifier(expected.ToUpperInvariant());
            Assert.Equal(expected, verifier.ExpectedHex);
            byte[] flipped = FlipOneBit(Image, 3);
            Assert.False(Run(verifier, flipped, -1, out string failure));
            Assert.Equal("SHA-256 mismatch: expected " + expected + ", got " + Sha256Hex(flipped), failure);
        }

        [Theory]
        [InlineData("")]
        [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85")]
        [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8555")]
        [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b8")]
        [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855e3")]
        [InlineData("g3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b85 ")]
        [InlineData(" e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("0xe3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")]
        [InlineData("e3:b0:c4:42:98:fc:1c:14:9a:fb:f4:c8:99:6f:b9:24:27:ae:41:e4:64:9b:93:4c:a4:95:99:1b:78:52:b8:55")]
        public void MalformedHexIsRejected(string text)
        {
            ArgumentException error = Assert.Throws<ArgumentException>(() => new Sha256Verifier(text));
            Assert.Equal("expectedHex", error.ParamName);
            Assert.Contains("64 hex digits", error.Message);
        }

        [Fact]
        public void MissingOrWrongSizedDigestIsRejected()
        {
            Assert.Throws<ArgumentNullException>(() => new Sha256Verifier((string)null));
            Assert.Throws<ArgumentNullException>(() => new Sha256Verifier((byte[])null));
            Assert.Throws<ArgumentException>(() => new Sha256Verifier(new byte[31]));
            Assert.Throws<ArgumentException>(() => new Sha256Verifier(new byte[33]));
        }

        [Fact]
        public void Sha256DigestArrayIsCopied()
        {
            byte[] digest = Bcl.SHA256.HashData(Image);
            var verifier = new Sha256Verifier(digest);
            digest[0] ^= 1;
            Assert.True(Run(verifier, Image, -1, out string failure), failure);
        }
    }
}
