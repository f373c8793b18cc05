using System;
using System.Linq;
using System.Security.Cryptography;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>Reading public keys as people paste them: PEM in both RSA forms, or the bare modulus; everything else refused with a reason.</summary>
    public class RsaPublicKeyTests
    {
        [Fact]
        public void BothPemFormsAndTheModulusGiveTheSameKey()
        {
            foreach (RSA rsa in TestKeys.All2048.Concat(TestKeys.All3072))
            {
                byte[] modulus = rsa.ExportParameters(false).Modulus;
                RsaPublicKey spki = RsaPublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem());
                RsaPublicKey pkcs1 = RsaPublicKey.FromPem(rsa.ExportRSAPublicKeyPem());
                RsaPublicKey raw = RsaPublicKey.FromModulus(modulus);

                foreach (RsaPublicKey key in new[] { spki, pkcs1, raw })
                {
                    Assert.Equal(rsa.KeySize, key.ModulusBits);
                    Assert.Equal(rsa.KeySize / 8, key.ModulusLength);
                    Assert.Equal(modulus, key.GetModulus());
                    Assert.Equal(TestKeys.KeyId(rsa), key.KeyId);
                    Assert.Equal(Convert.ToHexStringLower(TestKeys.KeyId(rsa)), key.KeyIdHex);
                }
            }
        }

        [Fact]
        public void PemMayHaveCrLfIndentationAndTextAroundIt()
        {
            RSA rsa = TestKeys.Rsa2048;
            string pem = rsa.ExportSubjectPublicKeyInfoPem();
            string pasted = "the device key:\r\n" + pem.Replace("\n", "\r\n  ") + "\r\n(end)";

            Assert.Equal(rsa.ExportParameters(false).Modulus, RsaPublicKey.FromPem(pasted).GetModulus());
        }

        [Fact]
        public void ModulusWithLeadingZeroBytesIsAccepted()
        {
            byte[] modulus = TestKeys.Rsa2048.ExportParameters(false).Modulus;
            byte[] padded = new byte[] { 0, 0 }.Concat(modulus).ToArray();

            Assert.Equal(modulus, RsaPublicKey.FromModulus(padded).GetModulus());
        }

        [Theory]
        [InlineData(1024)]
        [InlineData(4096)]
        public void OtherKeySizesAreRefused(int bits)
        {
            using RSA rsa = RSA.Create(bits);

            var pem = Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(rsa.ExportSubjectPublicKeyInfoPem()));
            var raw = Assert.Throws<ArgumentException>(() => RsaPublicKey.FromModulus(rsa.ExportParameters(false).Modulus));

            Assert.Contains("exactly 2048 or 3072 bits; got " + bits, pem.Message);
            Assert.Contains("exactly 2048 or 3072 bits; got " + bits, raw.Message);
        }

        [Fact]
        public void ModulusOneBitShortOrEvenIsRefused()
        {
            byte[] modulus = TestKeys.Rsa2048.ExportParameters(false).Modulus;
            byte[] shortTop = (byte[])modulus.Clone();
            shortTop[0] = 0x7F;
            byte[] even = (byte[])modulus.Clone();
            even[^1] &= 0xFE;

            Assert.Contains("got 2047", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromModulus(shortTop)).Message);
            Assert.Contains("even", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromModulus(even)).Message);
            Assert.Contains("got 0", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromModulus(new byte[256])).Message);
            Assert.Throws<ArgumentNullException>(() => RsaPublicKey.FromModulus(null));
            Assert.Throws<ArgumentNullException>(() => RsaPublicKey.FromPem(null));
        }

        [Fact]
        public void AnotherExponentIsRefused()
        {
            // RSAPublicKey { n, e = 3 } written by .NET's own DER writer.
            var writer = new System.Formats.Asn1.AsnWriter(System.Formats.Asn1.AsnEncodingRules.DER);
            using (writer.PushSequence())
            {
                writer.WriteIntegerUnsigned(TestKeys.Rsa2048.ExportParameters(false).Modulus);
                writer.WriteInteger(3);
            }

            string pem = PemEncoding.WriteString("RSA PUBLIC KEY", writer.Encode());

            Assert.Contains("exponent must be 65537", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(pem)).Message);
        }

        [Fact]
        public void PrivateKeysAndOtherAlgorithmsAreRefusedWithAReason()
        {
            RSA rsa = TestKeys.Rsa2048;
            using ECDsa ec = ECDsa.Create(ECCurve.NamedCurves.nistP256);

            Assert.Contains("private key", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(rsa.ExportPkcs8PrivateKeyPem())).Message);
            Assert.Contains("private key", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(rsa.ExportRSAPrivateKeyPem())).Message);
            Assert.Contains("not an RSA key", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(ec.ExportSubjectPublicKeyInfoPem())).Message);
            Assert.Contains("no '-----BEGIN", Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem("MIIBIjANBgkqhkiG9w0BAQEFAAOC")).Message);
            Assert.Contains("'CERTIFICATE' is not a public key", Assert.Throws<ArgumentException>(
                () => RsaPublicKey.FromPem("-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).Message);
        }

        [Fact]
        public void BrokenPemAndDerAreRefused()
        {
            string pem = TestKeys.Rsa2048.ExportSubjectPublicKeyInfoPem();
            byte[] der = TestKeys.Rsa2048.ExportSubjectPublicKeyInfo();

            string noEnd = pem.Substring(0, pem.IndexOf("-----END", StringComparison.Ordinal));
            string badChar = pem.Replace("MII", "M*I");
            string cut = PemEncoding.WriteString("PUBLIC KEY", der.AsSpan(0, der.Length - 1));
            string extra = PemEncoding.WriteString("PUBLIC KEY", der.Concat(new byte[] { 0 }).ToArray());
            byte[] negative = (byte[])der.Clone();
            int modulusTag = FindModulusTag(negative);
            negative[modulusTag + 4] = 0x80; // the 00 that keeps the modulus positive becomes a sign bit

            string[] lines = pem.Split('\n');
            string paddingInside = string.Join("\n", lines.Take(2).Select((l, i) => i == 1 ? l.Substring(0, 60) + "====" : l).Concat(lines.Skip(2)));
            string threePads = pem.Replace("IDAQAB\n", "IDA===\n");

            Assert.Contains("not whole base64", Refusal(paddingInside));
            Assert.Contains("not whole base64", Refusal(threePads));
            Assert.Contains("no '-----END PUBLIC KEY-----'", Refusal(noEnd));
            Assert.Contains("not base64", Refusal(badChar));
            Assert.Contains("malformed", Refusal(cut));
            Assert.Contains("bytes after the key", Refusal(extra));
            Assert.Contains("modulus is not a positive integer", Refusal(PemEncoding.WriteString("PUBLIC KEY", negative)));
        }

        [Fact]
        public void EveryTruncationAndEveryFlippedDerByteIsRefusedOrReadsAnotherValidKey()
        {
            // The DER reader must never throw anything but ArgumentException, whatever the bytes.
            byte[] der = TestKeys.Rsa2048.ExportSubjectPublicKeyInfo();
            for (int length = 0; length < der.Length; length++)
            {
                string pem = length == 0 ? "-----BEGIN PUBLIC KEY-----\n-----END PUBLIC KEY-----" : PemEncoding.WriteString("PUBLIC KEY", der.AsSpan(0, length));
                Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(pem));
            }

            for (int i = 0; i < der.Length; i++)
            {
                byte[] mutant = (byte[])der.Clone();
                mutant[i] ^= 0x41;
                try
                {
                    RsaPublicKey key = RsaPublicKey.FromPem(PemEncoding.WriteString("PUBLIC KEY", mutant));

                    // Only a flip inside the modulus' magnitude can still read; then the modulus is what was written.
                    Assert.Equal(mutant.AsSpan(mutant.Length - 5 - 256, 256).ToArray(), key.GetModulus());
                }
                catch (ArgumentException)
                {
                }
            }
        }

        private static string Refusal(string pem) => Assert.Throws<ArgumentException>(() => RsaPublicKey.FromPem(pem)).Message;

        // Position of "02 82 01 01" (the modulus INTEGER) in an RSA-2048 SubjectPublicKeyInfo.
        private static int FindModulusTag(byte[] der)
        {
            for (int i = 0; i + 4 < der.Length; i++)
            {
                if (der[i] == 0x02 && der[i + 1] == 0x82 && der[i + 2] == 0x01 && der[i + 3] == 0x01)
                {
                    return i;
                }
            }

            throw new InvalidOperationException("no modulus INTEGER");
        }
    }
}
