using System;

namespace Fota.Client
{
    /// <summary>
    /// Checks RSASSA-PKCS1-v1_5 signatures with SHA-256 (RFC 8017 §8.2.2) in managed code: nanoFramework has no
    /// RSA. The verifier raises the signature to 65537 and compares the whole result with the one encoding a
    /// correct signature must produce, byte for byte, instead of parsing the padding: nothing in the signature
    /// decides what is read where, so no malformed padding can be mistaken for a good one.
    /// </summary>
    /// <remarks>
    /// All working space (a few arrays of the modulus' size) is allocated by the constructor; <see cref="Verify"/>
    /// allocates nothing. One verification costs 18 modular multiplications. Not safe for use by two threads at once.
    /// </remarks>
    public class RsaVerifier
    {
        // DER of DigestInfo { AlgorithmIdentifier { id-sha256, NULL }, OCTET STRING (32 bytes) } up to the digest.
        private static readonly byte[] Sha256DigestInfo =
        {
            0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20,
        };

        private readonly RsaPublicKey _key;
        private readonly uint[] _signature;
        private readonly uint[] _power;
        private readonly uint[] _scratch;

        /// <summary>Creates a verifier for signatures made with the private half of <paramref name="key"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        public RsaVerifier(RsaPublicKey key)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            _key = key;
            int limbs = key.Limbs.Length;
            _signature = new uint[limbs];
            _power = new uint[limbs];
            _scratch = new uint[limbs + 1];
        }

        /// <summary>The key signatures are checked against.</summary>
        public RsaPublicKey Key
        {
            get { return _key; }
        }

        /// <summary>
        /// Whether the <paramref name="count"/> bytes of <paramref name="signature"/> from <paramref name="offset"/>
        /// are a PKCS#1 v1.5 signature of the SHA-256 digest <paramref name="digest"/> (32 bytes). The signature
        /// must be exactly as long as the modulus and, read as a big-endian number, below it.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="signature"/> or <paramref name="digest"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="signature"/>.</exception>
        /// <exception cref="ArgumentException"><paramref name="digest"/> is not 32 bytes.</exception>
        public bool Verify(byte[] signature, int offset, int count, byte[] digest)
        {
            BufferRange.Check(signature, offset, count);
            if (digest == null)
            {
                throw new ArgumentNullException(nameof(digest));
            }

            if (digest.Length != Sha256.DigestLength)
            {
                throw new ArgumentException("a SHA-256 digest is 32 bytes", nameof(digest));
            }

            int k = _key.ModulusLength;

            // Without this a signature s + n (when it fits in k bytes) would pass as s: RFC 8017 requires s < n.
            if (count != k || !_key.IsBelowModulus(signature, offset))
            {
                return false;
            }

            uint[] s = _signature;
            for (int i = 0; i < s.Length; i++)
            {
                int end = offset + k - 4 * i;
                s[i] = ((uint)signature[end - 4] << 24) | ((uint)signature[end - 3] << 16) | ((uint)signature[end - 2] << 8) | signature[end - 1];
            }

            // s^65537 mod n = s^(2^16) · s: into Montgomery form (· R² · R⁻¹), 16 squarings, and a last product
            // with the plain s that takes the R back out.
            uint[] n = _key.Limbs;
            uint inverse = _key.Inverse;
            uint[] x = _power;
            Montgomery.Multiply(s, _key.RSquared, n, inverse, _scratch, x);
            for (int i = 0; i < 16; i++)
            {
                Montgomery.Multiply(x, x, n, inverse, _scratch, x);
            }

            Montgomery.Multiply(x, s, n, inverse, _scratch, x);
            return IsEncodedDigest(x, k, digest);
        }

        // Whether the k-byte big-endian form of x is EM = 00 01 FF…FF 00 DigestInfo digest.
        private static bool IsEncodedDigest(uint[] x, int k, byte[] digest)
        {
            int prefixStart = k - Sha256DigestInfo.Length - Sha256.DigestLength;
            int digestStart = k - Sha256.DigestLength;
            int difference = 0;
            for (int i = 0; i < k; i++)
            {
                int position = k - 1 - i;
                int actual = (int)(x[position >> 2] >> ((position & 3) << 3)) & 0xFF;
                int expected;
                if (i >= digestStart)
                {
                    expected = digest[i - digestStart];
                }
                else if (i >= prefixStart)
                {
                    expected = Sha256DigestInfo[i - prefixStart];
                }
                else if (i == 0 || i == prefixStart - 1)
                {
                    expected = 0x00;
                }
                else if (i == 1)
                {
                    expected = 0x01;
                }
                else
                {
                    expected = 0xFF;
                }

                difference |= actual ^ expected;
            }

            return difference == 0;
        }
    }
}
