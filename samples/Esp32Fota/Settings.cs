namespace Esp32Fota
{
    /// <summary>Everything you set before flashing the sample: Wi-Fi, the project key, and where the module lives.</summary>
    internal static class Settings
    {
        /// <summary>Your Wi-Fi network's name.</summary>
        internal const string WifiSsid = "REPLACE-WITH-YOUR-SSID";

        /// <summary>Your Wi-Fi password.</summary>
        internal const string WifiPassword = "REPLACE-WITH-YOUR-PASSWORD";

        /// <summary>The project key from the LuatOS IoT platform (project settings page).</summary>
        internal const string ProjectKey = "REPLACE-WITH-YOUR-PROJECT-KEY";

        /// <summary>
        /// The public key your modules are signed with: the whole text of <c>keys/public.pem</c> written by
        /// <c>fota keygen --out keys</c>, pasted as a verbatim string (<c>@"-----BEGIN PUBLIC KEY-----</c> …
        /// <c>-----END PUBLIC KEY-----"</c>). The device accepts only modules packed with the matching private key
        /// (<c>fota pack</c>). While this is <see cref="PublicKeyPlaceholder"/>, the sample checks for no upgrades.
        /// </summary>
        internal static readonly string FirmwarePublicKey = "REPLACE-WITH-THE-TEXT-OF-keys/public.pem";

        /// <summary>What <see cref="FirmwarePublicKey"/> holds until you replace it.</summary>
        internal const string PublicKeyPlaceholder = "REPLACE-WITH-THE-TEXT-OF-keys/public.pem";

        /// <summary>Where the downloaded application module is stored; the internal littlefs volume is I:\.</summary>
        internal const string ModulePath = @"I:\Esp32Fota.Module.pe";

        /// <summary>The module's assembly name: with the target name it makes the firmware name to type on the platform.</summary>
        internal const string ModuleName = "Esp32Fota.Module";

        /// <summary>The module's type holding <c>public static void Start()</c> and, optionally, <c>public static bool IsIdle()</c>.</summary>
        internal const string ModuleType = "Esp32Fota.Module.App";

        /// <summary>Minutes between two checks; the platform bans devices that ask for the same upgrade more than about 6 times a day.</summary>
        internal const int CheckIntervalMinutes = 240;

        /// <summary>Up to this many minutes are added at random to each wait, so that a fleet does not ask all at once.</summary>
        internal const int JitterMinutes = 20;

        /// <summary>
        /// Minutes before asking again after a failure that may pass (no network, a cut reply, the platform busy); doubled
        /// with each further one in a row, up to <see cref="CheckIntervalMinutes"/>.
        /// </summary>
        internal const int RetryMinutes = 2;

        /// <summary>Where the version of a module that failed to load or start is kept, so that it is not downloaded again.</summary>
        internal const string FailedVersionPath = @"I:\Esp32Fota.failed";
    }
}
