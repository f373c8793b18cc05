namespace Fota.Server
{
    /// <summary>
    /// What the server and the catalogue accept as device ids, keys and names. Each check returns <c>null</c>
    /// when the value is fine, else one line saying what is wrong. Values are never used as paths (firmware
    /// files get server-chosen names), but a name like <c>../app</c> is refused anyway so that no stored value
    /// can look like one and a mistyped request gets a clear answer.
    /// </summary>
    internal static class InputRules
    {
        /// <summary>Longest id, key or firmware name accepted; the platform's are far shorter (IMEI 15, key 32).</summary>
        public const int MaxLength = 128;

        /// <summary>Longest account or project name.</summary>
        public const int MaxNameLength = 64;

        /// <summary>A 4G IMEI, a MAC as 12 hex digits, or any unique id of letters, digits and <c>- _ . :</c>.</summary>
        public static string CheckImei(string imei)
        {
            return Check(imei, "device id (imei)", MaxLength, "-_.:", false);
        }

        /// <summary>Letters and digits only, as the platform's keys.</summary>
        public static string CheckProjectKey(string key)
        {
            return Check(key, "project key", MaxLength, "", false);
        }

        /// <summary>
        /// Letters (any script: LuatOS builds the name from the user's PROJECT), digits and <c>_ - . +</c>,
        /// without <c>..</c>.
        /// </summary>
        public static string CheckFirmwareName(string name)
        {
            string problem = Check(name, "firmware name", MaxLength, "_-.+", true);
            if (problem == null && name.Contains(".."))
            {
                problem = "firmware name '" + name + "' contains '..'";
            }

            return problem;
        }

        /// <summary>Account and project names: letters, digits and <c>_ - .</c>.</summary>
        public static string CheckName(string name, string what)
        {
            string problem = Check(name, what, MaxNameLength, "_-.", true);
            if (problem == null && name.Contains(".."))
            {
                problem = what + " '" + name + "' contains '..'";
            }

            return problem;
        }

        private static string Check(string value, string what, int maxLength, string punctuation, bool anyLetters)
        {
            if (string.IsNullOrEmpty(value))
            {
                return what + " is missing or empty";
            }

            if (value.Length > maxLength)
            {
                return what + " is " + value.Length + " characters long; at most " + maxLength + " are accepted";
            }

            foreach (char c in value)
            {
                bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || punctuation.IndexOf(c) >= 0
                    || (anyLetters && c > 127 && char.IsLetterOrDigit(c));
                if (!ok)
                {
                    return what + " '" + Printable(value) + "' contains '" + Printable(c.ToString())
                        + "'; only letters, digits" + (punctuation.Length > 0 ? " and " + string.Join(" ", punctuation.ToCharArray()) : "")
                        + " are accepted";
                }
            }

            return null;
        }

        /// <summary>Shows control characters as <c>\uXXXX</c> so an error line stays one line.</summary>
        private static string Printable(string value)
        {
            var text = new System.Text.StringBuilder(value.Length);
            foreach (char c in value)
            {
                if (c < 0x20 || c == 0x7F)
                {
                    text.Append("\\u").Append(((int)c).ToString("x4"));
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.ToString();
        }
    }
}
