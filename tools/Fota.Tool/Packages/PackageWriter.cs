using System;
using System.Buffers.Binary;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// Makes signed packages (docs/package-format.md, format version 1) with .NET's RSA: header, its
    /// RSASSA-PKCS1-v1_5/SHA-256 signature, then the firmware unchanged. PKCS#1 v1.5 signatures are deterministic,
    /// so the same key, name, version and firmware always give the same package.
    /// </summary>
    public static class PackageWriter
    {
        /// <summary>The header for a payload, its signature left to the caller.</summary>
        /// <exception cref="ArgumentException">When the name or version cannot be carried.</exception>
        public static byte[] EncodeHeader(string name, string version, long payloadLength, byte[] payloadSha256, byte[] keyId, int signatureLength)
        {
            string problem = CheckName(name) ?? FotaVersion.Check(version);
            if (problem != null)
            {
                throw new ArgumentException(problem);
            }

            if (payloadLength < 1 || payloadLength > PackageHeader.MaxPayloadLength)
            {
                throw new ArgumentException("the firmware must have 1 to 2^48 - 1 bytes, not " + payloadLength);
            }

            byte[] nameBytes = Encoding.UTF8.GetBytes(name);
            string[] segments = version.Split('.');
            byte[] header = new byte[PackageHeader.FixedLength + nameBytes.Length];
            Span<byte> h = header;
            h[0] = 0x89;
            h[1] = (byte)'F';
            h[2] = (byte)'P';
            h[3] = (byte)'K';
            h[4] = PackageHeader.CurrentFormatVersion;
            h[5] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(h.Slice(6), (ushort)header.Length);
            BinaryPrimitives.WriteUInt16BigEndian(h.Slice(8), (ushort)signatureLength);
            BinaryPrimitives.WriteUInt64BigEndian(h.Slice(10), (ulong)payloadLength);
            payloadSha256.CopyTo(h.Slice(18, 32));
            keyId.CopyTo(h.Slice(50, 8));
            BinaryPrimitives.WriteUInt32BigEndian(h.Slice(58), uint.Parse(segments[0], CultureInfo.InvariantCulture));
            BinaryPrimitives.WriteUInt16BigEndian(h.Slice(62), ushort.Parse(segments[1], CultureInfo.InvariantCulture));
            BinaryPrimitives.WriteUInt16BigEndian(h.Slice(64), ushort.Parse(segments[2], CultureInfo.InvariantCulture));
            h[66] = (byte)nameBytes.Length;
            nameBytes.CopyTo(h.Slice(PackageHeader.FixedLength));
            return header;
        }

        /// <summary>Whether a name can be signed: 1 to 255 bytes of UTF-8, no control characters. <c>null</c> when it can.</summary>
        public static string CheckName(string name)
        {
            if (string.IsNullOrEmpty(name))
            {
                return "the firmware name is empty";
            }

            for (int i = 0; i < name.Length; i++)
            {
                char c = name[i];
                if (char.IsSurrogatePair(name, i))
                {
                    i++;
                }
                else if (c < 0x20 || c == 0x7F || char.IsSurrogate(c))
                {
                    return "the firmware name holds a control character or a broken surrogate pair";
                }
            }

            int length = Encoding.UTF8.GetByteCount(name);
            return length > PackageHeader.MaxNameLength
                ? "the firmware name takes " + length + " bytes in UTF-8; a package carries at most " + PackageHeader.MaxNameLength
                : null;
        }

        /// <summary>Reads a PEM private key (PKCS#8 or PKCS#1, unencrypted) that can sign packages.</summary>
        /// <exception cref="ArgumentException">Not such a key, or not RSA-2048/3072 with exponent 65537.</exception>
        public static RSA ReadPrivateKey(string pem)
        {
            RSA key = RSA.Create();
            RSAParameters parameters;
            try
            {
                key.ImportFromPem(pem);
                parameters = key.ExportParameters(true);
            }
            catch (Exception e) when (e is CryptographicException || e is ArgumentException)
            {
                key.Dispose();
                throw new ArgumentException(pem.Contains("ENCRYPTED", StringComparison.Ordinal)
                    ? "encrypted private keys are not supported; keep the key unencrypted in a file only you can read"
                    : pem.Contains("PRIVATE KEY-----", StringComparison.Ordinal)
                        ? "not a usable RSA private key (" + e.Message.Split(" (Parameter")[0] + ")"
                        : "no RSA private key in it (a public key cannot sign)");
            }

            bool f4 = parameters.Exponent.AsSpan().SequenceEqual(new byte[] { 1, 0, 1 });
            if ((key.KeySize != 2048 && key.KeySize != 3072) || !f4)
            {
                int size = key.KeySize;
                key.Dispose();
                throw new ArgumentException("packages are signed with RSA-2048 or RSA-3072 keys with exponent 65537; this is RSA-"
                    + size + (f4 ? "" : " with another exponent"));
            }

            return key;
        }

        /// <summary>The signing key's id, as the core computes it from the modulus.</summary>
        public static byte[] KeyIdOf(RSA key)
        {
            return RsaPublicKey.FromModulus(key.ExportParameters(false).Modulus).KeyId;
        }

        /// <summary>
        /// Packs <paramref name="firmware"/> (read from its start to its end) into <paramref name="package"/>. The
        /// firmware is read twice, to hash it and to copy it, and hashed again while copied: if it changed in between,
        /// the package would not match its header, so that fails instead.
        /// </summary>
        /// <returns>The header written.</returns>
        /// <exception cref="ArgumentException">Name, version or firmware length cannot be carried, or the key is not RSA-2048/3072 with e = 65537.</exception>
        /// <exception cref="IOException">The firmware changed while it was packed, or a file could not be read or written.</exception>
        public static byte[] Write(RSA key, string name, string version, Stream firmware, Stream package)
        {
            byte[] keyId = KeyIdOf(key);
            int signatureLength = key.KeySize / 8;
            long length = firmware.Length;
            byte[] sha256 = SHA256.HashData(firmware);
            byte[] header = EncodeHeader(name, version, length, sha256, keyId, signatureLength);
            byte[] signature = key.SignData(header, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            package.Write(header);
            package.Write(signature);

            firmware.Position = 0;
            using var copied = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            byte[] buffer = new byte[81920];
            long total = 0;
            int read;
            while ((read = firmware.Read(buffer, 0, buffer.Length)) > 0)
            {
                copied.AppendData(buffer, 0, read);
                package.Write(buffer, 0, read);
                total += read;
            }

            if (total != length || !CryptographicOperations.FixedTimeEquals(copied.GetHashAndReset(), sha256))
            {
                throw new IOException("the firmware changed while it was being packed; nothing was written");
            }

            return header;
        }
    }
}
