using System;

namespace Fota.Client
{
    /// <summary>
    /// Everything of one download that lives across the attempts of a request: the region, the verifiers and the
    /// package stage, how far the body got, and which file it is (length and validator). Attempts come and go; this only
    /// moves forward: a resumed body continues the same digests, and only a new file (a 200, a changed validator) begins
    /// them again. With a resumable region it also keeps the checkpoints that let a later request continue.
    /// </summary>
    /// <remarks>
    /// Positions are counted in bytes of the body as the server stores the file (<see cref="Position"/>); the region's
    /// image starts after a package's header and signature (<c>payloadStart</c>). Every body byte goes through the stage
    /// and the verifiers exactly once; only after a region resumed behind its checkpoint (a flash slot rewinds to an erase
    /// block) does it receive some bytes again, and those skip the verifiers, which already saw them.
    /// </remarks>
    internal class Transfer
    {
        /// <summary>Image bytes between two checkpoints: a bounded cadence for flash, not one per chunk.</summary>
        internal const int CheckpointInterval = 65536;

        private readonly IFotaRegion region;
        private readonly IResumableRegion resumable;
        private readonly IFotaVerifier[] verifiers;
        private readonly PackageStage stage;
        private readonly ResumeRecord record;
        private readonly FotaReport report;
        private readonly ProgressGate progress;

        private bool begun;
        private long position;
        private long verified;
        private long written;
        private long checkpointed;
        private long total = -1;
        private string validator;
        private bool validatorIsETag;
        private byte[] validatorBytes;
        private bool rangesBroken;
        private bool haveCheckpoint;

        /// <summary>A download into <paramref name="region"/>; <paramref name="record"/> is <c>null</c> when it cannot continue in a later request.</summary>
        internal Transfer(IFotaRegion region, IFotaVerifier[] verifiers, PackageStage stage, ResumeRecord record, FotaReport report,
            FotaProgress progress)
        {
            this.region = region;
            this.verifiers = verifiers;
            this.stage = stage;
            this.record = record;
            this.report = report;
            this.progress = new ProgressGate(progress);
            resumable = record == null ? null : region as IResumableRegion;
        }

        /// <summary>Bytes of the body held so far (the next byte to ask for).</summary>
        internal long Position
        {
            get { return position; }
        }

        /// <summary>The file's length from the first answer, or -1.</summary>
        internal long Total
        {
            get { return total; }
        }

        /// <summary>Where the next request should start: <see cref="Position"/> when the server's file can be continued, else 0.</summary>
        internal long RangeFrom
        {
            get { return begun && position > 0 && total > 0 && validator != null && !rangesBroken ? position : 0; }
        }

        /// <summary>The validator for <c>If-Range</c>.</summary>
        internal string Validator
        {
            get { return validator; }
        }

        /// <summary>How many times a body continued where an earlier one stopped (a 206 that was used).</summary>
        internal int Resumes { get; private set; }

        /// <summary>Where an earlier request's checkpoint let this one continue, or -1.</summary>
        internal long ContinuedFrom { get; private set; } = -1;

        /// <summary>
        /// At the start of the request: continues an interrupted download from its checkpoint when the record belongs to
        /// this request and the region still holds its bytes; otherwise discards whatever an interrupted download left.
        /// </summary>
        internal void Open()
        {
            if (resumable != null && Restore())
            {
                return;
            }

            try
            {
                region.Abort();
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.StorageFailed, "the region could not discard what an interrupted download left: "
                    + e.Message);
            }
        }

        /// <summary>
        /// Decides from a 2xx reply head whether its body continues this download, starts it, or starts it over; returns the
        /// length of this reply's body (-1 when only its end tells).
        /// </summary>
        /// <param name="response">The reply head.</param>
        /// <param name="askedFrom">The <c>Range</c> start that was sent, 0 for none.</param>
        /// <exception cref="FotaException">
        /// A <see cref="RestartException"/> when a reply to a <c>Range</c> request is not the rest of the same file; the
        /// other results of <see cref="FirmwareReply.Check"/> otherwise.
        /// </exception>
        internal long Accept(HttpResponse response, long askedFrom)
        {
            if (askedFrom > 0 && response.Status == 206)
            {
                if (!response.HasContentRange || response.RangeFirst != askedFrom || response.RangeLength != total)
                {
                    throw Restart("the server answered the request for bytes " + askedFrom.ToString() + " on with a Content-Range that"
                        + " does not continue the " + total.ToString() + "-byte file");
                }

                if (response.Validator != validator || response.ValidatorIsETag != validatorIsETag)
                {
                    throw Restart("the server's file changed (" + (validatorIsETag ? "ETag" : "Last-Modified") + " " + validator
                        + ", now " + (response.Validator == null ? "none" : response.Validator) + ")");
                }

                long length = FirmwareReply.Check(response, askedFrom, verifiers, stage != null);
                Resumes++;
                Report();
                return length;
            }

            // A 200 is the whole file from its first byte, even in answer to a Range: the server's current file.
            long whole = FirmwareReply.Check(response, 0, verifiers, stage != null);
            if (begun)
            {
                StartOver();
            }

            total = whole;
            validator = response.Validator;
            validatorIsETag = response.ValidatorIsETag;
            validatorBytes = validator == null ? null : Utf8.GetBytes(validator);
            if (stage == null)
            {
                CheckRoom(whole);
            }

            Report();
            return whole;
        }

        /// <summary>Forgets the server's ranges for this request: a later attempt asks for the whole file.</summary>
        /// <returns>The exception that makes the request try again at once, from byte 0.</returns>
        internal FotaException Restart(string why)
        {
            rangesBroken = true;
            return new RestartException(why + "; starting over from byte 0");
        }

        /// <summary>Takes one segment of the body, in place.</summary>
        internal void Take(byte[] buffer, int offset, int count)
        {
            if (position < verified)
            {
                // Bytes the verifiers saw before the region rewound: the region only.
                int again = verified - position < count ? (int)(verified - position) : count;
                Write(buffer, offset, again);
                position += again;
                offset += again;
                count -= again;
            }

            if (count > 0)
            {
                position += count;
                verified = position;
                if (stage != null)
                {
                    int payloadOffset;
                    count = stage.Consume(buffer, offset, count, out payloadOffset);
                    offset = payloadOffset;
                }

                if (!begun && (stage == null || stage.HeaderVerified))
                {
                    Begin();
                }

                if (count > 0)
                {
                    for (int i = 0; i < verifiers.Length; i++)
                    {
                        verifiers[i].Update(buffer, offset, count);
                    }

                    Write(buffer, offset, count);
                }
            }

            if (written - checkpointed >= CheckpointInterval)
            {
                Checkpoint();
            }

            Report();
        }

        /// <summary>The body is complete: commits the region only when the stage and every verifier accept.</summary>
        internal void Finish()
        {
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

            RegionCall.Commit(region);
            begun = false;
            report.Detail = SuccessDetail.Checked(stage, verifiers) + "; image committed";
        }

        /// <summary>An attempt failed and another may follow: saves a checkpoint first, in case the device does not live to see it.</summary>
        internal void Interrupted()
        {
            if (written > checkpointed)
            {
                Checkpoint();
            }
        }

        /// <summary>
        /// The request ends without a commit. With <paramref name="keep"/> (a failure that may pass), a resumable region
        /// keeps the image and a checkpoint for a later request; otherwise the image is discarded.
        /// </summary>
        internal void End(bool keep)
        {
            if (!begun)
            {
                return;
            }

            if (keep && resumable != null)
            {
                try
                {
                    if (CanCheckpoint() && written > checkpointed)
                    {
                        Checkpoint();
                    }

                    if (haveCheckpoint)
                    {
                        begun = false;
                        resumable.Suspend();
                        return;
                    }
                }
                catch (Exception)
                {
                    // Keeping failed: discard below, as without a checkpoint.
                }
            }

            begun = false;
            RegionCall.AbortQuietly(region);
        }

        // The region holds `position` bytes of a file the checkpoint names: continue after them, or say no.
        private bool Restore()
        {
            ResumeRecord saved = record;
            int count;
            try
            {
                count = resumable.ReadCheckpoint(saved.Buffer);
            }
            catch (Exception)
            {
                return false;
            }

            if (count <= 0 || !saved.Read(count))
            {
                return false;
            }

            long imageLength = stage == null ? saved.Total : stage.PayloadLength;
            long from;
            try
            {
                from = resumable.Resume(imageLength, saved.Position);
            }
            catch (Exception)
            {
                return false;
            }

            if (from < 0 || from > saved.Position)
            {
                return false;
            }

            long payloadStart = stage == null ? 0 : stage.PayloadStart;
            begun = true;
            total = saved.Total;
            validator = saved.Validator;
            validatorIsETag = saved.ValidatorIsETag;
            validatorBytes = Utf8.GetBytes(validator);
            written = from;
            checkpointed = saved.Position;
            verified = payloadStart + saved.Position;
            position = payloadStart + from;
            ContinuedFrom = position;
            haveCheckpoint = true;
            report.BytesExpected = total;
            report.BytesReceived = position;
            return true;
        }

        private void Begin()
        {
            long length = stage == null ? total : stage.PayloadLength;
            if (stage != null)
            {
                CheckRoom(length);
            }

            // Set first: a Begin that fails half-way may have left something for Abort to remove.
            begun = true;
            written = 0;
            checkpointed = 0;
            haveCheckpoint = false;
            RegionCall.Begin(region, length);
            for (int i = 0; i < verifiers.Length; i++)
            {
                verifiers[i].Begin(length);
            }
        }

        private void Write(byte[] buffer, int offset, int count)
        {
            long capacity = region.Capacity;
            if (capacity >= 0 && written + count > capacity)
            {
                // A chunked or close-delimited body can outgrow the region it was announced to fit.
                throw new FotaException(FotaResult.StorageFailed, "the body is larger than the region (" + capacity.ToString() + " bytes)");
            }

            RegionCall.Write(region, buffer, offset, count);
            written += count;
        }

        // A new file replaces the one begun: discard the region's image (and checkpoint); stage and verifiers begin again
        // with the region, when the new body's first bytes (a package: its verified header) arrive.
        private void StartOver()
        {
            RegionCall.AbortQuietly(region);
            begun = false;
            haveCheckpoint = false;
            position = 0;
            verified = 0;
            written = 0;
            checkpointed = 0;
            progress.Restart();
            if (stage != null)
            {
                stage.Begin();
            }
        }

        // The image's length against the region's, before anything is written: the announced body for a plain image,
        // the signed payload for a package (whose header and signature never reach the region).
        private void CheckRoom(long length)
        {
            long capacity = region.Capacity;
            if (capacity >= 0 && length > capacity)
            {
                throw new FotaException(FotaResult.StorageFailed, "the image of " + length.ToString()
                    + " bytes does not fit the region (" + capacity.ToString() + " bytes)");
            }
        }

        private bool CanCheckpoint()
        {
            return resumable != null && begun && written > 0 && total > 0 && validatorBytes != null
                && validatorBytes.Length <= ResumeRecord.MaxValidatorLength && position >= verified
                && (stage == null || stage.HeaderVerified);
        }

        private void Checkpoint()
        {
            if (!CanCheckpoint())
            {
                return;
            }

            int count = record.Write(total, written, validatorBytes, validatorIsETag);
            RegionCall.Checkpoint(resumable, record.Buffer, count);
            checkpointed = written;
            haveCheckpoint = true;
        }

        // The report follows the body as it goes; the application hears of it, rate-limited.
        private void Report()
        {
            report.BytesReceived = position;
            report.BytesExpected = total;
            progress.Update(position, total);
        }
    }
}
