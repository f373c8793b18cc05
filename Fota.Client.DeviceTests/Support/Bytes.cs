using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// Byte helpers written for the tests alone, so that expected values never come from the library under test:
    /// ASCII only (anything else is written as explicit bytes in the test), hex both ways, patterns.
    /// </summary>
    public static class Bytes
    {
        /// <summary>The ASCII bytes of <paramref name="text"/>; throws on any other character.</summary>
        public static byte[] Ascii(string text)
        {
            char[] chars = text.ToCharArray();
            byte[] bytes = new byte[chars.Length];
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] > 0x7F)
                {
                    throw new ArgumentException("test text must be ASCII; write other bytes explicitly");
                }

                bytes[i] = (byte)chars[i];
            }

            return bytes;
        }

        /// <summary>Bytes as ASCII text; other bytes become '?'.</summary>
        public static string ToAscii(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                int b = bytes[offset + i];
                chars[i] = b < 0x80 ? (char)b : '?';
            }

            return new string(chars);
        }

        /// <summary>The bytes spelled by lower- or upper-case hex digits.</summary>
        public static byte[] FromHex(string hex)
        {
            char[] chars = hex.ToCharArray();
            byte[] bytes = new byte[chars.Length / 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                bytes[i] = (byte)((Digit(chars[2 * i]) << 4) | Digit(chars[2 * i + 1]));
            }

            return bytes;
        }

        /// <summary>Lower-case hex of <paramref name="bytes"/>.</summary>
        public static string ToHex(byte[] bytes)
        {
            char[] digits = "0123456789abcdef".ToCharArray();
            char[] chars = new char[bytes.Length * 2];
            for (int i = 0; i < bytes.Length; i++)
            {
                chars[2 * i] = digits[bytes[i] >> 4];
                chars[2 * i + 1] = digits[bytes[i] & 0xF];
            }

            return new string(chars);
        }

        /// <summary><paramref name="a"/> followed by <paramref name="b"/>.</summary>
        public static byte[] Concat(byte[] a, byte[] b)
        {
            byte[] all = new byte[a.Length + b.Length];
            Array.Copy(a, 0, all, 0, a.Length);
            Array.Copy(b, 0, all, a.Length, b.Length);
            return all;
        }

        /// <summary><paramref name="count"/> bytes, each <paramref name="value"/>.</summary>
        public static byte[] Repeat(byte value, int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = value;
            }

            return bytes;
        }

        /// <summary>0, 1, ..., 255, 0, 1, ... for <paramref name="count"/> bytes: easy to check at any offset.</summary>
        public static byte[] Counting(int count)
        {
            byte[] bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)i;
            }

            return bytes;
        }

        /// <summary>The UTF-16 units of <paramref name="text"/> as hex, four digits each, to compare strings exactly.</summary>
        public static string Units(string text)
        {
            char[] chars = text.ToCharArray();
            string units = "";
            for (int i = 0; i < chars.Length; i++)
            {
                units += (i > 0 ? " " : "") + ((int)chars[i]).ToString("X4");
            }

            return units;
        }

        private static int Digit(char c)
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

            throw new ArgumentException("not a hex digit: " + c.ToString());
        }
    }
}
