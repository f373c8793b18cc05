using System;
using System.Reflection;
using System.Threading;
using Fota.Client;
using nanoFramework.Runtime.Native;

namespace Esp32Fota
{
    /// <summary>
    /// The resident program flashed with the firmware: it starts the application module stored on I:\ when that module
    /// passes its check, the built-in module otherwise, and keeps checking the LuatOS platform for a newer module, which
    /// it accepts only when signed with the key in <see cref="Settings.FirmwarePublicKey"/>. A module that fails to load
    /// or start is remembered, so that the platform is asked only for a newer one.
    /// </summary>
    public class Program
    {
        // The built-in module asks with the lowest version, so that any upload is newer (unless one failed: see Updates).
        private const string BuiltInVersion = "0.0.0";

        /// <summary>Boots the module and starts the periodic checks.</summary>
        public static void Main()
        {
            ModuleBoot boot = new ModuleBoot(new ModuleFile(Settings.ModulePath), Settings.ModuleType, "Start");
            boot.Load();
            Console.WriteLine(boot.ToString());
            FailedModuleMemory failed = new FailedModuleMemory(new VersionFile(Settings.FailedVersionPath));
            Log(failed.Note(boot));

            FotaOptions options = new FotaOptions();
            options.ProjectKey = Settings.ProjectKey;
            options.Region = new ModuleRegion(new FileRegion(Settings.ModulePath));
            options.FirmwareName = DeviceDefaults.FirmwareName(Settings.ModuleName, SystemInfo.TargetName);
            options.PublicKey = FirmwareKey();

            Updates updates = new Updates(options, failed);
            if (boot.Outcome == BootOutcome.Ready)
            {
                updates.Running(ComparableVersion(boot.ModuleVersion), ModuleIdleCheck(boot.Module));
            }
            else
            {
                updates.Running(BuiltInVersion, BuiltInModule.IsIdle);
            }

            if (options.PublicKey != null)
            {
                updates.Start();
            }

            // Run returns only when the stored module is not ready, or its Start returned or threw.
            if (!boot.Run(null))
            {
                Console.WriteLine(boot.ToString());
                Log(failed.Note(boot));
                updates.Running(BuiltInVersion, BuiltInModule.IsIdle);
                BuiltInModule.Start();
            }

            Thread.Sleep(Timeout.Infinite);
        }

        // Only modules signed with the key in Settings are accepted; without a usable key the sample checks for nothing.
        private static RsaPublicKey FirmwareKey()
        {
            if (Settings.FirmwarePublicKey == Settings.PublicKeyPlaceholder)
            {
                Console.WriteLine("fota: upgrades are off: Settings.FirmwarePublicKey is still the placeholder; run 'fota keygen --out keys' "
                    + "and paste the text of keys/public.pem there (README, step 2)");
                return null;
            }

            try
            {
                return RsaPublicKey.FromPem(Settings.FirmwarePublicKey);
            }
            catch (ArgumentException e)
            {
                Console.WriteLine("fota: upgrades are off: Settings.FirmwarePublicKey is not a usable public key: " + e.Message);
                return null;
            }
        }

        // The version the platform compares (a.b.c); a module whose version it cannot compare asks as the built-in one.
        private static string ComparableVersion(Version version)
        {
            try
            {
                return DeviceDefaults.VersionFromAssembly(version);
            }
            catch (FotaException e)
            {
                Console.WriteLine("fota: " + e.Message);
                return BuiltInVersion;
            }
        }

        private static void Log(string line)
        {
            if (line != null)
            {
                Console.WriteLine(line);
            }
        }

        // A module may say when it can be interrupted; one that does not is treated as always idle.
        private static IdleCheck ModuleIdleCheck(Assembly module)
        {
            MethodInfo method = module.GetType(Settings.ModuleType).GetMethod("IsIdle");
            if (method == null || !method.IsStatic || method.GetParameters().Length != 0)
            {
                return BuiltInModule.IsIdle;
            }

            return new ModuleIdle(method).Check;
        }

        private class ModuleIdle
        {
            private readonly MethodInfo method;

            internal ModuleIdle(MethodInfo method)
            {
                this.method = method;
            }

            internal bool Check()
            {
                try
                {
                    return (bool)method.Invoke(null, null);
                }
                catch (Exception)
                {
                    return true;
                }
            }
        }
    }
}
