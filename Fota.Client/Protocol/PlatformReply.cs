namespace Fota.Client
{
    /// <summary>
    /// Decodes the platform's refusal body, a JSON object such as
    /// <c>{"code": 27, "msg": "\u5df2\u662f\u6700\u65b0\u7248\u672c"}</c>. Tolerant: other members, nested
    /// values, a string <c>code</c> and any whitespace are accepted; anything that is not such an object
    /// leaves <see cref="Code"/> at -1 and keeps a printable excerpt in <see cref="Text"/>.
    /// </summary>
    internal class PlatformReply
    {
        private const int MaxExcerpt = 120;

        private readonly string json;
        private int at;

        private PlatformReply(string json)
        {
            this.json = json;
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
            PlatformReply reply = new PlatformReply(Utf8.GetString(body, 0, count));
            if (!reply.ParseObject() && reply.json.Trim().Length > 0)
            {
                reply.Code = -1;
                reply.Message = null;
                reply.Text = Excerpt(reply.json);
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
                string name = ParseString();
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
                    Message = ParseString();
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
                string text = ParseString();
                if (text == null)
                {
                    return -2;
                }

                return ToCode(text, 0, text.Length);
            }

            int start = at;
            if (!SkipValue())
            {
                return -2;
            }

            return ToCode(json, start, at - start);
        }

        private static int ToCode(string text, int start, int length)
        {
            if (length == 0 || length > 9)
            {
                return -1;
            }

            int value = 0;
            for (int i = start; i < start + length; i++)
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

        private string ParseString()
        {
            if (!Take('"'))
            {
                return null;
            }

            char[] chars = new char[json.Length - at];
            int length = 0;
            while (at < json.Length)
            {
                char c = json[at++];
                if (c == '"')
                {
                    return new string(chars, 0, length);
                }

                if (c != '\\')
                {
                    chars[length++] = c;
                    continue;
                }

                if (at >= json.Length)
                {
                    return null;
                }

                char e = json[at++];
                switch (e)
                {
                    case '"': chars[length++] = '"'; break;
                    case '\\': chars[length++] = '\\'; break;
                    case '/': chars[length++] = '/'; break;
                    case 'b': chars[length++] = '\b'; break;
                    case 'f': chars[length++] = '\f'; break;
                    case 'n': chars[length++] = '\n'; break;
                    case 'r': chars[length++] = '\r'; break;
                    case 't': chars[length++] = '\t'; break;
                    case 'u':
                        int code = ParseHex4();
                        if (code < 0)
                        {
                            return null;
                        }

                        // Surrogate pairs arrive as two escapes; each half is kept as the UTF-16 unit it is.
                        chars[length++] = (char)code;
                        break;
                    default:
                        return null;
                }
            }

            return null;
        }

        private int ParseHex4()
        {
            if (at + 4 > json.Length)
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
                    if (ParseString() == null)
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
                    while (at < json.Length && IsScalarChar(json[at]))
                    {
                        at++;
                    }

                    if (at == start)
                    {
                        return false;
                    }
                }
            }
            while (depth > 0 && at < json.Length);

            return depth == 0;
        }

        private static bool IsScalarChar(char c)
        {
            return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E';
        }

        private void SkipSpace()
        {
            while (at < json.Length && (json[at] == ' ' || json[at] == '\t' || json[at] == '\r' || json[at] == '\n'))
            {
                at++;
            }
        }

        private char Peek()
        {
            return at < json.Length ? json[at] : '\0';
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

        private static string Excerpt(string text)
        {
            int length = text.Length < MaxExcerpt ? text.Length : MaxExcerpt;
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                chars[i] = c < ' ' ? ' ' : c;
            }

            string excerpt = new string(chars).Trim();
            return text.Length > MaxExcerpt ? excerpt + "..." : excerpt;
        }
    }
}
