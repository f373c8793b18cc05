using System;

namespace Fota.Client
{
    /// <summary>
    /// The header of a signed package (docs/package-format.md): what is signed about the payload. The header is
    /// followed by its signature and then the payload. Reading a header checks its shape only; whether it is
    /// authentic is <see cref="PackageStage"/>'s business.
    /// </summary>
    public class PackageHeader
    {
        /// <summary>The format version this library reads and writes.</summary>
        public const int CurrentFormatVersion = 1;

        /// <summary>Length of the fields before the name: enough to know how long the header and signature are.</summary>
        public const int FixedLength = 67;

        /// <summary>Longest firmware name in bytes (UTF-8).</summary>
        public const int MaxNameLength = 255;

        /// <summary>Longest header of format version 1.</summary>
        public const int MaxLength = FixedLength + MaxNameLength;

        /// <summary>Largest payload length (2⁴⁸ − 1): sums of lengths never overflow.</summary>
        public const long MaxPayloadLength = (1L << 48) - 1;

        /// <summary>Length of the magic at the start of every package.</summary>
        public const int MagicLength = 4;

        // Offsets of the fields (big-endian integers).
        internal const int FormatVersionOffset = 4;
        internal const int FlagsOffset = 5;
        internal const int HeaderLengthOffset = 6;
        internal const int SignatureLengthOffset = 8;
        internal const int PayloadLengthOffset = 10;
        internal const int PayloadSha256Offset = 18;
        internal const int KeyIdOffset = 50;
        internal const int VersionOffset = 58;
        internal const int NameLengthOffset = 66;

        // 0x89 first, as in PNG: no text file, HTML error page or JSON reply starts with it.
        private static readonly byte[] Magic = { 0x89, 0x46, 0x50, 0x4B };

        private readonly byte[] _payloadSha256;
        private readonly byte[] _keyId;

        private PackageHeader(byte[] buffer, int offset, int headerLength)
        {
            FormatVersion = buffer[offset + FormatVersionOffset];
            Flags = buffer[offset + FlagsOffset];
            HeaderLength = headerLength;
            SignatureLength = ReadUInt16(buffer, offset + SignatureLengthOffset);
            PayloadLength = ReadPayloadLength(buffer, offset);
            _payloadSha256 = new byte[Sha256.DigestLength];
            Array.Copy(buffer, offset + PayloadSha256Offset, _payloadSha256, 0, Sha256.DigestLength);
            _keyId = new byte[RsaPublicKey.KeyIdLength];
            Array.Copy(buffer, offset + KeyIdOffset, _keyId, 0, RsaPublicKey.KeyIdLength);
            Version = ReadVersion(buffer, offset);
            NameBytes = new byte[headerLength - FixedLength];
            Array.Copy(buffer, offset + FixedLength, NameBytes, 0, NameBytes.Length);
            Name = Utf8.GetString(NameBytes, 0, NameBytes.Length);
        }

        /// <summary>The package format version (1).</summary>
        public int FormatVersion { get; }

        /// <summary>The flags byte (0 in every valid version 1 package).</summary>
        public int Flags { get; }

        /// <summary>Length of the header in bytes, the bytes the signature covers.</summary>
        public int HeaderLength { get; }

        /// <summary>Length of the signature after the header: the signing key's modulus length, 256 or 384.</summary>
        public int SignatureLength { get; }

        /// <summary>Length of the payload after the signature.</summary>
        public long PayloadLength { get; }

        /// <summary>Length of the whole package: header, signature and payload.</summary>
        public long PackageLength
        {
            get { return HeaderLength + SignatureLength + PayloadLength; }
        }

        /// <summary>The SHA-256 of the payload (a copy).</summary>
        public byte[] PayloadSha256
        {
            get { return Copy(_payloadSha256); }
        }

        /// <summary>The id of the key that signed the package (see <see cref="RsaPublicKey.KeyId"/>; a copy).</summary>
        public byte[] KeyId
        {
            get { return Copy(_keyId); }
        }

        /// <summary>The firmware version, <c>a.b.c</c> as the platform compares it.</summary>
        public string Version { get; }

        /// <summary>The firmware name the device must have requested.</summary>
        public string Name { get; }

        /// <summary>The name as signed (UTF-8).</summary>
        internal byte[] NameBytes { get; }

        /// <summary>
        /// Reads the header at the start of <paramref name="count"/> bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/>, which must hold at least the whole header.
        /// </summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        /// <exception cref="FotaException">With <see cref="FotaResult.VerificationFailed"/> when the bytes are not a
        /// well-formed version 1 header, or end before it does; the message says which field.</exception>
        public static PackageHeader Parse(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            for (int i = 0; i < MagicLength && i < count; i++)
            {
                CheckMagic(i, buffer[offset + i]);
            }

            if (count < FixedLength)
            {
                throw Refuse("package header incomplete: " + count.ToString() + " bytes, a header has at least " + (FixedLength + 1).ToString());
            }

            int headerLength = CheckFixed(buffer, offset);
            if (count < headerLength)
            {
                throw Refuse("package header incomplete: " + count.ToString() + " of " + headerLength.ToString() + " bytes");
            }

            CheckName(buffer, offset);
            return new PackageHeader(buffer, offset, headerLength);
        }

        /// <summary>Whether <paramref name="buffer"/> holds at least <see cref="MagicLength"/> bytes from <paramref name="offset"/> and they are the package magic.</summary>
        public static bool StartsWithMagic(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            if (count < MagicLength)
            {
                return false;
            }

            for (int i = 0; i < MagicLength; i++)
            {
                if (buffer[offset + i] != Magic[i])
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Refuses byte <paramref name="index"/> (0–3) of a body when it differs from the magic's.</summary>
        internal static void CheckMagic(int index, int value)
        {
            if (value != Magic[index])
            {
                throw Refuse("not a signed package: byte " + index.ToString() + " is 0x" + HexByte(value)
                    + " where a package starts 89 46 50 4b");
            }
        }

        /// <summary>
        /// Checks the <see cref="FixedLength"/> bytes from <paramref name="offset"/> (magic already checked) and
        /// returns the header length they announce, which is then known to be FixedLength + the name length.
        /// </summary>
        internal static int CheckFixed(byte[] buffer, int offset)
        {
            int format = buffer[offset + FormatVersionOffset];
            if (format != CurrentFormatVersion)
            {
                throw Refuse("package format version " + format.ToString() + " is not supported (this device reads version 1)");
            }

            int flags = buffer[offset + FlagsOffset];
            if (flags != 0)
            {
                throw Refuse("package flags 0x" + HexByte(flags) + " are unknown to this device");
            }

            int nameLength = buffer[offset + NameLengthOffset];
            if (nameLength == 0)
            {
                throw Refuse("package firmware name is empty");
            }

            int headerLength = ReadUInt16(buffer, offset + HeaderLengthOffset);
            if (headerLength != FixedLength + nameLength)
            {
                throw Refuse("package header length " + headerLength.ToString() + " does not match its fields ("
                    + FixedLength.ToString() + " + a name of " + nameLength.ToString() + " bytes)");
            }

            int signatureLength = ReadUInt16(buffer, offset + SignatureLengthOffset);
            if (signatureLength != 256 && signatureLength != 384)
            {
                throw Refuse("package signature length " + signatureLength.ToString() + " is neither 256 (RSA-2048) nor 384 (RSA-3072)");
            }

            long payloadLength = ReadPayloadLength(buffer, offset);
            if (payloadLength < 1 || payloadLength > MaxPayloadLength)
            {
                throw Refuse("package payload length is out of range (1 to 2^48 - 1 bytes)");
            }

            if (FotaVersion.Check(ReadVersion(buffer, offset)) != null)
            {
                throw Refuse("package version " + ReadVersion(buffer, offset) + " is out of range (a.b.c: a 0-99999, b and c 0-999)");
            }

            return headerLength;
        }

        /// <summary>Refuses a name with control characters: names appear in one-line diagnoses.</summary>
        internal static void CheckName(byte[] buffer, int offset)
        {
            int length = buffer[offset + NameLengthOffset];
            for (int i = 0; i < length; i++)
            {
                int b = buffer[offset + FixedLength + i];
                if (b < 0x20 || b == 0x7F)
                {
                    throw Refuse("package firmware name holds the control byte 0x" + HexByte(b));
                }
            }
        }

        /// <summary>A refusal of the body as a package, with its one-line detail.</summary>
        internal static FotaException Refuse(string detail)
        {
            return new FotaException(FotaResult.VerificationFailed, detail);
        }

        private static string ReadVersion(byte[] buffer, int offset)
        {
            int at = offset + VersionOffset;
            long major = ((long)buffer[at] << 24) | ((long)buffer[at + 1] << 16) | ((long)buffer[at + 2] << 8) | buffer[at + 3];
            return major.ToString() + "." + ReadUInt16(buffer, at + 4).ToString() + "." + ReadUInt16(buffer, at + 6).ToString();
        }

        private static long ReadPayloadLength(byte[] buffer, int offset)
        {
            // A length that needs more than 48 bits is -1 (out of range), never a long that wrapped negative.
            long length = 0;
            for (int i = 0; i < 8; i++)
            {
                int b = buffer[offset + PayloadLengthOffset + i];
                if (i < 2 && b != 0)
                {
                    return -1;
                }

                length = (length << 8) | (long)b;
            }

            return length;
        }

        private static int ReadUInt16(byte[] buffer, int at)
        {
            return (buffer[at] << 8) | buffer[at + 1];
        }

        private static string HexByte(int value)
        {
            return Hex.Format(new byte[] { (byte)value });
        }

        private static byte[] Copy(byte[] bytes)
        {
            byte[] copy = new byte[bytes.Length];
            Array.Copy(bytes, copy, bytes.Length);
            return copy;
        }
    }
}
