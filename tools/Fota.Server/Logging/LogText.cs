using System;
using System.Globalization;
using System.Text;

namespace Fota.Server
{
    /// <summary>
    /// Makes text from the network safe for a log line: one request stays one line whatever it contains, and
    /// project keys do not end up in log files that more people can read than the keys were meant for.
    /// </summary>
    internal static class LogText
    {
        /// <summary>Characters of a project key kept in the log; the rest become <c>*</c>.</summary>
        public const int KeyCharsShown = 4;

        private const int MaxShown = 300;

        /// <summary>
        /// Escapes as <c>\uXXXX</c> every character that can break or disguise a line: control characters (C0,
        /// DEL, C1 such as NEL U+0085), line and paragraph separators (U+2028, U+2029), format characters
        /// (bidirectional overrides, zero-width), lone surrogates, and the backslash itself (as <c>\\</c>) so an
        /// escape in the input cannot pass for one of ours. Text longer than 300 characters is shortened.
        /// </summary>
        public static string Escape(string text)
        {
            if (text == null)
            {
                return "";
            }

            int length = Math.Min(text.Length, MaxShown);
            if (length < text.Length && char.IsHighSurrogate(text[length - 1]))
            {
                length--;
            }
            StringBuilder line = null;
            for (int i = 0; i < length; i++)
            {
                char c = text[i];
                string replacement = null;
                if (c == '\\')
                {
                    replacement = "\\\\";
                }
                else if (NeedsEscape(text, i))
                {
                    replacement = "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture);
                }
                else if (char.IsHighSurrogate(c))
                {
                    // A valid pair: keep both halves together.
                    line?.Append(c).Append(text[i + 1]);
                    i++;
                    continue;
                }

                if (replacement != null)
                {
                    (line ??= new StringBuilder(text, 0, i, length + 16)).Append(replacement);
                }
                else
                {
                    line?.Append(c);
                }
            }

            string result = line == null ? text.Substring(0, length) : line.ToString();
            return text.Length > MaxShown ? result + "...(" + text.Length + " chars)" : result;
        }

        /// <summary>The query string with the value of every <c>project_key</c> cut to its first four characters.</summary>
        public static string RedactQuery(string query)
        {
            if (string.IsNullOrEmpty(query) || query.IndexOf("project_key", StringComparison.OrdinalIgnoreCase) < 0)
            {
                return query ?? "";
            }

            var text = new StringBuilder(query.Length);
            int start = 0;
            while (start <= query.Length)
            {
                int end = query.IndexOf('&', start);
                if (end < 0)
                {
                    end = query.Length;
                }

                string pair = query.Substring(start, end - start);
                int equals = pair.IndexOf('=');
                string name = equals < 0 ? pair : pair.Substring(0, equals);
                string bare = name.StartsWith("?", StringComparison.Ordinal) ? name.Substring(1) : name;
                if (equals >= 0 && string.Equals(Uri.UnescapeDataString(bare), "project_key", StringComparison.OrdinalIgnoreCase))
                {
                    pair = name + "=" + RedactKey(pair.Substring(equals + 1));
                }

                text.Append(pair);
                if (end < query.Length)
                {
                    text.Append('&');
                }

                start = end + 1;
            }

            return text.ToString();
        }

        /// <summary>The first four characters of a key and one <c>*</c> per other character (at most 28).</summary>
        public static string RedactKey(string key)
        {
            if (string.IsNullOrEmpty(key))
            {
                return key ?? "";
            }

            int shown = Math.Min(KeyCharsShown, key.Length / 2);
            return key.Substring(0, shown) + new string('*', Math.Min(key.Length - shown, 28));
        }

        private static bool NeedsEscape(string text, int i)
        {
            char c = text[i];
            if (char.IsHighSurrogate(c))
            {
                return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
            }

            if (char.IsLowSurrogate(c))
            {
                return true;
            }

            switch (char.GetUnicodeCategory(c))
            {
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.OtherNotAssigned:
                    return true;
                default:
                    return false;
            }
        }
    }
}
