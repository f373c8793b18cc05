namespace Fota.Client
{
    /// <summary>Builds the bytes of one HTTP/1.1 request head, refusing values that could break it.</summary>
    /// <remarks>Walks <c>char[]</c> copies, never <c>string[i]</c>: O(length) on nanoCLR and wrong outside the BMP.</remarks>
    internal static class HttpRequest
    {
        /// <summary>Sent so server logs can tell this client apart.</summary>
        internal const string UserAgent = "Fota.Client/0.1 (nanoFramework)";

        /// <summary>The request head for <paramref name="target"/>.</summary>
        /// <param name="method">The method.</param>
        /// <param name="target">Where the request goes.</param>
        /// <param name="headers">The application's extra headers.</param>
        /// <param name="bodyLength">The request body's length.</param>
        /// <param name="rangeFrom">Ask for the file from this byte on (<c>Range: bytes=N-</c>) when above 0.</param>
        /// <param name="ifRange">With a range: the validator that makes the server send the rest only of this very file.</param>
        /// <param name="foreignHost"><c>true</c> after a redirect to another host: the application's Authorization and
        /// Cookie headers are meant for the first one and are not sent.</param>
        /// <exception cref="FotaException"><see cref="FotaResult.InvalidOptions"/> for a malformed method or header.</exception>
        internal static byte[] BuildHead(string method, HttpTarget target, string[] headers, int bodyLength, long rangeFrom, string ifRange,
            bool foreignHost)
        {
            if (method == null || method.Length == 0 || !IsToken(method))
            {
                throw new FotaException(FotaResult.InvalidOptions, "Method '" + method + "' is not an HTTP method name");
            }

            string head = method + " " + target.PathAndQuery + " HTTP/1.1\r\n"
                + "Host: " + target.HostHeader + "\r\n"
                + "User-Agent: " + UserAgent + "\r\n"
                + "Accept: */*\r\n"
                + "Accept-Encoding: identity\r\n"
                + "Connection: close\r\n";

            if (headers != null)
            {
                for (int i = 0; i < headers.Length; i++)
                {
                    string header = CheckHeader(headers[i]);
                    if (!foreignHost || !IsCredential(header))
                    {
                        head += header + "\r\n";
                    }
                }
            }

            if (rangeFrom > 0)
            {
                head += "Range: bytes=" + rangeFrom.ToString() + "-\r\n";
                if (ifRange != null)
                {
                    head += "If-Range: " + ifRange + "\r\n";
                }
            }

            if (bodyLength > 0)
            {
                head += "Content-Length: " + bodyLength.ToString() + "\r\n";
            }

            return Utf8.GetBytes(head + "\r\n");
        }

        private static string CheckHeader(string header)
        {
            if (header == null)
            {
                throw new FotaException(FotaResult.InvalidOptions, "Headers contains a null entry");
            }

            int colon = header.IndexOf(':');
            string name = colon > 0 ? header.Substring(0, colon) : "";
            if (!IsToken(name))
            {
                throw new FotaException(FotaResult.InvalidOptions, "Header '" + header + "' is not 'Name: value'");
            }

            char[] chars = header.ToCharArray();
            for (int i = colon + 1; i < chars.Length; i++)
            {
                if (chars[i] == '\r' || chars[i] == '\n' || chars[i] == '\0')
                {
                    throw new FotaException(FotaResult.InvalidOptions, "Header '" + name + "' contains a line break");
                }
            }

            string lower = name.ToLower();
            if (lower == "host" || lower == "content-length" || lower == "connection" || lower == "transfer-encoding"
                || lower == "range" || lower == "if-range" || lower == "accept-encoding")
            {
                throw new FotaException(FotaResult.InvalidOptions, "Header '" + name + "' is set by the library");
            }

            return header;
        }

        private static bool IsCredential(string header)
        {
            string lower = header.Substring(0, header.IndexOf(':')).ToLower();
            return lower == "authorization" || lower == "cookie";
        }

        private static bool IsToken(string text)
        {
            char[] chars = text.ToCharArray();
            if (chars.Length == 0)
            {
                return false;
            }

            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || "!#$%&'*+-.^_`|~".IndexOf(c) >= 0;
                if (!ok)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
