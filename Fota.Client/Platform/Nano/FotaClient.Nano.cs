using System.Reflection;
using nanoFramework.Runtime.Native;

namespace Fota.Client
{
    // The device's answers to the core's platform hooks, and what only a device can do.
    public static partial class FotaClient
    {
        /// <summary>
        /// The application whose name and version the request sends when <see cref="FotaOptions.FirmwareName"/> or
        /// <see cref="FotaOptions.Version"/> is not set. nanoFramework has no entry-assembly API, so set it once at
        /// start-up: <c>FotaClient.ApplicationAssembly = typeof(Program).Assembly;</c> (or the loaded module's
        /// assembly when a resident loader runs it).
        /// </summary>
        public static Assembly ApplicationAssembly { get; set; }

        /// <summary>
        /// Reboots the device now, through <c>Power.RebootDevice()</c>. The library never calls it: call it from the
        /// report callback or later, when the application is idle, after a successful request.
        /// </summary>
        public static void Reboot()
        {
            Power.RebootDevice();
        }

        static partial void CreateDefaultConnector(ref IConnector connector)
        {
            connector = new SocketConnector();
        }

        static partial void ApplyDeviceDefaults(ref string imei, ref string firmwareName, ref string version)
        {
            if (imei == null)
            {
                imei = DeviceDefaults.ImeiFromMac(DeviceFacts.StationMac());
            }

            if (firmwareName != null && version != null)
            {
                return;
            }

            Assembly application = ApplicationAssembly;
            if (application == null)
            {
                throw new FotaException(FotaResult.InvalidOptions, "FirmwareName and Version default to the application's name and "
                    + "assembly version: set FotaClient.ApplicationAssembly = typeof(Program).Assembly at start-up, or set both options");
            }

            AssemblyName name = application.GetName();
            if (firmwareName == null)
            {
                firmwareName = DeviceDefaults.FirmwareName(name.Name, SystemInfo.TargetName);
            }

            if (version == null)
            {
                version = DeviceDefaults.VersionFromAssembly(name.Version);
            }
        }
    }
}
