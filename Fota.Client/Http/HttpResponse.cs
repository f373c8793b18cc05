namespace Fota.Client
{
    /// <summary>The parts of a reply head the client acts on; other headers are skipped without allocating.</summary>
    internal class HttpResponse
    {
        internal HttpResponse()
        {
            ContentLength = -1;
        }

        /// <summary>Status code, 100–999.</summary>
        internal int Status { get; set; }

        /// <summary>Content-Length, or -1 when absent.</summary>
        internal long ContentLength { get; set; }

        /// <summary><c>true</c> when the body uses chunked transfer coding.</summary>
        internal bool Chunked { get; set; }
    }
}
