namespace Fota.Client
{
    /// <summary>
    /// The 16 bytes <see cref="ModuleRegion"/> appends to a stored module so that the boot code can tell a whole,
    /// intact module from a damaged one: the magic <c>FOTA-MOD</c>, then the module's length and CRC-32, both
    /// little-endian 32-bit numbers.
    /// </summary>
    internal static class ModuleTrailer
    {
        /// <summary>Bytes after the module.</summary>
        internal const int Length = 16;

        private const string Magic = "FOTA-MOD";

        /// <summary>The trailer for a module of <paramref name="moduleLength"/> bytes with CRC-32 <paramref name="crc"/>.</summary>
        internal static byte[] Build(uint moduleLength, uint crc)
        {
            byte[] trailer = new byte[Length];
            for (int i = 0; i < Magic.Length; i++)
            {
                trailer[i] = (byte)Magic[i];
            }

            Put(trailer, 8, moduleLength);
            Put(trailer, 12, crc);
            return trailer;
        }

        /// <summary>
        /// Reads a trailer; returns <c>null</c> when it is valid, else why not. <paramref name="moduleLength"/> and
        /// <paramref name="crc"/> are set only for a valid trailer.
        /// </summary>
        internal static string Parse(byte[] trailer, out uint moduleLength, out uint crc)
        {
            moduleLength = 0;
            crc = 0;
            for (int i = 0; i < Magic.Length; i++)
            {
                if (trailer[i] != (byte)Magic[i])
                {
                    return "no module trailer (the file was not stored by ModuleRegion, or its end is damaged)";
                }
            }

            moduleLength = Get(trailer, 8);
            crc = Get(trailer, 12);
            return null;
        }

        private static void Put(byte[] target, int offset, uint value)
        {
            target[offset] = (byte)value;
            target[offset + 1] = (byte)(value >> 8);
            target[offset + 2] = (byte)(value >> 16);
            target[offset + 3] = (byte)(value >> 24);
        }

        private static uint Get(byte[] source, int offset)
        {
            return (uint)source[offset] | ((uint)source[offset + 1] << 8) | ((uint)source[offset + 2] << 16) | ((uint)source[offset + 3] << 24);
        }
    }
}
