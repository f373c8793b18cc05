using System;
using System.Threading;

namespace Fota.Client
{
    /// <summary>
    /// Asks the upgrade server whether a firmware is waiting and, if so, streams it through the verifiers into
    /// the region and commits it. One request at a time per process; every request ends in exactly one
    /// <see cref="FotaReport"/>. The library never reboots: the application decides when.
    /// </summary>
    /// <example>
    /// <code>
    /// FotaClient.Request(options, report =&gt; Debug.WriteLine(report.ToString()));
    /// </code>
    /// </example>
    public static partial class FotaClient
    {
        // 0 idle, 1 a request is running; changed only with Interlocked.
        private static int running;

        // The running request's cancel flag (null when none runs); read and written under Gate (nanoFramework's mscorlib
        // has no Interlocked for references).
        private static readonly object Gate = new object();
        private static Cancellation current;

        /// <summary><c>true</c> while a request is running.</summary>
        public static bool IsBusy
        {
            get { return running != 0; }
        }

        /// <summary>
        /// Asks the running request, if any, to stop; safe from any thread. The request ends within one read timeout
        /// (<see cref="FotaOptions.ReadTimeout"/>; at once when it is waiting to try again) with
        /// <see cref="FotaResult.Cancelled"/>, commits nothing, and keeps what a resumable region holds for the next request.
        /// </summary>
        /// <returns><c>true</c> when a request was running; a request started later is not affected.</returns>
        public static bool Cancel()
        {
            Cancellation request = Current();
            if (request == null)
            {
                return false;
            }

            request.Cancel();
            return true;
        }

        /// <summary>
        /// Starts a request on its own thread and returns at once. The callback runs once on that thread with the
        /// report; when another request is still running it runs at once on the caller's thread with
        /// <see cref="FotaResult.Busy"/>. Exceptions thrown by the callback are caught and ignored.
        /// </summary>
        /// <param name="options">What to ask and where to store it.</param>
        /// <param name="callback">Receives the report; may be <c>null</c> to ignore it.</param>
        public static void Request(FotaOptions options, FotaCallback callback)
        {
            if (!TryEnter())
            {
                Deliver(callback, BusyReport());
                return;
            }

            try
            {
                Thread worker = new Thread(() =>
                {
                    FotaReport report = Execute(options);
                    Exit();
                    Deliver(callback, report);
                });
                worker.Start();
            }
            catch (Exception e)
            {
                Exit();
                Deliver(callback, new FotaReport(FotaResult.InternalError, "could not start the request thread: " + e.Message));
            }
        }

        /// <summary>
        /// Runs a request on the calling thread and returns its report; for applications and tests that own their
        /// threads. Never throws; returns <see cref="FotaResult.Busy"/> when another request is running.
        /// </summary>
        public static FotaReport Run(FotaOptions options)
        {
            if (!TryEnter())
            {
                return BusyReport();
            }

            try
            {
                return Execute(options);
            }
            finally
            {
                Exit();
            }
        }

        // Platform hooks, implemented in Platform/<platform>/ files; absent ones compile to nothing.
        static partial void CreateDefaultConnector(ref IConnector connector);

        static partial void ApplyDeviceDefaults(ref string imei, ref string firmwareName, ref string version);

        private static FotaReport Execute(FotaOptions options)
        {
            RequestClock clock = new RequestClock(options == null ? null : options.Clock, options == null ? null : options.Sleep, Current());
            FotaReport report = new FotaReport(FotaResult.InternalError, null);
            try
            {
                report.Result = Perform(options, clock, report);
            }
            catch (FotaException e)
            {
                report.Result = e.Result;
                report.Detail = e.Message;
            }
            catch (Exception e)
            {
                report.Result = FotaResult.InternalError;
                report.Detail = e.GetType().Name + ": " + e.Message;
            }
            finally
            {
                clock.Read();
                report.ElapsedMilliseconds = clock.ElapsedMilliseconds;
            }

            return report;
        }

        // Everything that can be refused before any traffic is checked here; then the attempts run.
        private static FotaResult Perform(FotaOptions options, RequestClock clock, FotaReport report)
        {
            CheckOptions(options);

            // Every blocking call below (connect, send, each read, each slice of a wait) is bounded by readTimeout: the
            // clock counts no step as longer, so a jump of the system clock costs at most that much of the request's Timeout.
            int readTimeout = options.ReadTimeout < options.Timeout ? options.ReadTimeout : options.Timeout;
            clock.Limit(options.Timeout, readTimeout);

            string imei = options.Imei;
            string firmwareName = options.FirmwareName;
            string version = options.Version;
            if (imei == null || firmwareName == null || version == null)
            {
                ApplyDeviceDefaults(ref imei, ref firmwareName, ref version);
            }

            RequestPlan plan = new RequestPlan();
            plan.Url = UrlBuilder.Compose(options.Url, options.DeviceIdParameter, imei, options.ProjectKey, firmwareName, version);
            CheckPackageOptions(options.PublicKey, firmwareName, version);
            report.Url = plan.Url;
            plan.Target = HttpTarget.Parse(plan.Url);
            plan.Method = options.Method;
            plan.Headers = options.Headers;
            plan.Body = options.Body;
            plan.Options = options;
            plan.ReadTimeout = readTimeout;

            // Malformed methods and headers are refused here, before any traffic, as the first attempt would refuse them.
            HttpRequest.BuildHead(plan.Method, plan.Target, plan.Headers, 0, 0, null, false);

            IConnector connector = options.Connector;
            if (connector == null)
            {
                CreateDefaultConnector(ref connector);
                if (connector == null)
                {
                    throw new FotaException(FotaResult.InvalidOptions, "no connector for this platform: set FotaOptions.Connector");
                }
            }

            plan.Connector = connector;
            IFotaVerifier[] verifiers = options.Verifiers == null ? new IFotaVerifier[0] : options.Verifiers;
            PackageStage stage = options.PublicKey == null ? null : new PackageStage(options.PublicKey, firmwareName, version);
            ResumeRecord record = options.ResumeAcrossRequests && options.Region is IResumableRegion && ResumeRecord.CanSave(verifiers)
                ? new ResumeRecord(plan.Url, firmwareName, version, stage, verifiers)
                : null;
            Transfer transfer = new Transfer(options.Region, verifiers, stage, record, report, options.Progress);
            transfer.Open();

            // The only buffer of the request: reply head lines and every body segment pass through it.
            plan.Buffer = new byte[options.ChunkSize];
            return Attempts.Run(plan, transfer, options, clock, report);
        }

        private static void CheckOptions(FotaOptions options)
        {
            if (options == null)
            {
                throw new FotaException(FotaResult.InvalidOptions, "options are null");
            }

            if (options.Region == null)
            {
                throw new FotaException(FotaResult.InvalidOptions, "Region is not set: say where the image is stored");
            }

            if (options.ChunkSize < FotaOptions.MinChunkSize || options.ChunkSize > FotaOptions.MaxChunkSize)
            {
                throw new FotaException(FotaResult.InvalidOptions, "ChunkSize " + options.ChunkSize.ToString() + " is outside "
                    + FotaOptions.MinChunkSize.ToString() + "-" + FotaOptions.MaxChunkSize.ToString());
            }

            if (options.Timeout <= 0 || options.ReadTimeout <= 0)
            {
                throw new FotaException(FotaResult.InvalidOptions, "Timeout and ReadTimeout must be positive milliseconds");
            }

            if (options.MaxAttempts < 1 || options.MaxAttempts > FotaOptions.MaxMaxAttempts)
            {
                throw new FotaException(FotaResult.InvalidOptions, "MaxAttempts " + options.MaxAttempts.ToString() + " is outside 1-"
                    + FotaOptions.MaxMaxAttempts.ToString());
            }

            if (options.RetryDelay < 0 || options.RetryDelay > RetryPolicy.MaxBackOff)
            {
                throw new FotaException(FotaResult.InvalidOptions, "RetryDelay " + options.RetryDelay.ToString() + " is outside 0-"
                    + RetryPolicy.MaxBackOff.ToString() + " milliseconds");
            }

            IFotaVerifier[] verifiers = options.Verifiers;
            for (int i = 0; verifiers != null && i < verifiers.Length; i++)
            {
                if (verifiers[i] == null)
                {
                    throw new FotaException(FotaResult.InvalidOptions, "Verifiers[" + i.ToString() + "] is null");
                }
            }
        }

        // A verbatim (###) URL skips the name and version checks; a signed package still needs both to be checked against.
        private static void CheckPackageOptions(RsaPublicKey key, string firmwareName, string version)
        {
            if (key == null)
            {
                return;
            }

            if (firmwareName == null || firmwareName.Length == 0)
            {
                throw new FotaException(FotaResult.InvalidOptions, "PublicKey is set but FirmwareName is empty: a signed package is"
                    + " accepted only for the requested firmware name");
            }

            string problem = FotaVersion.Check(version);
            if (problem != null)
            {
                throw new FotaException(FotaResult.InvalidVersion, "PublicKey is set, so Version must be the running version (a"
                    + " signed package must be newer): " + problem);
            }
        }

        private static FotaReport BusyReport()
        {
            return new FotaReport(FotaResult.Busy, "another request is still running");
        }

        private static bool TryEnter()
        {
            if (Interlocked.CompareExchange(ref running, 1, 0) != 0)
            {
                return false;
            }

            SetCurrent(new Cancellation());
            return true;
        }

        private static void Exit()
        {
            SetCurrent(null);
            Interlocked.Exchange(ref running, 0);
        }

        private static Cancellation Current()
        {
            lock (Gate)
            {
                return current;
            }
        }

        private static void SetCurrent(Cancellation cancellation)
        {
            lock (Gate)
            {
                current = cancellation;
            }
        }

        private static void Deliver(FotaCallback callback, FotaReport report)
        {
            if (callback == null)
            {
                return;
            }

            try
            {
                callback(report);
            }
            catch (Exception)
            {
                // A throwing callback must not turn into a second report or kill the request thread silently.
            }
        }
    }
}
