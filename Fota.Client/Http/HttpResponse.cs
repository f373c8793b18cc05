namespace Fota.Client
{
    /// <summary>
    /// The parts of a reply head the client acts on, parsed in place from the reader's buffer into numbers and flags;
    /// strings only for what is rare (a content coding other than identity). Other headers are skipped without
    /// allocating.
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
    }
}
