// Package nanoFramework.System.Device.Wifi 1.5.149 (assembly System.Device.Wifi 1.5.149.0).
// Assembly version: referenced as System.Device.Wifi, Version=1.5.149.0 by nanoframework/Samples@121ef04
// (samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine/AzureEdgeOTAEngine.nfproj); version.json "precision": "build".
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that the ESP32 sample uses, with
// the real namespaces, names and signatures, so that they are type-checked against nanoFramework mscorlib
// 1.17.11. Every body throws; on the device the real System.Device.Wifi.pe runs.
// Checked against nanoframework/System.Device.Wifi at tag v1.5.147 (282a906, the newest source stored; the builds up
// to 1.5.149 changed dependencies): System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs
// (namespace nanoFramework.Networking; ConnectDhcp(string, string, WifiReconnectionKind, bool, int,
// CancellationToken) returns bool; Status; HelperException), System.Device.Wifi/WifiReconnectionKind.cs,
// System.Device.Wifi/System.Device.Wifi.nfproj (AssemblyName System.Device.Wifi).
using System;
using System.Reflection;
using System.Threading;

[assembly: AssemblyVersion("1.5.149.0")]

namespace System.Device.Wifi
{
    public enum WifiReconnectionKind
    {
        Automatic,
        Manual,
    }
}

namespace nanoFramework.Networking
{
    using System.Device.Wifi;

    public static class WifiNetworkHelper
    {
        public static NetworkHelperStatus Status { get { throw new NotImplementedException(); } }

        public static Exception HelperException { get { throw new NotImplementedException(); } }

        public static bool ConnectDhcp(
            string ssid,
            string password,
            WifiReconnectionKind reconnectionKind = WifiReconnectionKind.Automatic,
            bool requiresDateTime = false,
            int wifiAdapterId = 0,
            CancellationToken token = default(CancellationToken))
        {
            throw new NotImplementedException();
        }
    }
}
