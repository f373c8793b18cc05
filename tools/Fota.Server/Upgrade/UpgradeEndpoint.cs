using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Fota.Server
{
    /// <summary>
    /// <c>GET /api/site/firmware_upgrade</c>: decides with <see cref="UpgradeDecider"/>, then writes either the
    /// refusal's JSON or the firmware file (streamed from disk, with <c>Range</c> support for resumed downloads).
    /// </summary>
    internal sealed class UpgradeEndpoint
    {
        private const int CopyBufferSize = 65536;

        private readonly UpgradeDecider decider;
        private readonly RequestLog log;

        public UpgradeEndpoint(UpgradeDecider decider, RequestLog log)
        {
            this.decider = decider;
            this.log = log;
        }

        public async Task HandleAsync(HttpContext context)
        {
            UpgradeRequest request = UpgradeRequest.Parse(context.Request.QueryString.Value, out Refusal refusal);
            UpgradeDecision decision = refusal != null ? UpgradeDecision.Refuse(refusal) : decider.Decide(request);
            if (decision.Refusal != null)
            {
                await RefuseAsync(context, decision.Refusal);
                return;
            }

            ServedFirmware firmware = decision.Firmware;
            FileStream file;
            try
            {
                file = new FileStream(firmware.FilePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.Asynchronous | FileOptions.SequentialScan);
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                await FailAsync(context, "firmware #" + firmware.Id + " cannot be read: " + e.Message);
                return;
            }

            await using (file)
            {
                if (file.Length != firmware.Length)
                {
                    await FailAsync(context, "firmware #" + firmware.Id + " is " + file.Length + " bytes on disk but " + firmware.Length + " were uploaded");
                    return;
                }

                string etag = "\"" + firmware.Sha256 + "\"";
                ByteRange range = ChooseRange(context.Request, etag, firmware.Length);
                if (range.StartsAtZero)
                {
                    Refusal looping = decider.CountDownload(request.Imei, firmware.Id);
                    if (looping != null)
                    {
                        await RefuseAsync(context, looping);
                        return;
                    }
                }

                HttpResponse response = context.Response;
                response.StatusCode = range.Status;
                response.Headers.AcceptRanges = "bytes";
                response.Headers.ETag = etag;
                response.Headers.CacheControl = "no-store";
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
                long sent = await CopyAsync(file, range, response, context.RequestAborted);
                log.Write(context, range.Status + " " + firmware.Name + " " + firmware.Version + " (#" + firmware.Id + ") "
                    + (range.Status == 206 ? range.ContentRange : firmware.Length + " bytes")
                    + (sent < range.Count ? ", client left after " + sent + " bytes" : ""));
            }
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

        private static async Task<long> CopyAsync(FileStream file, ByteRange range, HttpResponse response, CancellationToken aborted)
        {
            file.Seek(range.Offset, SeekOrigin.Begin);
            byte[] buffer = new byte[(int)Math.Min(CopyBufferSize, Math.Max(1, range.Count))];
            long remaining = range.Count;
            long sent = 0;
            try
            {
                while (remaining > 0)
                {
                    int read = await file.ReadAsync(buffer.AsMemory(0, (int)Math.Min(buffer.Length, remaining)), aborted);
                    if (read == 0)
                    {
                        throw new IOException("the firmware file ended early");
                    }

                    await response.Body.WriteAsync(buffer.AsMemory(0, read), aborted);
                    remaining -= read;
                    sent += read;
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
            await response.Body.WriteAsync(body, context.RequestAborted);
            log.Write(context, refusal.HttpStatus + " code " + refusal.Code + " " + refusal.Detail);
        }

        private async Task FailAsync(HttpContext context, string problem)
        {
            context.Response.StatusCode = 500;
            context.Response.ContentLength = 0;
            log.Write(context, "500 " + problem);
            await Task.CompletedTask;
        }
    }
}
