using System;

namespace Fota.Client
{
    /// <summary>
    /// Turns what a device knows about itself into the request's parameters: the Wi-Fi MAC into the device id, the
    /// application's assembly version into the version the platform compares, the target board into the firmware
    /// name. Pure formatting and checking, the same on every platform; reading the facts is platform code.
    /// </summary>
    public static class DeviceDefaults
    {
        /// <summary>Length of a MAC address in bytes.</summary>
        public const int MacLength = 6;

        /// <summary>What the firmware name puts between the application name and the target name.</summary>
        public const string FirmwareNameInfix = "_nanoFramework_";

        private const string HexDigits = "0123456789ABCDEF";

        /// <summary>
        /// The device id from a MAC address: 12 upper-case hexadecimal digits without separators, the form the
        /// platform documents for Wi-Fi devices (e.g. <c>C81234567830</c>).
        /// </summary>
        /// <param name="mac">The 6 bytes of the MAC address, first byte first.</param>
        /// <exception cref="FotaException">
        /// <see cref="FotaResult.InvalidOptions"/> when <paramref name="mac"/> is missing, not 6 bytes long, or all
        /// zeros or all ones (an interface that is not up reports those, and every such device would share one id).
        /// </exception>
        public static string ImeiFromMac(byte[] mac)
        {
            if (mac == null || mac.Length != MacLength)
            {
                throw new FotaException(FotaResult.InvalidOptions, "the MAC address must be 6 bytes, got "
                    + (mac == null ? "none" : mac.Length.ToString()) + "; set Imei");
            }

            int or = 0;
            int and = 0xFF;
            char[] digits = new char[MacLength * 2];
            for (int i = 0; i < MacLength; i++)
            {
                or |= mac[i];
                and &= mac[i];
                digits[2 * i] = HexDigits[mac[i] >> 4];
                digits[2 * i + 1] = HexDigits[mac[i] & 0x0F];
            }

            if (or == 0 || and == 0xFF)
            {
                throw new FotaException(FotaResult.InvalidOptions, "the MAC address is " + new string(digits)
                    + ", which is not a device's own address (is the network interface up?); set Imei");
            }

            return new string(digits);
        }

        /// <summary>
        /// The version the platform compares, from an application assembly version: its first three segments,
        /// <c>major.minor.build</c>. An assembly version of 1.2.3.0 gives <c>1.2.3</c>.
        /// </summary>
        /// <exception cref="FotaException">
        /// <see cref="FotaResult.InvalidVersion"/> when <paramref name="version"/> is missing or a segment is above
        /// 999, with the assembly version in the message and how to fix it.
        /// </exception>
        public static string VersionFromAssembly(Version version)
        {
            if (version == null)
            {
                throw new FotaException(FotaResult.InvalidVersion, "the application has no assembly version; set Version");
            }

            // An assembly version written as "1.2" leaves Build undefined (-1); the platform needs three numbers.
            int build = version.Build < 0 ? 0 : version.Build;
            string text = version.Major.ToString() + "." + version.Minor.ToString() + "." + build.ToString();
            string problem = FotaVersion.CheckApplication(text);
            if (problem != null)
            {
                throw new FotaException(FotaResult.InvalidVersion, problem + " (from assembly version " + version.ToString()
                    + "): use [assembly: AssemblyVersion(\"x.y.z.0\")] with x, y and z at most 999, or set Version");
            }

            return text;
        }

        /// <summary>
        /// The default firmware name: <c>&lt;application&gt;_nanoFramework_&lt;target&gt;</c>, e.g.
        /// <c>Esp32Fota.Module_nanoFramework_ESP32_REV0</c>. Type the same name when uploading the upgrade.
        /// </summary>
        /// <param name="applicationName">The application's assembly name.</param>
        /// <param name="targetName">The firmware's target name (nanoFramework's <c>SystemInfo.TargetName</c>).</param>
        /// <exception cref="FotaException"><see cref="FotaResult.InvalidOptions"/> when either name is empty.</exception>
        public static string FirmwareName(string applicationName, string targetName)
        {
            if (applicationName == null || applicationName.Length == 0)
            {
                throw new FotaException(FotaResult.InvalidOptions, "the application name is empty; set FirmwareName");
            }

            if (targetName == null || targetName.Length == 0)
            {
                throw new FotaException(FotaResult.InvalidOptions, "the firmware reports no target name; set FirmwareName");
            }

            return applicationName + FirmwareNameInfix + targetName;
        }
    }
}
