namespace Fota.Client
{
    /// <summary>
    /// Hexadecimal text both ways, for digests in options and diagnoses. Written out by hand
    /// because the device has neither <c>Convert.FromHexString</c> nor <c>StringBuilder</c>, and
    /// its numeric formats are not trusted for lower-case zero-padded output.
    /// </summary>
    internal static class Hex
    {
        private const string Digits = "0123456789abcdef";

        /// <summary>
        /// The bytes spelled by <paramref name="text"/> (two digits per byte, either case, no
        /// separators or prefix); <c>null</c> when the text is null, of odd length or holds any
        /// other character, so callers decide which exception fits.
        /// </summary>
        internal static byte[] Parse(string text)
        {
            if (text == null || (text.Length & 1) != 0)
            {
                return null;
            }

            byte[] bytes = new byte[text.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int high = Nibble(text[2 * i]);
                int low = Nibble(text[2 * i + 1]);
                if (high < 0 || low < 0)
                {
                    return null;
                }

                bytes[i] = (byte)((high << 4) | low);
            }

            return bytes;
        }

        /// <summary>Lower-case hex of all of <paramref name="bytes"/>, two digits per byte.</summary>
        internal static string Format(byte[] bytes)
        {
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                int b = bytes[i];
                chars[2 * i] = Digits[b >> 4];
                chars[2 * i + 1] = Digits[b & 0xF];
            }

            return new string(chars);
        }

        /// <summary>Lower-case hex of <paramref name="value"/>, always eight digits (leading zeros kept).</summary>
        internal static string Format(uint value)
        {
            char[] chars = new char[8];
            for (int i = 7; i >= 0; i--)
            {
                chars[i] = Digits[(int)(value & 0xF)];
                value >>= 4;
            }

            return new string(chars);
        }

        private static int Nibble(char c)
        {
            if (c >= '0' && c <= '9')
            {
                return c - '0';
            }

            if (c >= 'a' && c <= 'f')
            {
                return c - 'a' + 10;
            }

            if (c >= 'A' && c <= 'F')
            {
                return c - 'A' + 10;
            }

            return -1;
        }
    }
}
