namespace Fota.Client
{
    /// <summary>
    /// A reply above 299 that is no redirect: no upgrade. Reads the platform's JSON (code and message) into the report,
    /// and how long the server asked the device to wait.
    /// </summary>
    internal static class RefusalReply
    {
        /// <summary>Fills the report from the refusal; returns <see cref="FotaResult.UpToDate"/> for code 27, else <see cref="FotaResult.Refused"/>.</summary>
        internal static FotaResult Read(HttpReader reader, HttpResponse response, FotaReport report, long nowTicks)
        {
            FotaResult result = FotaResult.Refused;
            if (response.ContentEncoding != null)
            {
                report.Detail = "reply body compressed (Content-Encoding: " + response.ContentEncoding + "), not shown";
            }
            else
            {
                result = ReadBody(reader, report);
            }

            report.RetryAfterMilliseconds = RetryAfter(report.PlatformCode, response, nowTicks);
            return result;
        }

        private static FotaResult ReadBody(HttpReader reader, FotaReport report)
        {
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

        // The wait the report passes on (codes 40 and 43, HTTP 429 and 503): the server's Retry-After; for 40 and 429
        // without one, until the next UTC midnight, when the platform's daily count starts again.
        private static long RetryAfter(int code, HttpResponse response, long nowTicks)
        {
            int status = response.Status;
            if (code != 40 && code != 43 && status != 429 && status != 503)
            {
                return -1;
            }

            long wait = response.RetryAfterMilliseconds(nowTicks);
            if (wait < 0 && (code == 40 || status == 429))
            {
                long day = System.TimeSpan.TicksPerDay;
                wait = ((nowTicks / day + 1) * day - nowTicks) / System.TimeSpan.TicksPerMillisecond;
            }

            return wait;
        }
    }
}
