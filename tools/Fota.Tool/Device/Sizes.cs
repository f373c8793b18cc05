using System.Globalization;

namespace Fota.Tool
{
    /// <summary>Byte counts as people read them (binary units, one decimal).</summary>
    public static class Sizes
    {
        /// <summary>E.g. <c>512 B</c>, <c>4.9 KiB</c>, <c>256.0 MiB</c>.</summary>
        public static string Format(long bytes)
        {
            if (bytes < 1024)
            {
                return bytes.ToString(CultureInfo.InvariantCulture) + " B";
            }

            if (bytes < 1024 * 1024)
            {
                return (bytes / 1024.0).ToString("0.0", CultureInfo.InvariantCulture) + " KiB";
            }

            return bytes < 1024L * 1024 * 1024
                ? (bytes / (1024.0 * 1024.0)).ToString("0.0", CultureInfo.InvariantCulture) + " MiB"
                : (bytes / (1024.0 * 1024.0 * 1024.0)).ToString("0.00", CultureInfo.InvariantCulture) + " GiB";
        }
    }
}
