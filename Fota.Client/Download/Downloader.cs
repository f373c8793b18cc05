namespace Fota.Client
{
    /// <summary>
    /// Reads one firmware body segment by segment, straight from the reader's buffer into the <see cref="Transfer"/>
    /// (which passes it through the package stage and the verifiers into the region), checks its framing against what
    /// the head announced, and has the transfer commit it when it is complete.
    /// </summary>
    internal static class Downloader
    {
        /// <summary>Runs the body of one reply whose head <see cref="Transfer.Accept"/> accepted.</summary>
        /// <param name="body">The reader, positioned after the head.</param>
        /// <param name="buffer">The reader's buffer, where segments are handed out.</param>
        /// <param name="expected">This reply's body length, or -1 when only its end tells.</param>
        /// <param name="transfer">Where the bytes go.</param>
        /// <param name="status">The reply's status, for the report of an empty body.</param>
        /// <exception cref="FotaException">For every failure; the transfer decides what the region keeps.</exception>
        internal static void Run(HttpReader body, byte[] buffer, long expected, Transfer transfer, int status)
        {
            int count = body.Next();
            if (count == 0)
            {
                throw new FotaException(FotaResult.EmptyBody, "the server answered " + status.ToString() + " with an empty body");
            }

            while (count > 0)
            {
                // Content-Length framing cannot overrun; a chunked body can disagree with its Content-Range.
                if (expected >= 0 && body.Received > expected)
                {
                    throw new FotaException(FotaResult.ProtocolError, "the body is longer than the " + expected.ToString()
                        + " bytes announced");
                }

                transfer.Take(buffer, body.Offset, count);
                count = body.Next();
            }

            if (expected >= 0 && body.Received != expected)
            {
                throw new FotaException(FotaResult.ProtocolError, "the body ended after " + body.Received.ToString()
                    + " of the " + expected.ToString() + " bytes announced");
            }

            transfer.Finish();
        }
    }
}
