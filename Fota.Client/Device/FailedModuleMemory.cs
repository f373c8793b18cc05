using System;

namespace Fota.Client
{
    /// <summary>
    /// Remembers across reboots the version of an application module that failed to load or start, so that the device
    /// does not download it again at every check (the platform allows about 6 downloads a day, code 40). The platform
    /// offers the newest firmware newer than the version the device sends, so asking with the failed version
    /// (<see cref="VersionToAsk"/>) makes it offer only something newer. The memory is forgotten once a newer module
    /// starts.
    /// </summary>
    /// <example>
    /// <code>
    /// FailedModuleMemory failed = new FailedModuleMemory(new VersionFile(@"I:\fota.failed"));
    /// boot.Load();
    /// Debug.WriteLine(failed.Note(boot));           // remembers or forgets, and says so
    /// options.Version = failed.VersionToAsk(running);
    /// </code>
    /// </example>
    public class FailedModuleMemory
    {
        private readonly IVersionFile file;
        private readonly object gate = new object();
        private string failed;

        /// <summary>Reads what <paramref name="file"/> remembers; unreadable or malformed contents count as nothing remembered.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="file"/> is <c>null</c>.</exception>
        public FailedModuleMemory(IVersionFile file)
        {
            if (file == null)
            {
                throw new ArgumentNullException("file");
            }

            this.file = file;
            try
            {
                string stored = file.Read();
                failed = stored != null && FotaVersion.Check(stored) == null ? stored : null;
            }
            catch (Exception)
            {
                // A memory that cannot be read costs at most one more download of the failed module.
                failed = null;
            }
        }

        /// <summary>The version (<c>a.b.c</c>) of the module that failed, or <c>null</c> when none is remembered.</summary>
        public string FailedVersion
        {
            get
            {
                lock (gate)
                {
                    return failed;
                }
            }
        }

        /// <summary>
        /// The version to send so that the platform offers nothing the device already saw fail: the newer of
        /// <paramref name="runningVersion"/> and <see cref="FailedVersion"/> in the platform's comparison (first
        /// segment, then third).
        /// </summary>
        /// <param name="runningVersion">What the device runs, <c>a.b.c</c> (<c>0.0.0</c> while the built-in module runs).</param>
        /// <exception cref="ArgumentException">When <paramref name="runningVersion"/> is not a valid version.</exception>
        public string VersionToAsk(string runningVersion)
        {
            string problem = FotaVersion.Check(runningVersion);
            if (problem != null)
            {
                throw new ArgumentException(problem, "runningVersion");
            }

            string remembered = FailedVersion;

            return remembered != null && !FotaVersion.IsNewer(runningVersion, remembered) ? remembered : runningVersion;
        }

        /// <summary>
        /// Updates the memory from what <paramref name="boot"/> found: a module that failed to load or start
        /// (<see cref="BootOutcome.LoadFailed"/>, <see cref="BootOutcome.StartFailed"/>) is remembered unless a newer
        /// one already is; a module newer than the remembered one that is <see cref="BootOutcome.Ready"/> to start
        /// clears the memory. A damaged module (<see cref="BootOutcome.Rejected"/>) is not remembered: downloading it
        /// again may well give an intact one. Call it after <see cref="ModuleBoot.Load"/> and again when
        /// <see cref="ModuleBoot.Run"/> returned <c>false</c>.
        /// </summary>
        /// <returns>One line for a log saying what changed and why, or <c>null</c> when there was nothing to do.</returns>
        /// <exception cref="ArgumentNullException">When <paramref name="boot"/> is <c>null</c>.</exception>
        public string Note(ModuleBoot boot)
        {
            if (boot == null)
            {
                throw new ArgumentNullException("boot");
            }

            BootOutcome outcome = boot.Outcome;
            if (outcome != BootOutcome.Ready && outcome != BootOutcome.LoadFailed && outcome != BootOutcome.StartFailed)
            {
                return null;
            }

            string version;
            try
            {
                version = boot.ModuleVersion == null ? null : DeviceDefaults.VersionFromAssembly(boot.ModuleVersion);
            }
            catch (FotaException e)
            {
                return outcome == BootOutcome.Ready ? null
                    : "failed module: not remembered, its version is not one the platform compares (" + e.Message + "); it may be downloaded again";
            }

            if (outcome == BootOutcome.Ready)
            {
                return version == null ? null : ForgetOlder(version);
            }

            if (version == null)
            {
                return "failed module: not remembered, it names no version; it may be downloaded again";
            }

            return Remember(version);
        }

        private string Remember(string version)
        {
            lock (gate)
            {
                if (failed != null && !FotaVersion.IsNewer(version, failed))
                {
                    return "failed module: " + version + " failed; " + failed + " is remembered already, so neither is downloaded again";
                }

                failed = version;
                try
                {
                    file.Write(version);
                }
                catch (Exception e)
                {
                    return "failed module: " + version + " remembered until the next reboot only: storing it in " + file.Name + " failed: "
                        + e.Message;
                }

                return "failed module: " + version + " remembered; the platform is asked for a newer one";
            }
        }

        private string ForgetOlder(string version)
        {
            lock (gate)
            {
                if (failed == null || !FotaVersion.IsNewer(version, failed))
                {
                    return null;
                }

                string old = failed;
                failed = null;
                try
                {
                    file.Delete();
                }
                catch (Exception e)
                {
                    return "failed module: " + version + " starts, newer than " + old + " that failed; forgotten until the next reboot only: "
                        + "removing " + file.Name + " failed: " + e.Message;
                }

                return "failed module: " + version + " starts, newer than " + old + " that failed; forgotten";
            }
        }
    }
}
