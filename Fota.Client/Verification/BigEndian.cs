namespace Fota.Client
{
    /// <summary>Unsigned big-endian integers of 1–8 bytes in byte arrays, for saved states and checkpoint records.</summary>
    internal static class BigEndian
    {
        /// <summary>Writes the low <paramref name="length"/> bytes of <paramref name="value"/> at <paramref name="at"/>.</summary>
        internal static void Write(byte[] buffer, int at, long value, int length)
        {
            for (int i = at + length - 1; i >= at; i--)
            {
                buffer[i] = (byte)value;
                value >>= 8;
            }
        }

        /// <summary>Reads <paramref name="length"/> bytes at <paramref name="at"/> as an unsigned number.</summary>
        internal static long Read(byte[] buffer, int at, int length)
        {
            long value = 0;
            for (int i = at; i < at + length; i++)
            {
                value = (value << 8) | buffer[i];
            }

            return value;
        }
    }
}
