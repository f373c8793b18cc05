namespace Fota.Client
{
    /// <summary>An absolute http or https URL split into what a request needs.</summary>
    internal class HttpTarget
    {
        private HttpTarget()
        {
        }

        /// <summary><c>true</c> for https.</summary>
        internal bool Secure { get; private set; }

        /// <summary>Host name or address, IPv6 literals without brackets.</summary>
        internal string Host { get; private set; }

        /// <summary>TCP port, explicit or the scheme's default.</summary>
        internal int Port { get; private set; }

        /// <summary>The Host header value: host, brackets for IPv6, and the port when not the default.</summary>
        internal string HostHeader { get; private set; }

        /// <summary>Path and query for the request line; at least <c>/</c>.</summary>
        internal string PathAndQuery { get; private set; }

        /// <summary>Parses <paramref name="url"/>.</summary>
        /// <exception cref="FotaException"><see cref="FotaResult.InvalidUrl"/> with the reason.</exception>
        internal static HttpTarget Parse(string url)
        {
            for (int i = 0; i < url.Length; i++)
            {
                if (url[i] <= ' ' || url[i] >= 0x7F)
                {
                    throw Invalid(url, "contains a space, control or non-ASCII character (percent-encode it)");
                }
            }

            HttpTarget target = new HttpTarget();
            string lower = url.ToLower();
            int rest;
            if (lower.IndexOf("http://") == 0)
            {
                rest = 7;
                target.Port = 80;
            }
            else if (lower.IndexOf("https://") == 0)
            {
                rest = 8;
                target.Secure = true;
                target.Port = 443;
            }
            else
            {
                throw Invalid(url, "must start with http:// or https://");
            }

            int end = rest;
            while (end < url.Length && url[end] != '/' && url[end] != '?' && url[end] != '#')
            {
                end++;
            }

            string authority = url.Substring(rest, end - rest);
            if (authority.IndexOf('@') >= 0)
            {
                throw Invalid(url, "user information in the URL is not supported");
            }

            int portStart;
            if (authority.Length > 0 && authority[0] == '[')
            {
                int close = authority.IndexOf(']');
                if (close < 0)
                {
                    throw Invalid(url, "IPv6 address without ']'");
                }

                target.Host = authority.Substring(1, close - 1);
                portStart = close + 1 < authority.Length && authority[close + 1] == ':' ? close + 2 : -1;
                if (portStart < 0 && close + 1 != authority.Length)
                {
                    throw Invalid(url, "unexpected characters after the IPv6 address");
                }
            }
            else
            {
                int colon = authority.IndexOf(':');
                target.Host = colon < 0 ? authority : authority.Substring(0, colon);
                portStart = colon < 0 ? -1 : colon + 1;
            }

            if (target.Host.Length == 0)
            {
                throw Invalid(url, "has no host");
            }

            if (portStart >= 0)
            {
                target.Port = ParsePort(authority.Substring(portStart));
                if (target.Port <= 0)
                {
                    throw Invalid(url, "has an invalid port (1-65535)");
                }
            }

            string path = url.Substring(end);
            int fragment = path.IndexOf('#');
            if (fragment >= 0)
            {
                path = path.Substring(0, fragment);
            }

            if (path.Length == 0 || path[0] == '?')
            {
                path = "/" + path;
            }

            target.PathAndQuery = path;
            bool defaultPort = target.Port == (target.Secure ? 443 : 80);
            string host = target.Host.IndexOf(':') >= 0 ? "[" + target.Host + "]" : target.Host;
            target.HostHeader = defaultPort ? host : host + ":" + target.Port.ToString();
            return target;
        }

        private static int ParsePort(string text)
        {
            if (text.Length == 0 || text.Length > 5)
            {
                return -1;
            }

            int port = 0;
            for (int i = 0; i < text.Length; i++)
            {
                if (text[i] < '0' || text[i] > '9')
                {
                    return -1;
                }

                port = port * 10 + (text[i] - '0');
            }

            return port <= 65535 ? port : -1;
        }

        private static FotaException Invalid(string url, string why)
        {
            return new FotaException(FotaResult.InvalidUrl, "Url '" + url + "' " + why);
        }
    }
}
