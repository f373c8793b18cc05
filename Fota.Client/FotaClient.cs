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

        /// <summary><c>true</c> while a request is running.</summary>
        public static bool IsBusy
        {
            get { return running != 0; }
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
            RequestClock clock = new RequestClock(options == null ? null : options.Clock);
            FotaReport report = new FotaReport(FotaResult.InternalError, null);
            IConnection connection = null;
            try
            {
                report.Result = Perform(options, clock, report, ref connection);
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
                if (connection != null)
                {
                    CloseQuietly(connection);
                }

                clock.Read();
                report.ElapsedMilliseconds = clock.ElapsedMilliseconds;
            }

            return report;
        }

        private static FotaResult Perform(FotaOptions options, RequestClock clock, FotaReport report, ref IConnection connection)
        {
            CheckOptions(options);

            // Every blocking call below (connect, send, each read) is bounded by readTimeout: the clock counts no step
            // as longer, so a jump of the system clock costs at most that much of the request's Timeout.
            int readTimeout = options.ReadTimeout < options.Timeout ? options.ReadTimeout : options.Timeout;
            clock.Limit(options.Timeout, readTimeout);

            string imei = options.Imei;
            string firmwareName = options.FirmwareName;
            string version = options.Version;
            if (imei == null || firmwareName == null || version == null)
            {
                ApplyDeviceDefaults(ref imei, ref firmwareName, ref version);
            }

            string url = UrlBuilder.Compose(options.Url, options.DeviceIdParameter, imei, options.ProjectKey, firmwareName, version);
            CheckPackageOptions(options.PublicKey, firmwareName, version);
            report.Url = url;
            HttpTarget target = HttpTarget.Parse(url);
            byte[] body = options.Body;
            byte[] head = HttpRequest.BuildHead(options.Method, target, options.Headers, body == null ? 0 : body.Length);

            IConnector connector = options.Connector;
            if (connector == null)
            {
                CreateDefaultConnector(ref connector);
                if (connector == null)
                {
                    throw new FotaException(FotaResult.InvalidOptions, "no connector for this platform: set FotaOptions.Connector");
                }
            }

            ClearLeftovers(options.Region);

            // The only buffer of the request: reply head lines and every body segment pass through it.
            byte[] buffer = new byte[options.ChunkSize];
            try
            {
                connection = connector.Open(target.Host, target.Port, target.Secure, options, readTimeout);
            }
            catch (FotaException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "cannot connect to " + target.HostHeader + ": " + e.Message);
            }

            clock.ThrowIfExpired();
            Send(connection, head);
            if (body != null && body.Length > 0)
            {
                Send(connection, body);
            }

            HttpReader reader = new HttpReader(connection, buffer, clock);
            HttpResponse response = reader.ReadHead(options.Method == "HEAD");
            report.HttpStatus = response.Status;
            if (response.Status > 299)
            {
                return ReadRefusal(reader, response, report);
            }

            IFotaVerifier[] verifiers = Verifiers(options);
            PackageStage stage = options.PublicKey == null ? null : new PackageStage(options.PublicKey, firmwareName, version);
            report.BytesExpected = FirmwareReply.Check(response, 0, verifiers, stage != null);
            Downloader.Run(reader, buffer, report.BytesExpected, options.Region, stage, verifiers, report);
            return FotaResult.Success;
        }

        // A download killed mid-way (power cut, kill -9) never reached Abort; what it left goes before this request
        // sends anything, whatever the server answers.
        private static void ClearLeftovers(IFotaRegion region)
        {
            try
            {
                region.Abort();
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.StorageFailed, "the region could not discard what an interrupted download left: "
                    + e.Message);
            }
        }

        private static FotaResult ReadRefusal(HttpReader reader, HttpResponse response, FotaReport report)
        {
            if (response.IsRedirect)
            {
                report.Detail = response.Location == null || response.Location.Length == 0
                    ? "redirect without a Location header"
                    : "redirected to " + response.Location;
                return FotaResult.Refused;
            }

            if (response.ContentEncoding != null)
            {
                report.Detail = "reply body compressed (Content-Encoding: " + response.ContentEncoding + "), not shown";
                return FotaResult.Refused;
            }

            // Replies are short JSON; a longer body is cut, which only shortens the excerpt.
            byte[] reply = new byte[1024];
            int count;
            try
            {
                count = reader.ReadInto(reply);
            }
            catch (FotaException)
            {
                // The status already says "no upgrade"; a broken reply body only loses the explanation.
                count = 0;
            }

            PlatformReply decoded = PlatformReply.Decode(reply, count);
            report.PlatformCode = decoded.Code;
            report.PlatformMessage = decoded.Message;
            if (decoded.Text != null)
            {
                report.Detail = "reply: " + decoded.Text;
            }

            return decoded.Code == 27 ? FotaResult.UpToDate : FotaResult.Refused;
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

        private static IFotaVerifier[] Verifiers(FotaOptions options)
        {
            return options.Verifiers == null ? new IFotaVerifier[0] : options.Verifiers;
        }

        private static void Send(IConnection connection, byte[] data)
        {
            try
            {
                connection.Write(data, 0, data.Length);
            }
            catch (FotaException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "sending the request failed: " + e.Message);
            }
        }

        private static void CloseQuietly(IConnection connection)
        {
            try
            {
                connection.Close();
            }
            catch (Exception)
            {
                // Closing is best effort; the report is already decided.
            }
        }

        private static FotaReport BusyReport()
        {
            return new FotaReport(FotaResult.Busy, "another request is still running");
        }

        private static bool TryEnter()
        {
            return Interlocked.CompareExchange(ref running, 1, 0) == 0;
        }

        private static void Exit()
        {
            Interlocked.Exchange(ref running, 0);
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
