using System;

namespace Fota.Server
{
    /// <summary>One project of the catalogue, as listed by <see cref="FotaCatalog.ListProjects"/>.</summary>
    public sealed class ProjectInfo
    {
        /// <summary>The project's name, unique within its account.</summary>
        public string Name { get; internal set; }

        /// <summary>The account the project belongs to.</summary>
        public string Account { get; internal set; }

        /// <summary>The key devices send as <c>project_key</c>: 32 letters and digits, like the platform's.</summary>
        public string Key { get; internal set; }

        /// <summary>When the project was created (UTC).</summary>
        public DateTimeOffset Created { get; internal set; }

        /// <summary>Devices bound to the project.</summary>
        public int DeviceCount { get; internal set; }

        /// <summary>Firmware entries uploaded to the project.</summary>
        public int FirmwareCount { get; internal set; }
    }
}
