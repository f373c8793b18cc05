using System;
using System.Threading;
using Fota.Client;

namespace Esp32Fota
{
    /// <summary>
    /// The sample's side of <see cref="FotaScheduler"/>: before each check it joins Wi-Fi and asks with the version the
    /// platform must beat (the running module's, or the one that failed to start if that is newer); after a check it
    /// logs the report and, when a new module was stored, reboots as soon as the running module is idle.
    /// </summary>
    internal class Updates
    {
        private readonly FotaScheduler scheduler;
        private readonly FailedModuleMemory failed;
        private readonly object gate = new object();
        private string running;
        private IdleCheck idle;

        internal Updates(FotaOptions options, FailedModuleMemory failed)
        {
            this.failed = failed;
            scheduler = new FotaScheduler(options);
            scheduler.Interval = Settings.CheckIntervalMinutes * 60000;
            scheduler.Jitter = Settings.JitterMinutes * 60000;
            scheduler.RetryDelay = Settings.RetryMinutes * 60000;
            scheduler.Preparing = Prepare;
            scheduler.Reported = Report;
        }

        /// <summary>Says what runs now: its version (<c>0.0.0</c> for the built-in module) and when it can be interrupted.</summary>
        internal void Running(string version, IdleCheck idleCheck)
        {
            lock (gate)
            {
                running = version;
                idle = idleCheck;
            }
        }

        /// <summary>Starts checking: at once, then every <see cref="Settings.CheckIntervalMinutes"/> plus jitter.</summary>
        internal void Start()
        {
            scheduler.Start();
        }

        private bool Prepare(FotaOptions options)
        {
            string version;
            lock (gate)
            {
                version = running;
            }

            // The platform offers only firmware newer than what is asked with: never the module that already failed.
            options.Version = failed.VersionToAsk(version);
            return Network.Join();
        }

        private void Report(FotaReport report)
        {
            Console.WriteLine("fota: " + report.ToString());
            if (report.Url != null)
            {
                Console.WriteLine("fota: asked " + report.Url);
            }

            if (report.Succeeded)
            {
                RebootWhenIdle();
            }

            Console.WriteLine("fota: next check in " + (scheduler.NextCheckMilliseconds / 60000).ToString() + " minutes");
        }

        private void RebootWhenIdle()
        {
            while (true)
            {
                IdleCheck check;
                lock (gate)
                {
                    check = idle;
                }

                if (check())
                {
                    break;
                }

                Thread.Sleep(5000);
            }

            Console.WriteLine("fota: new module stored; rebooting to apply it");
            FotaClient.Reboot();
        }
    }
}
