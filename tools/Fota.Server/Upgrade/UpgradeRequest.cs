using System;
using System.Collections.Generic;
using Fota.Client;

namespace Fota.Server
{
    /// <summary>
    /// The four parameters of one upgrade request, read from the raw query string. Names are matched exactly,
    /// as the platform does: <c>IMEI</c> is not <c>imei</c> (ASP.NET's own query collection ignores case, so it
    /// is not used). Unknown parameters are ignored, like old clients' <c>need_oss_url</c>.
    /// </summary>
    internal sealed class UpgradeRequest
    {
        private UpgradeRequest(string imei, string projectKey, string firmwareName, string version)
        {
            Imei = imei;
            ProjectKey = projectKey;
            FirmwareName = firmwareName;
            Version = version;
        }

        public string Imei { get; }

        public string ProjectKey { get; }

        public string FirmwareName { get; }

        public string Version { get; }

        /// <summary>
        /// Reads and checks the parameters. Returns <c>null</c> and a 400 refusal naming the first bad parameter
        /// (in the order of the URL) when any is missing, repeated, too long or malformed.
        /// </summary>
        public static UpgradeRequest Parse(string queryString, out Refusal refusal)
        {
            Dictionary<string, List<string>> query = Split(queryString);

            refusal = null;
            string imei = Single(query, "imei", PlatformCodes.InvalidDevice, InputRules.CheckImei, ref refusal);
            string key = Single(query, "project_key", PlatformCodes.InvalidProject, InputRules.CheckProjectKey, ref refusal);
            string name = Single(query, "firmware_name", PlatformCodes.InvalidFirmware, InputRules.CheckFirmwareName, ref refusal);
            string version = Single(query, "version", PlatformCodes.BaseVersionMissing, CheckVersion, ref refusal);
            return refusal == null ? new UpgradeRequest(imei, key, name, version) : null;
        }

        private static string CheckVersion(string version)
        {
            if (version != null && version.Length > InputRules.MaxLength)
            {
                return "version is " + version.Length + " characters long";
            }

            string problem = FotaVersion.Check(version);
            return problem == null ? null : char.ToLowerInvariant(problem[0]) + problem.Substring(1);
        }

        private static string Single(Dictionary<string, List<string>> query, string name, int code, Func<string, string> check, ref Refusal refusal)
        {
            if (refusal != null)
            {
                return null;
            }

            string problem;
            string value = null;
            if (!query.TryGetValue(name, out List<string> values))
            {
                problem = "parameter '" + name + "' is missing (names are case-sensitive: lower-case '" + name + "')";
            }
            else if (values.Count > 1)
            {
                problem = "parameter '" + name + "' is given " + values.Count + " times";
            }
            else
            {
                value = values[0];
                problem = check(value);
            }

            if (problem != null)
            {
                refusal = new Refusal(400, code, problem);
                return null;
            }

            return value;
        }

        /// <summary>Splits <c>?a=1&amp;b=2</c> into exact-case names and decoded values (<c>+</c> is a space, as in forms).</summary>
        private static Dictionary<string, List<string>> Split(string queryString)
        {
            var query = new Dictionary<string, List<string>>(StringComparer.Ordinal);
            if (string.IsNullOrEmpty(queryString))
            {
                return query;
            }

            string text = queryString[0] == '?' ? queryString.Substring(1) : queryString;
            foreach (string pair in text.Split('&'))
            {
                if (pair.Length == 0)
                {
                    continue;
                }

                int equals = pair.IndexOf('=');
                string name = Decode(equals < 0 ? pair : pair.Substring(0, equals));
                string value = equals < 0 ? "" : Decode(pair.Substring(equals + 1));
                if (!query.TryGetValue(name, out List<string> values))
                {
                    values = new List<string>(1);
                    query.Add(name, values);
                }

                values.Add(value);
            }

            return query;
        }

        private static string Decode(string text)
        {
            return Uri.UnescapeDataString(text.Replace('+', ' '));
        }
    }
}
