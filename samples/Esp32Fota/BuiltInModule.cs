using System;
using System.Threading;

namespace Esp32Fota
{
    /// <summary>
    /// The module built into the firmware image: it runs when I:\ holds no module or the stored one fails its check,
    /// and keeps the device reachable so the update loop can fetch a good module.
    /// </summary>
    internal static class BuiltInModule
    {
        internal static void Start()
        {
            while (true)
            {
                Console.WriteLine("built-in module: waiting for an application module from the platform");
                Thread.Sleep(60000);
            }
        }

        internal static bool IsIdle()
        {
            return true;
        }
    }
}
