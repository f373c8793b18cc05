using System;
using System.Threading;
using Fota.Client;

namespace Esp32Fota
{
    /// <summary>
    /// Checks for an upgrade at start-up and then every <see cref="Settings.CheckIntervalMinutes"/> minutes plus a
    /// random jitter, on one thread, so two requests never overlap; after a successful download it waits until the
    /// module is idle and reboots to apply it.
    /// </summary>
    internal class UpdateLoop
    {
        private readonly FotaOptions options;
        private readonly Random random = new Random();

        internal UpdateLoop(FotaOptions options, IdleCheck idle)
        {
            this.options = options;
            Idle = idle;
        }

        /// <summary>Says when the running module can be interrupted by the reboot that applies an upgrade.</summary>
        internal IdleCheck Idle { get; set; }

        internal void Start()
        {
            new Thread(Run).Start();
        }

        private void Run()
        {
            while (true)
            {
                if (Network.Join())
                {
                    // FotaClient.Run reports on this thread: the next check cannot start before this one ended.
                    FotaReport report = FotaClient.Run(options);
                    Console.WriteLine("fota: " + report.ToString());
                    if (report.Url != null)
                    {
                        Console.WriteLine("fota: asked " + report.Url);
                    }

                    if (report.Succeeded)
                    {
                        RebootWhenIdle();
                    }
                }

                int minutes = Settings.CheckIntervalMinutes + random.Next(Settings.JitterMinutes + 1);
                Console.WriteLine("fota: next check in " + minutes.ToString() + " minutes");
                Thread.Sleep(minutes * 60000);
            }
        }

        private void RebootWhenIdle()
        {
            while (!Idle())
            {
                Thread.Sleep(5000);
            }

            Console.WriteLine("fota: new module stored; rebooting to apply it");
            FotaClient.Reboot();
        }
    }
}
