namespace Fota.Server
{
    /// <summary>
    /// The refusal codes this server sends, numbered as in the main table of protocol.md §2 — the numbering of
    /// the platform's code, its FAQ and real device logs — not the older wiki's shifted 25–27. The <c>msg</c>
    /// texts are Chinese like the platform's; 27's is the platform's own, the others are this server's wording.
    /// </summary>
    internal static class PlatformCodes
    {
        /// <summary>The <c>imei</c> parameter is missing (e.g. sent as <c>IMEI</c>), empty or malformed.</summary>
        public const int InvalidDevice = 3;

        /// <summary>The device is registered in another account and bound to no project there.</summary>
        public const int NoPermission = 17;

        /// <summary>The device is banned.</summary>
        public const int UpgradeNotAllowed = 21;

        /// <summary>Unknown, missing or malformed project key, or a key of a project other than the device's.</summary>
        public const int InvalidProject = 25;

        /// <summary><c>firmware_name</c> is not a firmware of the project, or missing or malformed.</summary>
        public const int InvalidFirmware = 26;

        /// <summary>No firmware of that name is newer than the device's version (middle segment ignored).</summary>
        public const int AlreadyLatest = 27;

        /// <summary>The device started the same download too often today.</summary>
        public const int BannedForLooping = 40;

        /// <summary>The firmware the device would get is still being prepared.</summary>
        public const int PleaseWait = 43;

        /// <summary>
        /// <c>version</c> is missing or malformed, so the server cannot tell the device's base (core) version.
        /// </summary>
        public const int BaseVersionMissing = 44;

        /// <summary>
        /// This server's own code, not the platform's: the data folder cannot be written or read just now (full disk,
        /// read-only folder, fota.db deleted), sent with HTTP 503 and <c>Retry-After</c>.
        /// </summary>
        public const int StorageUnavailable = 90;

        /// <summary>
        /// This server's own code, not the platform's: the project already has as many devices as
        /// <see cref="FotaServerOptions.MaxDevicesPerProject"/> allows, so a new device is not registered (HTTP 403).
        /// </summary>
        public const int DeviceLimitReached = 91;

        /// <summary>The Chinese <c>msg</c> of a code.</summary>
        public static string Message(int code)
        {
            switch (code)
            {
                case InvalidDevice: return "无效的设备";
                case NoPermission: return "没有权限";
                case UpgradeNotAllowed: return "不允许升级";
                case InvalidProject: return "无效的项目";
                case InvalidFirmware: return "无效的固件";
                case AlreadyLatest: return "已是最新版本";
                case BannedForLooping: return "循环升级，已被禁止";
                case PleaseWait: return "请稍候再试";
                case BaseVersionMissing: return "缺少基础版本";
                case StorageUnavailable: return "服务器存储暂不可用，请稍后再试";
                case DeviceLimitReached: return "项目设备数量已达上限";
                default: return "未知错误";
            }
        }

        /// <summary>The English meaning of a code, the start of the reply's <c>detail</c>.</summary>
        public static string Meaning(int code)
        {
            switch (code)
            {
                case InvalidDevice: return "invalid device";
                case NoPermission: return "no permission";
                case UpgradeNotAllowed: return "upgrade not allowed";
                case InvalidProject: return "invalid project";
                case InvalidFirmware: return "invalid firmware";
                case AlreadyLatest: return "already the latest version";
                case BannedForLooping: return "banned for looping";
                case PleaseWait: return "please wait";
                case BaseVersionMissing: return "base version missing";
                case StorageUnavailable: return "server storage unavailable";
                case DeviceLimitReached: return "device limit of the project reached";
                default: return "unknown error";
            }
        }
    }
}
