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

        /// <summary>Where one line per upgrade request is written, or <c>null</c> for silence.</summary>
        public TextWriter Log { get; set; }
    }
}
