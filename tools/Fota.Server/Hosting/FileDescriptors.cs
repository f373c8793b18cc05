using System;
using System.Runtime.InteropServices;

namespace Fota.Server
{
    /// <summary>
    /// The process's open-file limit (<c>ulimit -n</c>, RLIMIT_NOFILE), so the connection limit can be kept below
    /// it: a connection takes a descriptor (two while a firmware file is sent), and running out of them must be a
    /// closed connection, never a failure of SQLite, the log or the runtime.
    /// </summary>
    internal static class FileDescriptors
    {
        /// <summary>Descriptors kept for the runtime, SQLite's connections and the log.</summary>
        public const int Reserve = 128;

        /// <summary>The soft limit, or -1 where it is not known (Windows) or unlimited.</summary>
        public static long Limit()
        {
            int resource = OperatingSystem.IsLinux() ? 7 : OperatingSystem.IsMacOS() || OperatingSystem.IsFreeBSD() ? 8 : -1;
            if (resource < 0)
            {
                return -1;
            }

            try
            {
                if (getrlimit(resource, out RLimit limit) != 0 || limit.Current > int.MaxValue)
                {
                    return -1;
                }

                return (long)limit.Current;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return -1;
            }
        }

        /// <summary>
        /// The connection limit to use: <paramref name="wanted"/>, lowered so that two descriptors per connection
        /// plus <see cref="Reserve"/> fit under the open-file limit.
        /// </summary>
        public static int ConnectionLimit(int wanted, long fileLimit)
        {
            if (fileLimit < 0)
            {
                return wanted;
            }

            long fits = (fileLimit - Reserve) / 2;
            return (int)Math.Max(0, Math.Min(wanted, fits));
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int getrlimit(int resource, out RLimit limit);

        [StructLayout(LayoutKind.Sequential)]
        private struct RLimit
        {
            public ulong Current;
            public ulong Maximum;
        }
    }
}
