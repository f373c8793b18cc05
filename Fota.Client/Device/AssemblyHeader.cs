using System;

namespace Fota.Client
{
    /// <summary>
    /// Reads the version from a nanoFramework assembly image (<c>.pe</c>) without loading it, so that a module the
    /// runtime refuses still has a version to remember. The image starts with nf-interpreter's
    /// <c>CLR_RECORD_ASSEMBLY</c> (src/CLR/Include/nanoCLR_Types.h): the marker <c>NFMRK1</c> padded to 8 bytes,
    /// five 32-bit fields (header CRC, assembly CRC, flags, native methods checksum, patch entry offset), then the
    /// version as four little-endian 16-bit numbers at byte 28.
    /// </summary>
    internal static class AssemblyHeader
    {
        private const int VersionOffset = 28;

        private static readonly byte[] Marker = { (byte)'N', (byte)'F', (byte)'M', (byte)'R', (byte)'K', (byte)'1', 0, 0 };

        /// <summary>The assembly version in <paramref name="image"/>, or <c>null</c> when it is not a nanoFramework image.</summary>
        internal static Version ReadVersion(byte[] image)
        {
            if (image == null || image.Length < VersionOffset + 8)
            {
                return null;
            }

            for (int i = 0; i < Marker.Length; i++)
            {
                if (image[i] != Marker[i])
                {
                    return null;
                }
            }

            return new Version(Get16(image, VersionOffset), Get16(image, VersionOffset + 2), Get16(image, VersionOffset + 4),
                Get16(image, VersionOffset + 6));
        }

        private static int Get16(byte[] image, int offset)
        {
            return image[offset] | (image[offset + 1] << 8);
        }
    }
}
