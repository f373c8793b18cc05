using System.Net.NetworkInformation;

namespace Fota.Client
{
    /// <summary>What the device knows about itself, read from nanoFramework's APIs.</summary>
    internal static class DeviceFacts
    {
        /// <summary>
        /// The Wi-Fi station's MAC address; on boards without Wi-Fi, the first interface's. nanoFramework has no
        /// chip-id API, so this is the device's id.
        /// </summary>
        internal static byte[] StationMac()
        {
            NetworkInterface[] interfaces = NetworkInterface.GetAllNetworkInterfaces();
            byte[] fallback = null;
            for (int i = 0; i < interfaces.Length; i++)
            {
                byte[] mac = interfaces[i].PhysicalAddress;
                if (mac == null || mac.Length != DeviceDefaults.MacLength)
                {
                    continue;
                }

                if (interfaces[i].NetworkInterfaceType == NetworkInterfaceType.Wireless80211)
                {
                    return mac;
                }

                if (fallback == null)
                {
                    fallback = mac;
                }
            }

            if (fallback == null)
            {
                throw new FotaException(FotaResult.InvalidOptions, "the device has no network interface with a MAC address; set Imei");
            }

            return fallback;
        }
    }
}
