namespace Fota.Client
{
    /// <summary>
    /// Where a redirect leads: the <c>Location</c> of a 301, 302, 303, 307 or 308 resolved against the URL that was
    /// asked (RFC 3986 §5.2: absolute, <c>//host…</c>, <c>/path</c>, <c>?query</c> and relative references, dot segments
    /// removed, the fragment dropped). Redirects are rare, so plain strings are fine here.
    /// </summary>
    internal static class Redirect
    {
        /// <summary>The absolute URL <paramref name="location"/> points to from <paramref name="baseUrl"/> (an absolute http(s) URL).</summary>
        internal static string Resolve(string baseUrl, string location)
        {
            int fragment = location.IndexOf('#');
            if (fragment >= 0)
            {
                location = location.Substring(0, fragment);
            }

            if (HasScheme(location))
            {
                return location;
            }

            int schemeEnd = baseUrl.IndexOf("://");
            string scheme = baseUrl.Substring(0, schemeEnd + 1);
            if (location.IndexOf("//") == 0)
            {
                return scheme + location;
            }

            int authorityEnd = IndexOfAny(baseUrl, schemeEnd + 3, '/', '?');
            string origin = baseUrl.Substring(0, authorityEnd);
            string basePathAndQuery = baseUrl.Substring(authorityEnd);
            int baseQuery = basePathAndQuery.IndexOf('?');
            string basePath = baseQuery < 0 ? basePathAndQuery : basePathAndQuery.Substring(0, baseQuery);
            if (location.Length == 0)
            {
                return baseUrl;
            }

            if (location.IndexOf('?') == 0)
            {
                return origin + (basePath.Length == 0 ? "/" : basePath) + location;
            }

            int query = location.IndexOf('?');
            string path = query < 0 ? location : location.Substring(0, query);
            string rest = query < 0 ? "" : location.Substring(query);
            if (path.IndexOf('/') != 0)
            {
                // Relative to the folder of the path asked for.
                int slash = basePath.LastIndexOf('/');
                path = (slash < 0 ? "/" : basePath.Substring(0, slash + 1)) + path;
            }

            return origin + RemoveDotSegments(path) + rest;
        }

        // RFC 3986 §5.2.4.
        private static string RemoveDotSegments(string input)
        {
            string output = "";
            while (input.Length > 0)
            {
                if (StartsWith(input, "../") || StartsWith(input, "./"))
                {
                    input = input.Substring(input.IndexOf('/') + 1);
                }
                else if (StartsWith(input, "/./") || input == "/.")
                {
                    input = "/" + input.Substring(input.Length == 2 ? 2 : 3);
                }
                else if (StartsWith(input, "/../") || input == "/..")
                {
                    input = "/" + input.Substring(input.Length == 3 ? 3 : 4);
                    int last = output.LastIndexOf('/');
                    output = last < 0 ? "" : output.Substring(0, last);
                }
                else if (input == "." || input == "..")
                {
                    input = "";
                }
                else
                {
                    int end = input.IndexOf('/', 1);
                    if (end < 0)
                    {
                        end = input.Length;
                    }

                    output += input.Substring(0, end);
                    input = input.Substring(end);
                }
            }

            return output.Length == 0 ? "/" : output;
        }

        // scheme ":" where scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ).
        private static bool HasScheme(string location)
        {
            char[] chars = location.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                bool letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
                if (c == ':')
                {
                    return i > 0;
                }

                if (!letter && (i == 0 || !((c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.')))
                {
                    return false;
                }
            }

            return false;
        }

        private static bool StartsWith(string text, string prefix)
        {
            return text.Length >= prefix.Length && text.Substring(0, prefix.Length) == prefix;
        }

        private static int IndexOfAny(string text, int from, char a, char b)
        {
            int first = text.IndexOf(a, from);
            int second = text.IndexOf(b, from);
            if (first < 0)
            {
                return second < 0 ? text.Length : second;
            }

            return second < 0 || first < second ? first : second;
        }
    }
}
