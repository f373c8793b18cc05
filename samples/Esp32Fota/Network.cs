using System;
using System.Threading;
using nanoFramework.Networking;

namespace Esp32Fota
{
    /// <summary>Joins the Wi-Fi network from <see cref="Settings"/>, waiting for an address and a valid clock (TLS needs it).</summary>
    internal static class Network
    {
        private static bool joined;

        /// <summary>Joins once; later calls return at once while the helper keeps the connection.</summary>
        internal static bool Join()
        {
            if (joined)
            {
                return true;
            }

            CancellationTokenSource timeout = new CancellationTokenSource(60000);
            joined = WifiNetworkHelper.ConnectDhcp(Settings.WifiSsid, Settings.WifiPassword, requiresDateTime: true, token: timeout.Token);
            if (!joined)
            {
                Exception error = WifiNetworkHelper.HelperException;
                Console.WriteLine("wifi: cannot join '" + Settings.WifiSsid + "' (status " + ((int)WifiNetworkHelper.Status).ToString() + ")"
                    + (error == null ? "" : ": " + error.Message));
            }

            return joined;
        }
    }
}
