using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Fota.Server
{
    /// <summary>
    /// <c>GET /api/site/firmware_upgrade</c>: decides with <see cref="UpgradeDecider"/>, then writes either the
    /// refusal's JSON or the firmware file (streamed from disk, with conditional requests and <c>Range</c> support
    /// for resumed downloads). A download is counted only once the first part of its body has left the server.
    /// </summary>
    internal sealed class UpgradeEndpoint
    {
        /// <summary>Seconds a device is told to wait when the data folder cannot be written or read.</summary>
        public const int StorageRetrySeconds = 60;

        private const int CopyBufferSize = 256 * 1024;

        private const int FlushSize = 512 * 1024;

        private readonly UpgradeDecider decider;
        private readonly RequestLog log;

        public UpgradeEndpoint(UpgradeDecider decider, RequestLog log)
        {
            this.decider = decider;
            this.log = log;
        }

        public async Task HandleAsync(HttpContext context)
        {
            CancellationToken aborted = context.RequestAborted;
            UpgradeRequest request = UpgradeRequest.Parse(context.Request.QueryString.Value, out Refusal refusal);
            UpgradeDecision decision;
            try
            {
                decision = refusal != null ? UpgradeDecision.Refuse(refusal) : await decider.DecideAsync(request, aborted);
            }
            catch (Exception e) when (IsStorageFailure(e))
            {
                await RefuseAsync(context, StorageRefusal(e));
                return;
            }

            if (decision.Refusal != null)
            {
                await RefuseAsync(context, decision.Refusal);
                return;
            }

            ServedFirmware firmware = decision.Firmware;
            FileStream file;
            try
            {
                file = new FileStream(firmware.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                await RefuseAsync(context, StorageRefusal(new StorageException("firmware #" + firmware.Id + " cannot be read: " + e.Message)));
                return;
            }

            await using (file)
            {
                if (file.Length != firmware.Length)
                {
                    await RefuseAsync(context, StorageRefusal(new StorageException("firmware #" + firmware.Id + " is " + file.Length
                        + " bytes on disk but " + firmware.Length + " were uploaded")));
                    return;
                }

                await ServeAsync(context, request, firmware, file);
            }
        }

        /// <summary>The 503 answer for a request that met a storage failure; the log line says what failed.</summary>
        public static Refusal StorageRefusal(Exception e)
        {
            return new Refusal(503, PlatformCodes.StorageUnavailable, DatabaseWriter.Describe(e), StorageRetrySeconds);
        }

        /// <summary>Failures of the data folder (as opposed to bugs or the client leaving).</summary>
        public static bool IsStorageFailure(Exception e)
        {
            return e is StorageException || e is Microsoft.Data.Sqlite.SqliteException || e is IOException || e is UnauthorizedAccessException;
        }

        private async Task ServeAsync(HttpContext context, UpgradeRequest request, ServedFirmware firmware, FileStream file)
        {
            HttpResponse response = context.Response;
            string etag = "\"" + firmware.Sha256 + "\"";
            response.Headers.ETag = etag;
            response.Headers.LastModified = HeaderUtilities.FormatDate(firmware.Created);
            response.Headers.CacheControl = "no-store";

            int precondition = Preconditions.Evaluate(context.Request, etag, firmware.Created);
            if (precondition != 0)
            {
                response.StatusCode = precondition;
                if (precondition == 412)
                {
                    response.ContentLength = 0;
                }

                log.Write(context, precondition + " firmware #" + firmware.Id + (precondition == 304 ? ": not modified" : ": precondition failed")
                    + ", not counted");
                return;
            }

            ByteRange range = ChooseRange(context.Request, etag, firmware.Length);
            bool counted = false;
            if (range.StartsAtZero)
            {
                Refusal looping;
                try
                {
                    looping = await decider.ReserveDownloadAsync(request.Imei, firmware.Id, context.RequestAborted);
                }
                catch (Exception e) when (IsStorageFailure(e))
                {
                    await RefuseAsync(context, StorageRefusal(e));
                    return;
                }

                if (looping != null)
                {
                    response.Headers.Remove(HeaderNames.ETag);
                    response.Headers.Remove(HeaderNames.LastModified);
                    await RefuseAsync(context, looping);
                    return;
                }

                counted = true;
            }

            response.StatusCode = range.Status;
            response.Headers.AcceptRanges = "bytes";
            if (range.ContentRange != null)
            {
                response.Headers.ContentRange = range.ContentRange;
            }

            if (range.Status == 416)
            {
                response.ContentLength = 0;
                log.Write(context, "416 firmware #" + firmware.Id + ": range outside " + firmware.Length + " bytes");
                return;
            }

            response.ContentType = "application/octet-stream";
            response.ContentLength = range.Count;
            long sent = 0;
            try
            {
                sent = await CopyAsync(file, range, response, context.RequestAborted);
            }
            finally
            {
                if (counted && sent == 0)
                {
                    decider.ReleaseDownload(request.Imei, firmware.Id);
                }
            }

            log.Write(context, range.Status + " " + firmware.Name + " " + firmware.Version + " (#" + firmware.Id + ") "
                + (range.Status == 206 ? range.ContentRange : firmware.Length + " bytes")
                + (sent < range.Count ? ", client left after " + sent + " bytes" + (counted && sent == 0 ? ", not counted" : "") : ""));
        }

        /// <summary>Honours <c>Range</c> only when an <c>If-Range</c>, if any, names this very file.</summary>
        private static ByteRange ChooseRange(HttpRequest request, string etag, long length)
        {
            var ranges = request.Headers.Range;
            if (ranges.Count != 1)
            {
                return ByteRange.Whole(length);
            }

            var ifRange = request.Headers.IfRange;
            if (ifRange.Count > 0 && (ifRange.Count != 1 || ifRange[0] != etag))
            {
                return ByteRange.Whole(length);
            }

            return ByteRange.Resolve(ranges[0], length);
        }

        /// <summary>
        /// Sends the range; returns the bytes handed to the connection. The file is read straight into Kestrel's
        /// output buffers (no copy in between), flushed after the first block and then every 512 KiB, so a client
        /// that is already gone shows up as 0 bytes sent (and the download is not counted). Reads come from the
        /// page cache for any firmware sent recently, so they are done in place rather than handed to another thread.
        /// </summary>
        private static async Task<long> CopyAsync(FileStream file, ByteRange range, HttpResponse response, CancellationToken aborted)
        {
            System.IO.Pipelines.PipeWriter body = response.BodyWriter;
            long offset = range.Offset;
            long remaining = range.Count;
            long sent = 0;
            long unflushed = 0;
            try
            {
                await response.StartAsync(aborted);
                while (remaining > 0)
                {
                    Memory<byte> block = body.GetMemory(CopyBufferSize);
                    int wanted = (int)Math.Min(block.Length, remaining);
                    int read = RandomAccess.Read(file.SafeFileHandle, block.Span.Slice(0, wanted), offset);
                    if (read == 0)
                    {
                        throw new IOException("the firmware file ended early");
                    }

                    body.Advance(read);
                    offset += read;
                    remaining -= read;
                    unflushed += read;
                    if (sent == 0 || unflushed >= FlushSize || remaining == 0)
                    {
                        // The first block alone, so "nothing was sent" is known before the rest is read.
                        System.IO.Pipelines.FlushResult flushed = await body.FlushAsync(aborted);
                        if (flushed.IsCanceled || flushed.IsCompleted)
                        {
                            break;
                        }

                        sent += unflushed;
                        unflushed = 0;
                    }
                }
            }
            catch (OperationCanceledException) when (aborted.IsCancellationRequested)
            {
                // The device went away; it may come back with Range to continue.
            }
            catch (IOException) when (aborted.IsCancellationRequested)
            {
            }

            return sent;
        }

        private async Task RefuseAsync(HttpContext context, Refusal refusal)
        {
            HttpResponse response = context.Response;
            response.StatusCode = refusal.HttpStatus;
            response.ContentType = "application/json; charset=utf-8";
            response.Headers.CacheControl = "no-store";
            if (refusal.RetryAfterSeconds >= 0)
            {
                response.Headers.RetryAfter = refusal.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            }

            byte[] body = System.Text.Encoding.ASCII.GetBytes(refusal.ToJson());
            response.ContentLength = body.Length;
            log.Write(context, refusal.HttpStatus + " code " + refusal.Code + " " + refusal.Detail);
            await response.Body.WriteAsync(body, context.RequestAborted);
        }
    }
}
