namespace Fota.Client
{
    /// <summary>
    /// The version string the platform compares: <c>a.b.c</c>, decimal segments. The platform ignores the
    /// middle segment when it decides whether a firmware is newer (protocol.md §1).
    /// </summary>
    public static class FotaVersion
    {
        /// <summary>Largest value of an application version segment (LuatOS's <c>VERSION</c> rule).</summary>
        public const int MaxSegment = 999;

        /// <summary>Largest first segment: libfota2 puts the firmware core number there (e.g. V1103 gives 1103).</summary>
        public const int MaxCoreNumber = 99999;

        /// <summary>
        /// Checks a version to send. Returns <c>null</c> when valid, else one line saying what is wrong.
        /// </summary>
        public static string Check(string version)
        {
            if (version == null || version.Length == 0)
            {
                return "Version is missing; expected three dot-separated numbers such as 1.0.2";
            }

            int[] segments = Split(version);
            if (segments == null)
            {
                return "Version '" + version + "' is not three dot-separated decimal numbers such as 1.0.2";
            }

            if (segments[0] > MaxCoreNumber)
            {
                return "Version '" + version + "': first segment above " + MaxCoreNumber.ToString();
            }

            if (segments[1] > MaxSegment || segments[2] > MaxSegment)
            {
                return "Version '" + version + "': second and third segments must be 0-999";
            }

            return null;
        }

        /// <summary>
        /// Checks an application version <c>x.y.z</c> (each segment 0–999). Returns <c>null</c> when valid,
        /// else one line saying what is wrong.
        /// </summary>
        public static string CheckApplication(string appVersion)
        {
            int[] segments = Split(appVersion);
            if (segments == null)
            {
                return "Application version '" + appVersion + "' is not three dot-separated decimal numbers such as 1.0.2";
            }

            for (int i = 0; i < 3; i++)
            {
                if (segments[i] > MaxSegment)
                {
                    return "Application version '" + appVersion + "': every segment must be 0-999";
                }
            }

            return null;
        }

        /// <summary>
        /// libfota2's default version: the firmware core number, then the first and third segments of the
        /// application version. Core 1103 and application <c>1.0.2</c> give <c>1103.1.2</c>.
        /// </summary>
        /// <param name="coreNumber">The firmware (core) version number, 0–99999.</param>
        /// <param name="appVersion">The application version <c>x.y.z</c>, each segment 0–999.</param>
        /// <exception cref="System.ArgumentException">When either value is out of range or malformed.</exception>
        public static string FromCore(int coreNumber, string appVersion)
        {
            if (coreNumber < 0 || coreNumber > MaxCoreNumber)
            {
                throw new System.ArgumentException("core number must be 0-" + MaxCoreNumber.ToString(), "coreNumber");
            }

            string problem = CheckApplication(appVersion);
            if (problem != null)
            {
                throw new System.ArgumentException(problem, "appVersion");
            }

            int[] segments = Split(appVersion);
            return coreNumber.ToString() + "." + segments[0].ToString() + "." + segments[2].ToString();
        }

        /// <summary>
        /// Whether <paramref name="candidate"/> is newer than <paramref name="current"/> the way the platform decides
        /// it: first segment, then third; the middle segment is ignored. Both must pass <see cref="Check"/>.
        /// </summary>
        /// <exception cref="System.ArgumentException">When either version is malformed.</exception>
        public static bool IsNewer(string candidate, string current)
        {
            int[] a = Parse(candidate, "candidate");
            int[] b = Parse(current, "current");
            return a[0] != b[0] ? a[0] > b[0] : a[2] > b[2];
        }

        private static int[] Parse(string version, string name)
        {
            string problem = Check(version);
            if (problem != null)
            {
                throw new System.ArgumentException(problem, name);
            }

            return Split(version);
        }

        /// <summary>
        /// Parses <c>a.b.c</c> into three numbers, or <c>null</c> when it is not exactly three non-empty runs of at
        /// most five decimal digits (no signs, spaces or leading '+').
        /// </summary>
        internal static int[] Split(string version)
        {
            if (version == null)
            {
                return null;
            }

            int[] segments = new int[3];
            int segment = 0;
            int digits = 0;
            for (int i = 0; i < version.Length; i++)
            {
                char c = version[i];
                if (c == '.')
                {
                    if (digits == 0 || segment == 2)
                    {
                        return null;
                    }

                    segment++;
                    digits = 0;
                }
                else if (c >= '0' && c <= '9')
                {
                    if (++digits > 5)
                    {
                        return null;
                    }

                    segments[segment] = segments[segment] * 10 + (c - '0');
                }
                else
                {
                    return null;
                }
            }

            return segment == 2 && digits > 0 ? segments : null;
        }
    }
}
