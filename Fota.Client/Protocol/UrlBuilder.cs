namespace Fota.Client
{
    /// <summary>
    /// Composes the upgrade URL the way libfota2 does (protocol.md §1), with this port's fixes: <c>?</c> or
    /// <c>&amp;</c> chosen by the base, reserved characters percent-encoded, and a pure function of its
    /// inputs so a periodic re-run never grows the URL.
    /// </summary>
    public static class UrlBuilder
    {
        /// <summary>Prefix that makes a URL verbatim: removed, nothing appended, no project key needed.</summary>
        public const string VerbatimPrefix = "###";

        /// <summary>The host of the LuatOS platform, where a project key is mandatory.</summary>
        public const string PlatformHost = "iot.openluat.com";

        /// <summary>The device id's parameter name in the platform's reference URL, and the default.</summary>
        public const string DefaultDeviceIdParameter = "imei";

        /// <summary>
        /// The URL a device requests: <paramref name="baseUrl"/> followed by
        /// <c>imei=…&amp;project_key=…&amp;firmware_name=…&amp;version=…</c> in that order.
        /// </summary>
        /// <exception cref="FotaException">
        /// <see cref="FotaResult.InvalidUrl"/>, <see cref="FotaResult.MissingProjectKey"/>,
        /// <see cref="FotaResult.InvalidOptions"/> (missing id or firmware name) or
        /// <see cref="FotaResult.InvalidVersion"/>, with a message naming the value.
        /// </exception>
        public static string Compose(string baseUrl, string imei, string projectKey, string firmwareName, string version)
        {
            return Compose(baseUrl, DefaultDeviceIdParameter, imei, projectKey, firmwareName, version);
        }

        /// <summary>
        /// The URL a device requests, with the device id sent under <paramref name="deviceIdParameter"/>: libfota2 sends
        /// <c>imei</c> on cellular modules, <c>mac</c> on Wi-Fi modules and <c>uid</c> on others.
        /// </summary>
        /// <exception cref="FotaException">
        /// As <see cref="Compose(string, string, string, string, string)"/>, and <see cref="FotaResult.InvalidOptions"/>
        /// when <paramref name="deviceIdParameter"/> is not a plain parameter name (see <see cref="CheckDeviceIdParameter"/>).
        /// </exception>
        public static string Compose(string baseUrl, string deviceIdParameter, string deviceId, string projectKey, string firmwareName,
            string version)
        {
            if (baseUrl == null || baseUrl.Length == 0)
            {
                throw new FotaException(FotaResult.InvalidUrl, "Url is empty");
            }

            if (baseUrl.Length >= VerbatimPrefix.Length && baseUrl.Substring(0, VerbatimPrefix.Length) == VerbatimPrefix)
            {
                return baseUrl.Substring(VerbatimPrefix.Length);
            }

            if (baseUrl.IndexOf('#') >= 0)
            {
                throw new FotaException(FotaResult.InvalidUrl, "Url '" + baseUrl + "' contains '#': parameters cannot follow a fragment");
            }

            if (IsEmpty(projectKey) && IsPlatform(baseUrl))
            {
                throw new FotaException(FotaResult.MissingProjectKey, "ProjectKey is required by " + PlatformHost);
            }

            string problem = CheckDeviceIdParameter(deviceIdParameter);
            if (problem != null)
            {
                throw new FotaException(FotaResult.InvalidOptions, problem);
            }

            if (IsEmpty(deviceId))
            {
                throw new FotaException(FotaResult.InvalidOptions, "Imei (the device id) is empty");
            }

            if (IsEmpty(firmwareName))
            {
                throw new FotaException(FotaResult.InvalidOptions, "FirmwareName is empty");
            }

            problem = FotaVersion.Check(version);
            if (problem != null)
            {
                throw new FotaException(FotaResult.InvalidVersion, problem);
            }

            string separator;
            int query = baseUrl.IndexOf('?');
            char last = baseUrl[baseUrl.Length - 1];
            if (query < 0)
            {
                separator = "?";
            }
            else if (last == '?' || last == '&')
            {
                separator = "";
            }
            else
            {
                separator = "&";
            }

            return baseUrl + separator
                + deviceIdParameter + "=" + Encode(deviceId)
                + "&project_key=" + Encode(projectKey == null ? "" : projectKey)
                + "&firmware_name=" + Encode(firmwareName)
                + "&version=" + Encode(version);
        }

        /// <summary>
        /// Percent-encodes everything but RFC 3986 unreserved characters (<c>A–Z a–z 0–9 - . _ ~</c>),
        /// as UTF-8 with upper-case hex.
        /// </summary>
        public static string Encode(string value)
        {
            byte[] bytes = Utf8.GetBytes(value);
            int length = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                length += IsUnreserved(bytes[i]) ? 1 : 3;
            }

            if (length == value.Length && length == bytes.Length)
            {
                return value;
            }

            char[] chars = new char[length];
            int at = 0;
            for (int i = 0; i < bytes.Length; i++)
            {
                int b = bytes[i];
                if (IsUnreserved(b))
                {
                    chars[at++] = (char)b;
                }
                else
                {
                    chars[at++] = '%';
                    chars[at++] = HexDigit(b >> 4);
                    chars[at++] = HexDigit(b & 0xF);
                }
            }

            return new string(chars);
        }

        /// <summary>
        /// Why <paramref name="name"/> cannot name the device id's parameter, or <c>null</c> when it can: it must be 1–32
        /// of <c>A–Z a–z 0–9 - . _ ~</c> (sent as they are) and not one of the other three parameters.
        /// </summary>
        public static string CheckDeviceIdParameter(string name)
        {
            if (name == null || name.Length == 0)
            {
                return "DeviceIdParameter is empty (libfota2 uses imei, mac or uid)";
            }

            char[] chars = name.ToCharArray();
            bool plain = chars.Length <= 32;
            for (int i = 0; plain && i < chars.Length; i++)
            {
                plain = chars[i] < 0x80 && IsUnreserved(chars[i]);
            }

            if (!plain)
            {
                return "DeviceIdParameter '" + name + "' must be 1-32 letters, digits, '-', '.', '_' or '~'";
            }

            if (name == "project_key" || name == "firmware_name" || name == "version")
            {
                return "DeviceIdParameter '" + name + "' is the name of another parameter";
            }

            return null;
        }

        // An unusable base is not the platform's; the request reports it as InvalidUrl when it parses the URL.
        private static bool IsPlatform(string baseUrl)
        {
            try
            {
                return HttpTarget.Parse(baseUrl).Host.ToLower() == PlatformHost;
            }
            catch (FotaException)
            {
                return false;
            }
        }

        private static bool IsEmpty(string value)
        {
            return value == null || value.Trim().Length == 0;
        }

        private static bool IsUnreserved(int b)
        {
            return (b >= 'A' && b <= 'Z') || (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9')
                || b == '-' || b == '.' || b == '_' || b == '~';
        }

        private static char HexDigit(int value)
        {
            return (char)(value < 10 ? '0' + value : 'A' + value - 10);
        }
    }
}
