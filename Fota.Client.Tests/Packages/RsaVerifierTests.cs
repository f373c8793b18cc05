using System;
using System.Linq;
using System.Numerics;
using System.Security.Cryptography;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// The core's RSA verification against .NET's RSA as the oracle: what .NET signs verifies, what .NET refuses is
    /// refused, and signatures made with the raw private operation (BigInteger, not the core's arithmetic) that carry
    /// almost-right encodings are all refused.
    /// </summary>
    public class RsaVerifierTests
    {
        private static readonly byte[] DigestInfoPrefix = Convert.FromHexString("3031300d060960864801650304020105000420");

        [Fact]
        public void SignaturesMadeByDotNetVerifyAndOtherDigestsDoNot()
        {
            var random = new Random(8);
            foreach (RSA rsa in TestKeys.All2048.Concat(TestKeys.All3072))
            {
                var verifier = new RsaVerifier(TestKeys.Public(rsa));
                for (int i = 0; i < 25; i++)
                {
                    byte[] digest = new byte[32];
                    random.NextBytes(digest);
                    byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    byte[] other = (byte[])digest.Clone();
                    other[random.Next(32)] ^= (byte)(1 << random.Next(8));

                    Assert.True(verifier.Verify(signature, 0, signature.Length, digest));
                    Assert.False(verifier.Verify(signature, 0, signature.Length, other));
                    Assert.False(rsa.VerifyHash(other, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                }
            }
        }

        [Fact]
        public void RandomSignatureValuesAgreeWithDotNet()
        {
            var random = new Random(9);
            foreach (RSA rsa in TestKeys.All2048.Concat(TestKeys.All3072))
            {
                var verifier = new RsaVerifier(TestKeys.Public(rsa));
                byte[] digest = SHA256.HashData(new byte[] { 1, 2, 3 });
                for (int i = 0; i < 40; i++)
                {
                    byte[] signature = new byte[rsa.KeySize / 8];
                    random.NextBytes(signature);
                    signature[0] &= 0x7F;

                    Assert.Equal(rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                        verifier.Verify(signature, 0, signature.Length, digest));
                }
            }
        }

        [Fact]
        public void SignaturesWithLeadingZeroBytesVerify()
        {
            RSA rsa = TestKeys.Rsa2048;
            var verifier = new RsaVerifier(TestKeys.Public(rsa));
            int found = 0;
            for (int i = 0; found < 2 && i < 5000; i++)
            {
                byte[] digest = SHA256.HashData(BitConverter.GetBytes(i));
                byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                if (signature[0] != 0)
                {
                    continue;
                }

                found++;
                Assert.True(verifier.Verify(signature, 0, signature.Length, digest));

                // The same number without its leading zero is not a signature of the modulus' length.
                Assert.False(verifier.Verify(signature, 1, signature.Length - 1, digest));
            }

            Assert.Equal(2, found);
        }

        [Fact]
        public void SignaturesAtOrAboveTheModulusAndDegenerateValuesAreRefused()
        {
            foreach (RSA rsa in new[] { TestKeys.Rsa2048, TestKeys.Rsa3072 })
            {
                var verifier = new RsaVerifier(TestKeys.Public(rsa));
                byte[] modulus = rsa.ExportParameters(false).Modulus;
                int k = modulus.Length;
                byte[] digest = SHA256.HashData(new byte[] { 42 });
                byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                BigInteger n = new BigInteger(modulus, isUnsigned: true, isBigEndian: true);

                Assert.True(verifier.Verify(signature, 0, k, digest));
                Assert.False(verifier.Verify(modulus, 0, k, digest));
                Assert.False(verifier.Verify(Bytes(n + 1, k), 0, k, digest));

                Assert.False(verifier.Verify(Enumerable.Repeat((byte)0xFF, k).ToArray(), 0, k, digest));
                Assert.False(verifier.Verify(new byte[k], 0, k, digest));
                Assert.False(verifier.Verify(Bytes(BigInteger.One, k), 0, k, digest));
                Assert.False(verifier.Verify(Bytes(n - 1, k), 0, k, digest));
            }
        }

        [Fact]
        public void SignaturePlusModulusIsRefusedThoughItIsTheSameResidue()
        {
            // s + n ≡ s (mod n), so only the range check refuses it; it fits in k bytes for roughly a third of the
            // signatures, so several keys and digests are tried until a few cases were met.
            int met = 0;
            foreach (RSA rsa in TestKeys.All2048.Concat(TestKeys.All3072))
            {
                var verifier = new RsaVerifier(TestKeys.Public(rsa));
                int k = rsa.KeySize / 8;
                BigInteger n = new BigInteger(rsa.ExportParameters(false).Modulus, isUnsigned: true, isBigEndian: true);
                for (int i = 0; i < 8; i++)
                {
                    byte[] digest = SHA256.HashData(BitConverter.GetBytes(i));
                    byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                    BigInteger shifted = new BigInteger(signature, isUnsigned: true, isBigEndian: true) + n;
                    if (shifted < BigInteger.One << (8 * k))
                    {
                        met++;
                        Assert.True(verifier.Verify(signature, 0, k, digest));
                        Assert.False(verifier.Verify(Bytes(shifted, k), 0, k, digest));
                    }
                }
            }

            Assert.True(met >= 3, "only " + met + " signatures had s + n below 2^(8k)");
        }

        [Fact]
        public void WrongLengthsAndArgumentsAreHandled()
        {
            RSA rsa = TestKeys.Rsa2048;
            var verifier = new RsaVerifier(TestKeys.Public(rsa));
            byte[] digest = SHA256.HashData(new byte[] { 7 });
            byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            byte[] longer = new byte[] { 0 }.Concat(signature).ToArray();
            byte[] framed = new byte[] { 9, 9, 9 }.Concat(signature).Concat(new byte[] { 9 }).ToArray();

            Assert.False(verifier.Verify(longer, 0, longer.Length, digest));
            Assert.True(verifier.Verify(framed, 3, signature.Length, digest));
            Assert.False(verifier.Verify(signature, 0, signature.Length - 1, digest));
            Assert.Throws<ArgumentOutOfRangeException>(() => verifier.Verify(signature, 1, signature.Length, digest));
            Assert.Throws<ArgumentException>(() => verifier.Verify(signature, 0, signature.Length, new byte[20]));
            Assert.Throws<ArgumentNullException>(() => verifier.Verify(signature, 0, signature.Length, null));
            Assert.Throws<ArgumentNullException>(() => new RsaVerifier(null));
        }

        [Fact]
        public void ARightEncodingMadeWithTheRawPrivateOperationVerifies()
        {
            // Checks the crafting below: with the correct encoding it produces what .NET produces.
            foreach (RSA rsa in new[] { TestKeys.Rsa2048, TestKeys.Rsa3072 })
            {
                byte[] digest = SHA256.HashData(new byte[] { 5 });
                byte[] crafted = SignRaw(rsa, Encode(rsa.KeySize / 8, digest));

                Assert.Equal(rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1), crafted);
                Assert.True(new RsaVerifier(TestKeys.Public(rsa)).Verify(crafted, 0, crafted.Length, digest));
            }
        }

        [Theory]
        [InlineData("block type 2 instead of 1")]
        [InlineData("first byte not zero")]
        [InlineData("one padding byte FE")]
        [InlineData("separator not zero")]
        [InlineData("short padding, garbage after the digest")]
        [InlineData("DigestInfo naming SHA-384")]
        [InlineData("DigestInfo without NULL parameters")]
        [InlineData("digest of another message")]
        [InlineData("encoding one byte shorter")]
        [InlineData("all padding zeros")]
        public void AlmostRightEncodingsAreRefused(string variant)
        {
            foreach (RSA rsa in new[] { TestKeys.Rsa2048, TestKeys.Rsa3072 })
            {
                int k = rsa.KeySize / 8;
                byte[] digest = SHA256.HashData(new byte[] { 6 });
                byte[] em = Encode(k, digest);
                switch (variant)
                {
                    case "block type 2 instead of 1":
                        em[1] = 2;
                        break;
                    case "first byte not zero":
                        em[0] = 1;
                        break;
                    case "one padding byte FE":
                        em[100] = 0xFE;
                        break;
                    case "separator not zero":
                        em[k - 52] = 0xFF;
                        break;
                    case "short padding, garbage after the digest":
                        // Bleichenbacher 2006: 00 01 FF 00 DigestInfo digest garbage, for parsers that stop at the digest.
                        Array.Fill(em, (byte)0xAB);
                        em[0] = 0;
                        em[1] = 1;
                        em[2] = 0xFF;
                        em[3] = 0;
                        DigestInfoPrefix.CopyTo(em, 4);
                        digest.CopyTo(em, 4 + DigestInfoPrefix.Length);
                        break;
                    case "DigestInfo naming SHA-384":
                        // The last arc of 2.16.840.1.101.3.4.2.1 (SHA-256) becomes 2 (SHA-384), the rest unchanged.
                        em[k - 51 + 14] = 0x02;
                        break;
                    case "DigestInfo without NULL parameters":
                        byte[] shorter = Convert.FromHexString("302f300b0609608648016503040201" + "0420");
                        Array.Fill(em, (byte)0xFF);
                        em[0] = 0;
                        em[1] = 1;
                        em[k - 50] = 0;
                        shorter.CopyTo(em, k - 49);
                        digest.CopyTo(em, k - 32);
                        break;
                    case "digest of another message":
                        SHA256.HashData(new byte[] { 7 }).CopyTo(em, k - 32);
                        break;
                    case "encoding one byte shorter":
                        // A correct encoding for a k-1 byte modulus, as a number: 00 00 01 FF.. (one FF fewer).
                        em = new byte[k];
                        Encode(k - 1, digest).CopyTo(em, 1);
                        break;
                    case "all padding zeros":
                        Array.Clear(em, 2, k - 54);
                        break;
                }

                byte[] signature = SignRaw(rsa, em);

                Assert.False(rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                Assert.False(new RsaVerifier(TestKeys.Public(rsa)).Verify(signature, 0, k, digest));
            }
        }

        [Fact]
        public void VerifyDoesNotAllocate()
        {
            RSA rsa = TestKeys.Rsa2048;
            var verifier = new RsaVerifier(TestKeys.Public(rsa));
            byte[] digest = SHA256.HashData(new byte[] { 3 });
            byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            verifier.Verify(signature, 0, signature.Length, digest);

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int i = 0; i < 10; i++)
            {
                Assert.True(verifier.Verify(signature, 0, signature.Length, digest));
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        }

        // EM = 00 01 FF..FF 00 DigestInfo(SHA-256) digest (RFC 8017 §9.2).
        private static byte[] Encode(int k, byte[] digest)
        {
            byte[] em = new byte[k];
            em[1] = 1;
            Array.Fill(em, (byte)0xFF, 2, k - 3 - 51);
            DigestInfoPrefix.CopyTo(em, k - 51);
            digest.CopyTo(em, k - 32);
            return em;
        }

        private static byte[] SignRaw(RSA rsa, byte[] em)
        {
            RSAParameters p = rsa.ExportParameters(true);
            BigInteger n = new BigInteger(p.Modulus, isUnsigned: true, isBigEndian: true);
            BigInteger d = new BigInteger(p.D, isUnsigned: true, isBigEndian: true);
            BigInteger m = new BigInteger(em, isUnsigned: true, isBigEndian: true);
            return Bytes(BigInteger.ModPow(m, d, n), p.Modulus.Length);
        }

        private static byte[] Bytes(BigInteger value, int length)
        {
            byte[] raw = value.ToByteArray(isUnsigned: true, isBigEndian: true);
            byte[] padded = new byte[length];
            raw.CopyTo(padded, length - raw.Length);
            return padded;
        }
    }
}
