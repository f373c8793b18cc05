using System;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Fota.Client.Tests.FlashSlot
{
    /// <summary>
    /// Signed-image layout of MCUboot as imgtool writes it and nanoFramework's slot checks it: a 32-byte header (magic,
    /// header size, protected-TLV size, payload size, version), the payload, then the TLV area whose SHA-256 entry covers
    /// header and payload. Little-endian, as on the devices.
    /// </summary>
    internal static class McuBootImage
    {
        internal const uint ImageMagic = 0x96f3b83d;
        internal const ushort TlvInfoMagic = 0x6907;
        internal const ushort TlvSha256 = 0x10;
        internal const int HeaderSize = 32;

        /// <summary>An image with <paramref name="payloadLength"/> payload bytes that are never 0xFF (erased flash).</summary>
        internal static byte[] Make(int payloadLength, int seed = 1, bool corruptHash = false)
        {
            int span = HeaderSize + payloadLength;
            byte[] image = new byte[span + 4 + 4 + 32];
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(0), ImageMagic);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(8), HeaderSize);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(10), 0);
            BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(12), (uint)payloadLength);
            image[20] = 1;
            image[21] = (byte)seed;
            for (int i = 0; i < payloadLength; i++)
            {
                image[HeaderSize + i] = (byte)((i * 7 + seed * 13) % 255);
            }

            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(span), TlvInfoMagic);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(span + 2), 4 + 4 + 32);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(span + 4), TlvSha256);
            BinaryPrimitives.WriteUInt16LittleEndian(image.AsSpan(span + 6), 32);
            SHA256.HashData(image.AsSpan(0, span)).CopyTo(image.AsSpan(span + 8));
            if (corruptHash)
            {
                image[span + 8] ^= 0x01;
            }

            return image;
        }
    }
}
