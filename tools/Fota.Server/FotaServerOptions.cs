using System;
using System.IO;

namespace Fota.Server
{
    /// <summary>
    /// Settings of one running upgrade server. A plain settable class; <see cref="FotaServer.Start"/> checks it.
    /// </summary>
    public sealed class FotaServerOptions
    {
        /// <summary>Default address of <c>fota serve</c>: loopback only, so nothing is exposed by accident.</summary>
        public const string DefaultUrl = "http://127.0.0.1:5080";

        /// <summary>Default of <see cref="MaxUpgradesPerDay"/>: the platform bans "about 6" requests a day for one upgrade.</summary>
        public const int DefaultMaxUpgradesPerDay = 6;

        /// <summary>Default of <see cref="MaxConnections"/>.</summary>
        public const int DefaultMaxConnections = 1000;

        /// <summary>Default of <see cref="MaxDevicesPerProject"/>.</summary>
        public const int DefaultMaxDevicesPerProject = 10000;

        /// <summary>Default of <see cref="LogFileMaxBytes"/>: 16 MiB.</summary>
        public const long DefaultLogFileMaxBytes = 16L * 1024 * 1024;

        /// <summary>Default of <see cref="LogFilesKept"/>.</summary>
        public const int DefaultLogFilesKept = 4;

        /// <summary>
        /// Folder holding <c>fota.db</c> and the <c>firmware/</c> folder; created when missing.
        /// Default <c>./fota-data</c>.
        /// </summary>
        public string DataDirectory { get; set; } = Path.Combine(".", "fota-data");

        /// <summary>
        /// Addresses Kestrel listens on, e.g. <c>http://127.0.0.1:0</c> for a free port (tests) or
        /// <c>http://0.0.0.0:5080</c> to serve devices on the network.
        /// </summary>
        public string[] Urls { get; set; } = new[] { DefaultUrl };

        /// <summary>
        /// How many times a day one device may start downloading the same firmware before it is refused with
        /// platform code 40 ("banned for looping"). Continuations (a <c>Range</c> that does not start at byte 0)
        /// are not counted. At least 1.
        /// </summary>
        public int MaxUpgradesPerDay { get; set; } = DefaultMaxUpgradesPerDay;

        /// <summary>Seconds sent in <c>Retry-After</c> with platform code 43 ("please wait"); the platform says 1–3 minutes.</summary>
        public int PleaseWaitSeconds { get; set; } = 120;

        /// <summary>Clock for the daily request count (UTC days). Tests replace it to cross midnight.</summary>
        public TimeProvider Time { get; set; } = TimeProvider.System;

        /// <summary>
        /// Most connections open at once. At the limit, the connection idle longest is closed to make room for a
        /// new one; when all are busy with requests, the new one is closed. Lowered automatically to fit the
        /// open-file limit (<c>ulimit -n</c>): two descriptors per connection plus 128 for the rest.
        /// </summary>
        public int MaxConnections { get; set; } = DefaultMaxConnections;

        /// <summary>
        /// Most devices one project may hold. The first request of a new device beyond it is refused (HTTP 403,
        /// code 91) and nothing is registered, so a leaked key cannot fill the database. <c>fota device move</c>
        /// is not limited.
        /// </summary>
        public int MaxDevicesPerProject { get; set; } = DefaultMaxDevicesPerProject;

        /// <summary>
        /// Seconds a connection may stay open without a request in progress: before its first request
        /// (also the time allowed to send the request head) and between kept-alive requests.
        /// </summary>
        public int IdleSeconds { get; set; } = 10;

        /// <summary>Where one line per request is written (when <see cref="LogFile"/> is not set), or <c>null</c> for silence.</summary>
        public TextWriter Log { get; set; }

        /// <summary>
        /// A file for the log instead of <see cref="Log"/>, rotated by size: at <see cref="LogFileMaxBytes"/> it is
        /// renamed <c>.1</c> (older ones move up, the oldest beyond <see cref="LogFilesKept"/> is deleted).
        /// </summary>
        public string LogFile { get; set; }

        /// <summary>Size at which <see cref="LogFile"/> is rotated.</summary>
        public long LogFileMaxBytes { get; set; } = DefaultLogFileMaxBytes;

        /// <summary>Rotated files kept beside <see cref="LogFile"/>.</summary>
        public int LogFilesKept { get; set; } = DefaultLogFilesKept;
    }
}
