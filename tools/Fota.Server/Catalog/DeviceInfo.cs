using System;

namespace Fota.Server
{
    /// <summary>One known device, as listed by <see cref="FotaCatalog.ListDevices"/>.</summary>
    public sealed class DeviceInfo
    {
        /// <summary>The device id the device sends as <c>imei</c>.</summary>
        public string Imei { get; internal set; }

        /// <summary>The account the device is registered in.</summary>
        public string Account { get; internal set; }

        /// <summary>The project the device is bound to, or <c>null</c> after <see cref="FotaCatalog.UnbindDevice"/>.</summary>
        public string Project { get; internal set; }

        /// <summary>The key of <see cref="Project"/>, or <c>null</c> when unbound.</summary>
        public string ProjectKey { get; internal set; }

        /// <summary>Whether the device is refused every upgrade (platform code 21).</summary>
        public bool Banned { get; internal set; }

        /// <summary>When the device was registered (UTC).</summary>
        public DateTimeOffset FirstSeen { get; internal set; }

        /// <summary>When the device last asked for an upgrade (UTC), or <c>null</c> when it never did.</summary>
        public DateTimeOffset? LastSeen { get; internal set; }

        /// <summary>The version the device sent last, or <c>null</c>.</summary>
        public string LastVersion { get; internal set; }
    }
}
