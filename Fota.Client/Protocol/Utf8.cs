namespace Fota.Client
{
    /// <summary>
    /// UTF-8 both ways: nanoFramework's mscorlib has no <c>Encoding.UTF8</c> (it lives in the
    /// System.Text package), and the library only needs it for URLs, request headers and the
    /// platform's short JSON replies.
    /// </summary>
    /// <remarks>
    /// Text is walked as a <c>char[]</c>, never with <c>string[i]</c>: on nanoCLR a string is UTF-8 inside, so
    /// indexing it is O(length) and yields the high surrogate at both indexes of a character outside the BMP.
    /// </remarks>
    internal static class Utf8
    {
        /// <summary>Number of bytes <paramref name="chars"/> take in UTF-8 (lone surrogates count as U+FFFD).</summary>
        internal static int ByteCount(char[] chars)
        {
            int count = 0;
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c < 0x80)
                {
                    count += 1;
                }
                else if (c < 0x800)
                {
                    count += 2;
                }
                else if (IsPair(chars, i))
                {
                    count += 4;
                    i++;
                }
                else
                {
                    count += 3;
                }
            }

            return count;
        }

        /// <summary>Writes <paramref name="chars"/> as UTF-8 at <paramref name="offset"/>; returns the offset after it.</summary>
        internal static int Write(char[] chars, byte[] target, int offset)
        {
            for (int i = 0; i < chars.Length; i++)
            {
                int c = chars[i];
                if (c < 0x80)
                {
                    target[offset++] = (byte)c;
                    continue;
                }

                if (c < 0x800)
                {
                    target[offset++] = (byte)(0xC0 | (c >> 6));
                    target[offset++] = (byte)(0x80 | (c & 0x3F));
                    continue;
                }

                if (IsPair(chars, i))
                {
                    int code = 0x10000 + ((c - 0xD800) << 10) + (chars[i + 1] - 0xDC00);
                    i++;
                    target[offset++] = (byte)(0xF0 | (code >> 18));
                    target[offset++] = (byte)(0x80 | ((code >> 12) & 0x3F));
                    target[offset++] = (byte)(0x80 | ((code >> 6) & 0x3F));
                    target[offset++] = (byte)(0x80 | (code & 0x3F));
                    continue;
                }

                if (c >= 0xD800 && c <= 0xDFFF)
                {
                    c = 0xFFFD;
                }

                target[offset++] = (byte)(0xE0 | (c >> 12));
                target[offset++] = (byte)(0x80 | ((c >> 6) & 0x3F));
                target[offset++] = (byte)(0x80 | (c & 0x3F));
            }

            return offset;
        }

        /// <summary>The UTF-8 bytes of <paramref name="text"/>.</summary>
        internal static byte[] GetBytes(string text)
        {
            char[] chars = text.ToCharArray();
            byte[] bytes = new byte[ByteCount(chars)];
            Write(chars, bytes, 0);
            return bytes;
        }

        /// <summary>Decodes UTF-8; malformed or truncated sequences become U+FFFD.</summary>
        internal static string GetString(byte[] bytes, int offset, int count)
        {
            char[] chars = new char[count];
            return new string(chars, 0, Decode(bytes, offset, count, chars));
        }

        /// <summary>
        /// Decodes UTF-8 into <paramref name="chars"/>, which must hold <paramref name="count"/> characters (UTF-8
        /// never takes fewer bytes than UTF-16 units); returns how many it wrote. Malformed or truncated sequences
        /// become U+FFFD.
        /// </summary>
        internal static int Decode(byte[] bytes, int offset, int count, char[] chars)
        {
            int length = 0;
            int end = offset + count;
            int i = offset;
            while (i < end)
            {
                int b = bytes[i];
                int needed;
                int code;
                if (b < 0x80)
                {
                    chars[length++] = (char)b;
                    i++;
                    continue;
                }
                else if (b >= 0xC2 && b <= 0xDF)
                {
                    needed = 1;
                    code = b & 0x1F;
                }
                else if (b >= 0xE0 && b <= 0xEF)
                {
                    needed = 2;
                    code = b & 0x0F;
                }
                else if (b >= 0xF0 && b <= 0xF4)
                {
                    needed = 3;
                    code = b & 0x07;
                }
                else
                {
                    chars[length++] = '\uFFFD';
                    i++;
                    continue;
                }

                int j = 1;
                while (j <= needed && i + j < end && (bytes[i + j] & 0xC0) == 0x80)
                {
                    code = (code << 6) | (bytes[i + j] & 0x3F);
                    j++;
                }

                bool complete = j > needed;
                bool overlong = (needed == 2 && code < 0x800) || (needed == 3 && code < 0x10000);
                bool invalid = code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF);
                if (!complete || overlong || invalid)
                {
                    chars[length++] = '\uFFFD';
                    i += j;
                    continue;
                }

                i += j;
                if (code >= 0x10000)
                {
                    code -= 0x10000;
                    chars[length++] = (char)(0xD800 + (code >> 10));
                    chars[length++] = (char)(0xDC00 + (code & 0x3FF));
                }
                else
                {
                    chars[length++] = (char)code;
                }
            }

            return length;
        }

        private static bool IsPair(char[] chars, int i)
        {
            return chars[i] >= 0xD800 && chars[i] <= 0xDBFF && i + 1 < chars.Length
                && chars[i + 1] >= 0xDC00 && chars[i + 1] <= 0xDFFF;
        }
    }
}
