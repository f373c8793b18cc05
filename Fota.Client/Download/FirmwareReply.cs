namespace Fota.Client
{
    /// <summary>
    /// Decides from a 2xx reply head, before anything is stored, whether its body is the firmware that was asked for
    /// and how its end will be known.
    /// </summary>
    internal static class FirmwareReply
    {
        /// <summary>Checks the head; returns the body's length, or -1 when only the end of the body tells it.</summary>
        /// <param name="response">The final reply head, status 200–299.</param>
        /// <param name="askedFrom">The first byte asked for: 0 when the whole file was asked for (no Range sent).</param>
        /// <param name="verifiers">The request's verifiers: one of them, or the package stage, must check completeness for a
        /// body that ends at close.</param>
        /// <param name="signedPackage"><c>true</c> when the body must be a signed package, whose stage checks its length.</param>
        /// <exception cref="FotaException">
        /// <see cref="FotaResult.UnexpectedStatus"/> for a 2xx other than 200/206, <see cref="FotaResult.ProtocolError"/>
        /// for a body that is not the asked bytes.
        /// </exception>
        internal static long Check(HttpResponse response, long askedFrom, IFotaVerifier[] verifiers, bool signedPackage)
        {
            if (response.Status != 200 && response.Status != 206)
            {
                throw new FotaException(FotaResult.UnexpectedStatus, "the server answered " + response.Status.ToString()
                    + "; only 200 and 206 carry a firmware");
            }

            if (response.ContentEncoding != null)
            {
                throw new FotaException(FotaResult.ProtocolError, "the server compressed the body (Content-Encoding: "
                    + response.ContentEncoding + "), so it is not the image as stored: serve the firmware without compression"
                    + " (in nginx: no 'gzip_static always', and no gzip_types naming its type); nothing was stored");
            }

            long length = response.Chunked ? -1 : response.ContentLength;
            if (response.Status == 206)
            {
                length = CheckRange(response, askedFrom);
            }

            if (length < 0 && !response.Chunked && !signedPackage && !ChecksCompleteness(verifiers))
            {
                throw new FotaException(FotaResult.ProtocolError, "the server sent the body with neither Content-Length nor chunked"
                    + " framing, so a body cut short would look complete, and no verifier checks completeness: add a"
                    + " LengthVerifier, Crc32Verifier or Sha256Verifier, sign the firmware as a package (PublicKey), or make the server"
                    + " send Content-Length; nothing was stored");
            }

            return length;
        }

        private static bool ChecksCompleteness(IFotaVerifier[] verifiers)
        {
            for (int i = 0; i < verifiers.Length; i++)
            {
                if (verifiers[i].ChecksCompleteness)
                {
                    return true;
                }
            }

            return false;
        }

        // A 206 counts only when it holds exactly the asked bytes: from askedFrom to the end of a file of known length.
        private static long CheckRange(HttpResponse response, long askedFrom)
        {
            if (!response.HasContentRange)
            {
                throw new FotaException(FotaResult.ProtocolError, "the server answered 206 (part of a file) without a Content-Range"
                    + " (several ranges, or a broken server); nothing was stored");
            }

            if (response.RangeFirst < 0)
            {
                throw new FotaException(FotaResult.ProtocolError, "the server answered 206 with an unusable Content-Range"
                    + " (expected 'bytes FIRST-LAST/LENGTH'); nothing was stored");
            }

            if (response.RangeFirst != askedFrom || response.RangeLength < 0 || response.RangeLast != response.RangeLength - 1)
            {
                string asked = askedFrom == 0 ? "the whole file" : "bytes " + askedFrom.ToString() + " to the end";
                throw new FotaException(FotaResult.ProtocolError, "the server sent part of a file (206, " + Range(response)
                    + ") but " + asked + " was asked for; nothing was stored");
            }

            long length = response.RangeLast - response.RangeFirst + 1;
            if (response.ContentLength >= 0 && response.ContentLength != length)
            {
                throw new FotaException(FotaResult.ProtocolError, "Content-Length " + response.ContentLength.ToString()
                    + " disagrees with Content-Range " + Range(response) + "; nothing was stored");
            }

            return length;
        }

        private static string Range(HttpResponse response)
        {
            return "bytes " + response.RangeFirst.ToString() + "-" + response.RangeLast.ToString() + "/"
                + (response.RangeLength < 0 ? "*" : response.RangeLength.ToString());
        }
    }
}
