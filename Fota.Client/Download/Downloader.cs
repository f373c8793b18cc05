using System;

namespace Fota.Client
{
    /// <summary>
    /// Streams a firmware body through the verifiers into the region: every segment goes to each verifier,
    /// then to the region, straight from the reader's buffer. The region is committed only when the body is
    /// complete and every verifier accepts; on any failure it is aborted.
    /// </summary>
    internal static class Downloader
    {
        /// <summary>
        /// Runs the download; <paramref name="report"/> follows the received byte count as it goes, and its detail says
        /// what was checked once the region is committed.
        /// </summary>
        /// <exception cref="FotaException">For every failure, with the region already aborted.</exception>
        internal static void Run(HttpReader body, byte[] buffer, long expected, IFotaRegion region, IFotaVerifier[] verifiers, FotaReport report)
        {
            long capacity = region.Capacity;
            if (capacity >= 0 && expected > capacity)
            {
                throw new FotaException(FotaResult.StorageFailed, "the image of " + expected.ToString()
                    + " bytes does not fit the region (" + capacity.ToString() + " bytes)");
            }

            // Read the first segment before touching the region so an empty body leaves nothing behind.
            int count = body.Next();
            if (count == 0)
            {
                throw new FotaException(FotaResult.EmptyBody, "the server answered " + report.HttpStatus.ToString() + " with an empty body");
            }

            bool committed = false;
            try
            {
                Call(region, RegionStep.Begin, null, 0, 0, expected);
                for (int i = 0; i < verifiers.Length; i++)
                {
                    verifiers[i].Begin(expected);
                }

                while (count > 0)
                {
                    // body.Received already includes this segment.
                    if (capacity >= 0 && body.Received > capacity)
                    {
                        throw new FotaException(FotaResult.StorageFailed, "the body is larger than the region ("
                            + capacity.ToString() + " bytes)");
                    }

                    // Content-Length framing cannot overrun; a chunked body can disagree with its Content-Range.
                    if (expected >= 0 && body.Received > expected)
                    {
                        throw new FotaException(FotaResult.ProtocolError, "the body is longer than the " + expected.ToString()
                            + " bytes announced");
                    }

                    int offset = body.Offset;
                    for (int i = 0; i < verifiers.Length; i++)
                    {
                        verifiers[i].Update(buffer, offset, count);
                    }

                    Call(region, RegionStep.Write, buffer, offset, count, 0);
                    report.BytesReceived = body.Received;
                    count = body.Next();
                }

                if (expected >= 0 && body.Received != expected)
                {
                    throw new FotaException(FotaResult.ProtocolError, "the body ended after " + body.Received.ToString()
                        + " of the " + expected.ToString() + " bytes announced");
                }

                for (int i = 0; i < verifiers.Length; i++)
                {
                    string failure;
                    if (!verifiers[i].Finish(out failure))
                    {
                        throw new FotaException(FotaResult.VerificationFailed, failure == null ? "a verifier rejected the image" : failure);
                    }
                }

                Call(region, RegionStep.Commit, null, 0, 0, 0);
                committed = true;
                report.Detail = Checked(verifiers) + "; image committed";
            }
            finally
            {
                if (!committed)
                {
                    AbortQuietly(region);
                }
            }
        }

        // "length, SHA-256 verified", in the verifiers' order; said plainly when nothing was checked. Observers (no name)
        // check nothing and are not listed.
        private static string Checked(IFotaVerifier[] verifiers)
        {
            string names = "";
            for (int i = 0; i < verifiers.Length; i++)
            {
                string name = verifiers[i].Name;
                if (name != null && name.Length > 0)
                {
                    names += (names.Length > 0 ? ", " : "") + name;
                }
            }

            return names.Length == 0 ? "integrity not checked (no verifier)" : names + " verified";
        }

        private enum RegionStep
        {
            Begin,
            Write,
            Commit,
        }

        // Region failures of any kind are storage failures; the message says which step failed.
        private static void Call(IFotaRegion region, RegionStep step, byte[] buffer, int offset, int count, long expected)
        {
            try
            {
                switch (step)
                {
                    case RegionStep.Begin:
                        region.Begin(expected);
                        break;
                    case RegionStep.Write:
                        region.Write(buffer, offset, count);
                        break;
                    default:
                        region.Commit();
                        break;
                }
            }
            catch (FotaException)
            {
                throw;
            }
            catch (Exception e)
            {
                string name = step == RegionStep.Begin ? "begin" : step == RegionStep.Write ? "write" : "commit";
                throw new FotaException(FotaResult.StorageFailed, "region " + name + " failed: " + e.Message);
            }
        }

        private static void AbortQuietly(IFotaRegion region)
        {
            try
            {
                region.Abort();
            }
            catch (Exception)
            {
                // The original failure is what the report must carry; a failing abort cannot be helped here.
            }
        }
    }
}
