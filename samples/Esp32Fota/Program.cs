using System;
using System.Reflection;
using System.Threading;
using Fota.Client;
using nanoFramework.Runtime.Native;

namespace Esp32Fota
{
    /// <summary>
    /// The resident program flashed with the firmware: it starts the application module stored on I:\ when that module
    /// passes its check, the built-in module otherwise, and keeps checking the LuatOS platform for a newer module.
    /// </summary>
    public class Program
    {
        /// <summary>Boots the module and starts the update loop.</summary>
        public static void Main()
        {
            ModuleBoot boot = new ModuleBoot(new ModuleFile(Settings.ModulePath), Settings.ModuleType, "Start");
            boot.Load();
            Console.WriteLine(boot.ToString());

            FotaOptions options = new FotaOptions();
            options.ProjectKey = Settings.ProjectKey;
            options.Region = new ModuleRegion(new FileRegion(Settings.ModulePath));

            IdleCheck idle = BuiltInModule.IsIdle;
            if (boot.Outcome == BootOutcome.Ready)
            {
                // The request's firmware name and version default to the running module's name and assembly version.
                FotaClient.ApplicationAssembly = boot.Module;
                idle = ModuleIdleCheck(boot.Module);
            }
            else
            {
                AskAsBuiltIn(options);
            }

            UpdateLoop loop = new UpdateLoop(options, idle);
            loop.Start();

            // Run returns only when the stored module is not ready, or its Start returned or threw.
            if (!boot.Run(null))
            {
                Console.WriteLine(boot.ToString());
                if (boot.Outcome == BootOutcome.StartFailed)
                {
                    AskAsBuiltIn(options);
                    loop.Idle = BuiltInModule.IsIdle;
                }

                BuiltInModule.Start();
            }

            Thread.Sleep(Timeout.Infinite);
        }

        // No module runs: ask for the module by its firmware name with the lowest version, so that any upload is newer.
        private static void AskAsBuiltIn(FotaOptions options)
        {
            FotaClient.ApplicationAssembly = null;
            options.FirmwareName = DeviceDefaults.FirmwareName(Settings.ModuleName, SystemInfo.TargetName);
            options.Version = "0.0.0";
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
