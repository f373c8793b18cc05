using System;

namespace Fota.Client
{
    /// <summary>
    /// Streams a firmware body through the package stage (when a public key is set), the verifiers and into the
    /// region, straight from the reader's buffer. The region is begun only once the body is known to be wanted (the
    /// first segment for a plain image, a verified header for a package: a refused header writes nothing at all) and
    /// committed only when the body is complete and every check accepts; once begun, any failure aborts it.
    /// </summary>
    internal static class Downloader
    {
        /// <summary>
        /// Runs the download; <paramref name="report"/> follows the received byte count as it goes, and its detail says
        /// what was checked once the region is committed. <paramref name="stage"/> is the package stage, or <c>null</c>
        /// for a plain image.
        /// </summary>
        /// <exception cref="FotaException">For every failure, with the region already aborted when it was begun.</exception>
        internal static void Run(HttpReader body, byte[] buffer, long expected, IFotaRegion region, PackageStage stage,
            IFotaVerifier[] verifiers, FotaReport report)
        {
            long capacity = region.Capacity;
            if (stage == null)
            {
                CheckRoom(capacity, expected);
            }

            // Read the first segment before touching the region so an empty body leaves nothing behind.
            int count = body.Next();
            if (count == 0)
            {
                throw new FotaException(FotaResult.EmptyBody, "the server answered " + report.HttpStatus.ToString() + " with an empty body");
            }

            bool begun = false;
            bool committed = false;
            long written = 0;
            try
            {
                while (count > 0)
                {
                    // Content-Length framing cannot overrun; a chunked body can disagree with its Content-Range.
                    if (expected >= 0 && body.Received > expected)
                    {
                        throw new FotaException(FotaResult.ProtocolError, "the body is longer than the " + expected.ToString()
                            + " bytes announced");
                    }

                    int offset = body.Offset;
                    if (stage != null)
                    {
                        int payloadOffset;
                        count = stage.Consume(buffer, offset, count, out payloadOffset);
                        offset = payloadOffset;
                    }

                    if (!begun && (stage == null || stage.HeaderVerified))
                    {
                        long length = stage == null ? expected : stage.PayloadLength;
                        if (stage != null)
                        {
                            CheckRoom(capacity, length);
                        }

                        // Set first: a Begin that fails half-way may have left something for Abort to remove.
                        begun = true;
                        Call(region, RegionStep.Begin, null, 0, 0, length);
                        for (int i = 0; i < verifiers.Length; i++)
                        {
                            verifiers[i].Begin(length);
                        }
                    }

                    if (count > 0)
                    {
                        // A chunked or close-delimited body can outgrow the region it was announced to fit.
                        written += count;
                        if (capacity >= 0 && written > capacity)
                        {
                            throw new FotaException(FotaResult.StorageFailed, "the body is larger than the region ("
                                + capacity.ToString() + " bytes)");
                        }

                        Store(buffer, offset, count, region, verifiers);
                    }

                    report.BytesReceived = body.Received;
                    count = body.Next();
                }

                if (expected >= 0 && body.Received != expected)
                {
                    throw new FotaException(FotaResult.ProtocolError, "the body ended after " + body.Received.ToString()
                        + " of the " + expected.ToString() + " bytes announced");
                }

                if (stage != null)
                {
                    stage.Finish();
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
                report.Detail = Checked(stage, verifiers) + "; image committed";
            }
            finally
            {
                if (begun && !committed)
                {
                    AbortQuietly(region);
                }
            }
        }

        // Hands one segment of image bytes to every verifier, then to the region.
        private static void Store(byte[] buffer, int offset, int count, IFotaRegion region, IFotaVerifier[] verifiers)
        {
            for (int i = 0; i < verifiers.Length; i++)
            {
                verifiers[i].Update(buffer, offset, count);
            }

            Call(region, RegionStep.Write, buffer, offset, count, 0);
        }

        // The image's length against the region's, before anything is written: the announced body for a plain image,
        // the signed payload for a package (whose header and signature never reach the region).
        private static void CheckRoom(long capacity, long length)
        {
            if (capacity >= 0 && length > capacity)
            {
                throw new FotaException(FotaResult.StorageFailed, "the image of " + length.ToString()
                    + " bytes does not fit the region (" + capacity.ToString() + " bytes)");
            }
        }

        // What the success report says was checked: the package's signature first, then the verifiers by name (observers,
        // without a name, check nothing and are not listed); what was not checked is said plainly.
        private static string Checked(PackageStage stage, IFotaVerifier[] verifiers)
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

            if (stage != null)
            {
                return "package signature verified (key id " + stage.Key.KeyIdHex + "), with its name, newer version, length and SHA-256"
                    + (names.Length > 0 ? "; " + names + " verified" : "");
            }

            return (names.Length == 0 ? "integrity not checked (no verifier)" : names + " verified")
                + "; authenticity not checked (no public key)";
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
