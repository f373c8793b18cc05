namespace Fota.Client
{
    /// <summary>
    /// Decodes the platform's refusal body, a JSON object such as
    /// <c>{"code": 27, "msg": "\u5df2\u662f\u6700\u65b0\u7248\u672c"}</c>. Tolerant: other members, nested
    /// values, a string <c>code</c> and any whitespace are accepted; anything that is not such an object
    /// leaves <see cref="Code"/> at -1 and keeps a printable excerpt in <see cref="Text"/>.
    /// </summary>
    /// <remarks>
    /// Parses a <c>char[]</c>, never <c>string[i]</c> (O(length) on nanoCLR, and wrong outside the BMP), so decoding
    /// is linear in the reply's length; strings are unescaped into one scratch array allocated once.
    /// </remarks>
    internal class PlatformReply
    {
        private const int MaxExcerpt = 120;

        private readonly char[] json;
        private readonly int length;
        private readonly char[] scratch;
        private int at;

        private PlatformReply(char[] json, int length)
        {
            this.json = json;
            this.length = length;
            scratch = new char[length];
            Code = -1;
        }

        /// <summary>The platform's <c>code</c>, or -1.</summary>
        internal int Code { get; private set; }

        /// <summary>The platform's <c>msg</c> with escapes decoded, or <c>null</c>.</summary>
        internal string Message { get; private set; }

        /// <summary>When the body is not the platform's JSON: a one-line excerpt of it, else <c>null</c>.</summary>
        internal string Text { get; private set; }

        /// <summary>Decodes <paramref name="count"/> UTF-8 bytes of a reply body.</summary>
        internal static PlatformReply Decode(byte[] body, int count)
        {
            char[] chars = new char[count];
            PlatformReply reply = new PlatformReply(chars, Utf8.Decode(body, 0, count, chars));
            if (!reply.ParseObject())
            {
                reply.Code = -1;
                reply.Message = null;
                reply.Text = reply.Excerpt();
            }

            return reply;
        }

        private bool ParseObject()
        {
            SkipSpace();
            if (!Take('{'))
            {
                return false;
            }

            SkipSpace();
            if (Take('}'))
            {
                return true;
            }

            while (true)
            {
                SkipSpace();
                string name = ParseString(true);
                SkipSpace();
                if (name == null || !Take(':'))
                {
                    return false;
                }

                SkipSpace();
                if (name == "code")
                {
                    int code = ParseCode();
                    if (code < -1)
                    {
                        return false;
                    }

                    Code = code;
                }
                else if (name == "msg" && Peek() == '"')
                {
                    Message = ParseString(true);
                    if (Message == null)
                    {
                        return false;
                    }
                }
                else if (!SkipValue())
                {
                    return false;
                }

                SkipSpace();
                if (Take('}'))
                {
                    return true;
                }

                if (!Take(','))
                {
                    return false;
                }
            }
        }

        // A number, or a string holding one; -1 for anything else that is still valid JSON, -2 when malformed.
        private int ParseCode()
        {
            if (Peek() == '"')
            {
                string text = ParseString(true);
                if (text == null)
                {
                    return -2;
                }

                return ToCode(text.ToCharArray(), 0, text.Length);
            }

            int start = at;
            if (!SkipValue())
            {
                return -2;
            }

            return ToCode(json, start, at - start);
        }

        private static int ToCode(char[] text, int start, int count)
        {
            if (count <= 0 || count > 9)
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < start + count; i++)
            {
                char c = text[i];
                if (c < '0' || c > '9')
                {
                    return -1;
                }

                value = value * 10 + (c - '0');
            }

            return value;
        }

        // Parses a string at the current position; returns its value when keep is true, "" when it only had to be
        // skipped, null when malformed.
        private string ParseString(bool keep)
        {
            if (!Take('"'))
            {
                return null;
            }

            char[] chars = scratch;
            char[] text = json;
            int count = 0;
            while (true)
            {
                // The plain run, the bulk of any string, on locals: a field access costs several local ones on nanoCLR.
                int i = at;
                int end = length;
                while (i < end)
                {
                    char plain = text[i];
                    if (plain == '"' || plain == '\\')
                    {
                        break;
                    }

                    chars[count++] = plain;
                    i++;
                }

                if (i >= end)
                {
                    return null;
                }

                at = i + 1;
                if (text[i] == '"')
                {
                    return keep ? new string(chars, 0, count) : "";
                }

                // A backslash: an escape follows.
                if (at >= end)
                {
                    return null;
                }

                char e = json[at++];
                switch (e)
                {
                    case '"': chars[count++] = '"'; break;
                    case '\\': chars[count++] = '\\'; break;
                    case '/': chars[count++] = '/'; break;
                    case 'b': chars[count++] = '\b'; break;
                    case 'f': chars[count++] = '\f'; break;
                    case 'n': chars[count++] = '\n'; break;
                    case 'r': chars[count++] = '\r'; break;
                    case 't': chars[count++] = '\t'; break;
                    case 'u':
                        int code = ParseHex4();
                        if (code < 0)
                        {
                            return null;
                        }

                        // Surrogate pairs arrive as two escapes; each half is kept as the UTF-16 unit it is.
                        chars[count++] = (char)code;
                        break;
                    default:
                        return null;
                }
            }
        }

        private int ParseHex4()
        {
            if (at + 4 > length)
            {
                return -1;
            }

            int value = 0;
            for (int i = 0; i < 4; i++)
            {
                char c = json[at++];
                int digit = c >= '0' && c <= '9' ? c - '0'
                    : c >= 'a' && c <= 'f' ? c - 'a' + 10
                    : c >= 'A' && c <= 'F' ? c - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    return -1;
                }

                value = (value << 4) | digit;
            }

            return value;
        }

        // Skips one JSON value of any kind; nesting is tracked with a counter, not recursion.
        private bool SkipValue()
        {
            int depth = 0;
            do
            {
                SkipSpace();
                char c = Peek();
                if (c == '"')
                {
                    if (ParseString(false) == null)
                    {
                        return false;
                    }
                }
                else if (c == '{' || c == '[')
                {
                    at++;
                    depth++;
                    continue;
                }
                else if (c == '}' || c == ']')
                {
                    if (depth == 0)
                    {
                        return false;
                    }

                    at++;
                    depth--;
                }
                else if (c == ',' || c == ':')
                {
                    if (depth == 0)
                    {
                        return false;
                    }

                    at++;
                    continue;
                }
                else
                {
                    int start = at;
                    while (at < length && IsScalarChar(json[at]))
                    {
                        at++;
                    }

                    if (at == start)
                    {
                        return false;
                    }
                }
            }
            while (depth > 0 && at < length);

            return depth == 0;
        }

        private static bool IsScalarChar(char c)
        {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
        }

        private void SkipSpace()
        {
            while (at < length && IsSpace(json[at]))
            {
                at++;
            }
        }

        private char Peek()
        {
            return at < length ? json[at] : '\0';
        }

        private bool Take(char c)
        {
            if (Peek() != c)
            {
                return false;
            }

            at++;
            return true;
        }

        private static bool IsSpace(char c)
        {
            return c == ' ' || c == '\t' || c == '\r' || c == '\n';
        }

        // The body as one printable line: control characters as spaces, trimmed, cut at MaxExcerpt; null when blank.
        private string Excerpt()
        {
            int start = 0;
            int end = length;
            while (start < end && json[start] <= ' ')
            {
                start++;
            }

            while (end > start && json[end - 1] <= ' ')
            {
                end--;
            }

            if (start == end)
            {
                return null;
            }

            int count = end - start < MaxExcerpt ? end - start : MaxExcerpt;
            char[] chars = new char[count];
            for (int i = 0; i < count; i++)
            {
                char c = json[start + i];
                chars[i] = c < ' ' ? ' ' : c;
            }

            string excerpt = new string(chars).Trim();
            return end - start > MaxExcerpt ? excerpt + "..." : excerpt;
        }
    }
}
