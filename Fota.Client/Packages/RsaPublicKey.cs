using System;

namespace Fota.Client
{
    /// <summary>
    /// The public key that signs packages: RSA with a 2048- or 3072-bit modulus and the public exponent 65537,
    /// read from PEM or from the bare modulus. What verification needs is computed here once, so checking a
    /// signature with <see cref="RsaVerifier"/> allocates nothing.
    /// </summary>
    public class RsaPublicKey
    {
        /// <summary>The only public exponent accepted (F4, what every current tool generates).</summary>
        public const int Exponent = 65537;

        /// <summary>Length of <see cref="KeyId"/> in bytes.</summary>
        public const int KeyIdLength = 8;

        private readonly byte[] _modulus;
        private readonly byte[] _keyId;

        private RsaPublicKey(byte[] modulus)
        {
            _modulus = modulus;
            int limbs = modulus.Length / 4;
            Limbs = new uint[limbs];
            for (int i = 0; i < limbs; i++)
            {
                int end = modulus.Length - 4 * i;
                Limbs[i] = ((uint)modulus[end - 4] << 24) | ((uint)modulus[end - 3] << 16) | ((uint)modulus[end - 2] << 8) | modulus[end - 1];
            }

            Inverse = Montgomery.Inverse(Limbs[0]);
            RSquared = new uint[limbs];
            Montgomery.RSquared(Limbs, Inverse, new uint[limbs + 1], RSquared);

            byte[] digest = Sha256.Compute(modulus, 0, modulus.Length);
            _keyId = new byte[KeyIdLength];
            Array.Copy(digest, _keyId, KeyIdLength);
        }

        /// <summary>
        /// Reads a PEM public key: <c>-----BEGIN PUBLIC KEY-----</c> (SubjectPublicKeyInfo, what <c>fota keygen</c>
        /// and <c>openssl rsa -pubout</c> write) or <c>-----BEGIN RSA PUBLIC KEY-----</c> (PKCS#1).
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="pem"/> is null.</exception>
        /// <exception cref="ArgumentException">Not such a PEM block, a private key, or not a 2048/3072-bit key with exponent 65537.</exception>
        public static RsaPublicKey FromPem(string pem)
        {
            return FromModulus(PublicKeyPem.ReadModulus(pem));
        }

        /// <summary>
        /// Takes the modulus as unsigned big-endian bytes (leading zero bytes are ignored); the exponent is 65537.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="modulus"/> is null.</exception>
        /// <exception cref="ArgumentException">The modulus is not an odd number of exactly 2048 or 3072 bits.</exception>
        public static RsaPublicKey FromModulus(byte[] modulus)
        {
            if (modulus == null)
            {
                throw new ArgumentNullException(nameof(modulus));
            }

            int start = 0;
            while (start < modulus.Length && modulus[start] == 0)
            {
                start++;
            }

            int length = modulus.Length - start;
            if ((length != 256 && length != 384) || modulus[start] < 0x80)
            {
                throw new ArgumentException("RSA modulus must have exactly 2048 or 3072 bits; got " + BitLength(modulus, start).ToString(), nameof(modulus));
            }

            if ((modulus[modulus.Length - 1] & 1) == 0)
            {
                throw new ArgumentException("RSA modulus is even: not an RSA key", nameof(modulus));
            }

            byte[] copy = new byte[length];
            Array.Copy(modulus, start, copy, 0, length);
            return new RsaPublicKey(copy);
        }

        /// <summary>Size of the modulus in bits: 2048 or 3072.</summary>
        public int ModulusBits
        {
            get { return _modulus.Length * 8; }
        }

        /// <summary>Size of the modulus, and of every signature made with the key, in bytes: 256 or 384.</summary>
        public int ModulusLength
        {
            get { return _modulus.Length; }
        }

        /// <summary>
        /// The key's id as packages carry it: the first 8 bytes of the SHA-256 of the modulus (big-endian, no
        /// leading zero bytes). A copy.
        /// </summary>
        public byte[] KeyId
        {
            get
            {
                byte[] copy = new byte[KeyIdLength];
                Array.Copy(_keyId, copy, KeyIdLength);
                return copy;
            }
        }

        /// <summary><see cref="KeyId"/> as 16 lower-case hex digits.</summary>
        public string KeyIdHex
        {
            get { return Hex.Format(_keyId); }
        }

        /// <summary>The modulus as unsigned big-endian bytes (a copy).</summary>
        public byte[] GetModulus()
        {
            byte[] copy = new byte[_modulus.Length];
            Array.Copy(_modulus, copy, copy.Length);
            return copy;
        }

        /// <summary>The modulus as little-endian 32-bit limbs.</summary>
        internal uint[] Limbs { get; }

        /// <summary>-n⁻¹ mod 2³², for Montgomery reduction.</summary>
        internal uint Inverse { get; }

        /// <summary>R² mod n, to bring a number into Montgomery form with one multiplication.</summary>
        internal uint[] RSquared { get; }

        /// <summary>Whether the <see cref="KeyIdLength"/> bytes of <paramref name="id"/> from <paramref name="offset"/> are this key's id.</summary>
        internal bool HasId(byte[] id, int offset)
        {
            for (int i = 0; i < KeyIdLength; i++)
            {
                if (id[offset + i] != _keyId[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Whether a big-endian number of exactly <see cref="ModulusLength"/> bytes is below the modulus.</summary>
        internal bool IsBelowModulus(byte[] number, int offset)
        {
            for (int i = 0; i < _modulus.Length; i++)
            {
                if (number[offset + i] != _modulus[i])
                {
                    return number[offset + i] < _modulus[i];
                }
            }

            return false;
        }

        private static int BitLength(byte[] number, int start)
        {
            if (start == number.Length)
            {
                return 0;
            }

            int bits = (number.Length - start) * 8;
            for (int top = number[start]; top < 0x80; top <<= 1)
            {
                bits--;
            }

            return bits;
        }
    }
}
