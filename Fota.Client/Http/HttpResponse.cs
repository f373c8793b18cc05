namespace Fota.Client
{
    /// <summary>
    /// The parts of a reply head the client acts on, parsed in place from the reader's buffer into numbers and flags;
    /// strings only for what is rare (a content coding other than identity, a redirect's <see cref="Location"/>). Other
    /// headers are skipped without allocating.
    /// </summary>
    internal class HttpResponse
    {
        internal HttpResponse()
        {
            ContentLength = -1;
            RangeFirst = -1;
            RangeLast = -1;
            RangeLength = -1;
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

        /// <summary><c>true</c> for 301, 302, 303, 307 and 308.</summary>
        internal static bool IsRedirectStatus(int status)
        {
            return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
        }
    }
}
