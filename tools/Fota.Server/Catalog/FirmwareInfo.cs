using System;

namespace Fota.Server
{
    /// <summary>One uploaded firmware entry, as listed by <see cref="FotaCatalog.ListFirmware"/>.</summary>
    public sealed class FirmwareInfo
    {
        /// <summary>The entry's number, used by <see cref="FotaCatalog.MarkFirmwareReady"/>.</summary>
        public long Id { get; internal set; }

        /// <summary>The account of the project.</summary>
        public string Account { get; internal set; }

        /// <summary>The project the firmware belongs to.</summary>
        public string Project { get; internal set; }

        /// <summary>The firmware name devices send as <c>firmware_name</c>.</summary>
        public string Name { get; internal set; }

        /// <summary>The version devices compare against (<c>a.b.c</c>, middle segment ignored).</summary>
        public string Version { get; internal set; }

        /// <summary>Size of the file in bytes.</summary>
        public long Length { get; internal set; }

        /// <summary>SHA-256 of the file, lower-case hex.</summary>
        public string Sha256 { get; internal set; }

        /// <summary>
        /// <c>true</c> while the entry is "being prepared": devices that would get it are told to wait
        /// (platform code 43) until <see cref="FotaCatalog.MarkFirmwareReady"/>.
        /// </summary>
        public bool Pending { get; internal set; }

        /// <summary>When the entry was added (UTC).</summary>
        public DateTimeOffset Created { get; internal set; }
    }
}
