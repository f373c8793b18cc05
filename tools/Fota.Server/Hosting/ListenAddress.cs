using System;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Fota.Server
{
    /// <summary>
    /// One address for the server to listen on, read strictly from a URL such as <c>http://127.0.0.1:5080</c>.
    /// Only an IP literal, <c>localhost</c> or an explicit wildcard (<c>0.0.0.0</c>, <c>[::]</c>, <c>*</c>, <c>+</c>)
    /// is accepted: a host name or a mistyped address (<c>127.0.0.l</c>, <c>256.1.1.1</c>) is refused instead of
    /// silently listening on every interface, which is what ASP.NET does with a name it cannot bind.
    /// </summary>
    public sealed class ListenAddress
    {
        private ListenAddress(string url, IPAddress address, bool isLocalhost, bool isAnyAddress, int port)
        {
            Url = url;
            Address = address;
            IsLocalhost = isLocalhost;
            IsAnyAddress = isAnyAddress;
            Port = port;
        }

        /// <summary>The URL as given.</summary>
        public string Url { get; }

        /// <summary>The IP address to bind, or <c>null</c> for <c>localhost</c> and for <c>*</c>/<c>+</c> (every interface, IPv4 and IPv6).</summary>
        public IPAddress Address { get; }

        /// <summary><c>localhost</c>: the loopback addresses of IPv4 and IPv6.</summary>
        public bool IsLocalhost { get; }

        /// <summary><c>*</c> or <c>+</c>: every interface, IPv4 and IPv6.</summary>
        public bool IsAnyAddress { get; }

        /// <summary>The port; 0 asks the system for a free one; 80 when the URL names none.</summary>
        public int Port { get; }

        /// <summary>
        /// Reads <paramref name="url"/>; returns <c>null</c> and one line saying what is wrong in
        /// <paramref name="problem"/> when it is not an <c>http://</c> URL with an IP literal, <c>localhost</c> or
        /// a wildcard, an optional port and no path.
        /// </summary>
        public static ListenAddress TryParse(string url, out string problem)
        {
            problem = Check(url, out ListenAddress address);
            return address;
        }

        private static string Check(string url, out ListenAddress result)
        {
            result = null;
            const string Example = " (e.g. http://127.0.0.1:5080, http://0.0.0.0:5080 or http://[::]:5080)";
            if (string.IsNullOrWhiteSpace(url))
            {
                return "an empty address" + Example;
            }

            string shown = "'" + Printable(url) + "'";
            if (!url.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            {
                return shown + " is not an http:// URL" + (url.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
                    ? "; this server speaks plain HTTP, put a TLS proxy in front for https" : "") + Example;
            }

            string rest = url.Substring("http://".Length);
            if (rest.EndsWith("/", StringComparison.Ordinal))
            {
                rest = rest.Substring(0, rest.Length - 1);
            }

            if (rest.IndexOfAny(new[] { '/', '?', '#', '@' }) >= 0)
            {
                return shown + " has a path, query or user name; only a host and a port are allowed" + Example;
            }

            string host;
            string portText = null;
            if (rest.StartsWith("[", StringComparison.Ordinal))
            {
                int close = rest.IndexOf(']');
                if (close < 0)
                {
                    return shown + " has an unclosed '[' around its IPv6 address" + Example;
                }

                host = rest.Substring(1, close - 1);
                string after = rest.Substring(close + 1);
                if (after.Length > 0)
                {
                    if (after[0] != ':')
                    {
                        return shown + " has something other than ':port' after the IPv6 address" + Example;
                    }

                    portText = after.Substring(1);
                }

                if (!IPAddress.TryParse(host, out IPAddress v6) || v6.AddressFamily != AddressFamily.InterNetworkV6 || host.Contains('%'))
                {
                    return shown + ": '" + Printable(host) + "' is not an IPv6 address" + Example;
                }

                return WithPort(url, shown, v6, false, false, portText, out result);
            }

            int colon = rest.LastIndexOf(':');
            host = colon < 0 ? rest : rest.Substring(0, colon);
            portText = colon < 0 ? null : rest.Substring(colon + 1);
            if (host == "*" || host == "+")
            {
                return WithPort(url, shown, null, false, true, portText, out result);
            }

            if (string.Equals(host, "localhost", StringComparison.OrdinalIgnoreCase))
            {
                return WithPort(url, shown, null, true, false, portText, out result);
            }

            IPAddress v4 = ParseIPv4(host);
            if (v4 == null)
            {
                return shown + ": '" + Printable(host) + "' is neither an IP address (four numbers 0-255), localhost, nor a wildcard "
                    + "(0.0.0.0, [::], *); host names are refused because the server cannot listen on a name" + Example;
            }

            return WithPort(url, shown, v4, false, false, portText, out result);
        }

        private static string WithPort(string url, string shown, IPAddress address, bool localhost, bool any, string portText, out ListenAddress result)
        {
            result = null;
            int port = 80;
            if (portText != null)
            {
                if (portText.Length == 0 || portText.Length > 5 || !IsDigits(portText)
                    || !int.TryParse(portText, NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535)
                {
                    return shown + ": the port '" + Printable(portText) + "' is not a number from 0 to 65535";
                }
            }

            if (localhost && port == 0)
            {
                return shown + ": localhost needs a fixed port; use http://127.0.0.1:0 for a free port";
            }

            result = new ListenAddress(url, address, localhost, any, port);
            return null;
        }

        /// <summary>Exactly four decimal numbers 0–255 without leading zeros (no <c>127.1</c>, <c>0x7f.0.0.1</c> or <c>010.0.0.1</c>).</summary>
        private static IPAddress ParseIPv4(string host)
        {
            string[] parts = host.Split('.');
            if (parts.Length != 4)
            {
                return null;
            }

            var bytes = new byte[4];
            for (int i = 0; i < 4; i++)
            {
                string part = parts[i];
                if (part.Length == 0 || part.Length > 3 || !IsDigits(part) || (part.Length > 1 && part[0] == '0'))
                {
                    return null;
                }

                int value = int.Parse(part, NumberStyles.None, CultureInfo.InvariantCulture);
                if (value > 255)
                {
                    return null;
                }

                bytes[i] = (byte)value;
            }

            return new IPAddress(bytes);
        }

        private static bool IsDigits(string text)
        {
            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }
            }

            return true;
        }

        private static string Printable(string text)
        {
            return LogText.Escape(text);
        }
    }
}
