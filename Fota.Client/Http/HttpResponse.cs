namespace Fota.Client
{
    /// <summary>
    /// The parts of a reply head the client acts on, parsed in place from the reader's buffer into numbers and flags;
    /// strings only for what is rare or once per reply (a content coding other than identity, a redirect's
    /// <see cref="Location"/>, a firmware's <see cref="Validator"/>). Other headers are skipped without allocating.
    /// </summary>
    internal class HttpResponse
    {
        internal HttpResponse()
        {
            ContentLength = -1;
            RangeFirst = -1;
            RangeLast = -1;
            RangeLength = -1;
            RetryAfterSeconds = -1;
            RetryAfterDate = -1;
            Date = -1;
        }

        /// <summary>Status code, 100–999.</summary>
        internal int Status { get; set; }

        /// <summary>Content-Length, or -1 when absent.</summary>
        internal long ContentLength { get; set; }

        /// <summary><c>true</c> when the body uses chunked transfer coding.</summary>
        internal bool Chunked { get; set; }

        /// <summary><c>true</c> for the statuses that point elsewhere with Location: 301, 302, 303, 307, 308.</summary>
        internal bool IsRedirect
        {
            get { return IsRedirectStatus(Status); }
        }

        /// <summary>The Location header of a redirect (not of other statuses), or <c>null</c>.</summary>
        internal string Location { get; set; }

        /// <summary>The Content-Encoding when it is not <c>identity</c> (the body is not the bytes as stored), else <c>null</c>.</summary>
        internal string ContentEncoding { get; set; }

        /// <summary><c>true</c> when the head has a Content-Range header, usable or not.</summary>
        internal bool HasContentRange { get; set; }

        /// <summary>First byte of <c>Content-Range: bytes FIRST-LAST/LENGTH</c>, or -1 when absent or unusable.</summary>
        internal long RangeFirst { get; set; }

        /// <summary>Last byte (inclusive) of the Content-Range, or -1 when absent or unusable.</summary>
        internal long RangeLast { get; set; }

        /// <summary>Whole file's length from the Content-Range, or -1 when absent, unusable or <c>*</c>.</summary>
        internal long RangeLength { get; set; }

        /// <summary>
        /// What tells this version of the file from others, for <c>If-Range</c>: the strong <c>ETag</c>, else
        /// <c>Last-Modified</c>, as sent (read for 200 and 206 only); <c>null</c> when there is neither. A weak ETag
        /// (<c>W/"…"</c>) cannot serve (RFC 9110 §13.1.5).
        /// </summary>
        internal string Validator { get; set; }

        /// <summary><c>true</c> when <see cref="Validator"/> is an ETag, <c>false</c> when it is a date.</summary>
        internal bool ValidatorIsETag { get; set; }

        /// <summary><c>Retry-After</c> in seconds when sent as a number, else -1.</summary>
        internal long RetryAfterSeconds { get; set; }

        /// <summary><c>Retry-After</c> as a date (ticks, UTC) when sent as one, else -1.</summary>
        internal long RetryAfterDate { get; set; }

        /// <summary>The reply's <c>Date</c> (ticks, UTC), or -1.</summary>
        internal long Date { get; set; }

        /// <summary>
        /// How long the server asked to wait, in milliseconds, or -1 when it did not say. A date is measured from the
        /// reply's own <c>Date</c> when there is one (the device's clock may be wrong), else from <paramref name="nowTicks"/>.
        /// </summary>
        internal long RetryAfterMilliseconds(long nowTicks)
        {
            if (RetryAfterSeconds >= 0)
            {
                return RetryAfterSeconds * 1000;
            }

            if (RetryAfterDate < 0)
            {
                return -1;
            }

            long wait = RetryAfterDate - (Date >= 0 ? Date : nowTicks);
            return wait > 0 ? wait / System.TimeSpan.TicksPerMillisecond : 0;
        }

        /// <summary><c>true</c> for 301, 302, 303, 307 and 308.</summary>
        internal static bool IsRedirectStatus(int status)
        {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }
    }
}
