using System;
using System.Threading;

namespace Esp32Fota.Module
{
    /// <summary>
    /// The application module: the part of the application that is upgraded over the air. The resident loader calls
    /// <see cref="Start"/> after checking the module, and <see cref="IsIdle"/> before rebooting into a newer one.
    /// </summary>
    public static class App
    {
        private static int working;

        /// <summary>The application's main loop; here, a short job once a minute.</summary>
        public static void Start()
        {
            string version = typeof(App).Assembly.GetName().Version.ToString();
            while (true)
            {
                working = 1;
                Console.WriteLine("module " + version + ": working");
                Thread.Sleep(3000);
                working = 0;
                Thread.Sleep(57000);
            }
        }

        /// <summary><c>true</c> between jobs, when a reboot loses nothing.</summary>
        public static bool IsIdle()
        {
            return working == 0;
        }
    }
}
