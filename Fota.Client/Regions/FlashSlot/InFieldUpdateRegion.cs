using System;

namespace Fota.Client
{
    /// <summary>
    /// Stores the image in a dedicated flash slot through nanoFramework's in-field update (MCUboot), for boards whose
    /// firmware has it. The image must be the signed MCUboot image byte for byte, and the server must send its length
    /// (a slot session needs it up front).
    /// </summary>
    /// <remarks>
    /// <para>
    /// The first 32 bytes (the MCUboot header) decide between continuing an image paused in the slot and starting a
    /// new session, which erases the slot. A paused image is continued where the runtime says it stopped (the start of
    /// the erase block that held the last written byte); the bytes before that point are still downloaded and verified
    /// but not written again.
    /// </para>
    /// <para>
    /// <see cref="Commit"/> completes the session, which checks the image's structure and SHA-256 and marks it for a
    /// test swap at the next reboot: the application reboots when it chooses (<c>FotaClient.Reboot()</c>), and the new
    /// image must call <c>UpdateManager.ConfirmDeploymentImage()</c> or MCUboot restores the old one.
    /// </para>
    /// <para>
    /// <see cref="Abort"/> pauses (keeps the slot) when the image was not complete, so that a later request can
    /// continue it, and erases the slot when the whole image arrived but was rejected.
    /// </para>
    /// <para>
    /// With a checkpoint file (a small file on the device's file system, e.g. <c>I:\fota.resume</c>) the region is an
    /// <see cref="IResumableRegion"/>: a later request, after a reboot too, downloads only the rest of the image. The file
    /// holds the image's MCUboot header and the client's record; the slot's own bytes are durable as soon as a chunk is
    /// stored. The runtime resumes a slot at the start of the erase block that held the last written byte, so the region
    /// may ask for some bytes before the recorded position again: they are written again, not verified twice (the slot's
    /// completion checks the stored image's SHA-256 against the image's own TLV, which the verifiers did see).
    /// </para>
    /// </remarks>
    public partial class InFieldUpdateRegion : IResumableRegion
    {
        /// <summary>Bytes of the MCUboot header that identify an image being continued.</summary>
        public const int HeaderLength = 32;

        private readonly IFlashSlot slot;
        private readonly CheckpointFile checkpoint;
        private readonly byte[] header = new byte[HeaderLength];
        private byte[] content;
        private int headerCount;
        private int totalLength;
        private long received;
        private long stored;
        private bool open;

        /// <summary>A region over <paramref name="slot"/> without checkpoints.</summary>
        internal InFieldUpdateRegion(IFlashSlot slot) : this(slot, null)
        {
        }

        /// <summary>A region over <paramref name="slot"/>: the device's <c>UpdateManager</c>, or a simulated slot in tests.</summary>
        /// <param name="slot">The slot.</param>
        /// <param name="checkpointPath">Where checkpoints are kept, or <c>null</c>: then a later request downloads the whole
        /// image again and only skips rewriting what the slot holds.</param>
        internal InFieldUpdateRegion(IFlashSlot slot, string checkpointPath)
        {
            this.slot = slot;
            checkpoint = checkpointPath == null ? null : new CheckpointFile(checkpointPath);
        }

        /// <summary>The checkpoint file, or <c>null</c> when the region keeps none.</summary>
        public string CheckpointPath
        {
            get { return checkpoint == null ? null : checkpoint.Path; }
        }

        /// <summary>-1: only the runtime knows the slot's size, and says so when a session starts.</summary>
        public long Capacity
        {
            get { return -1; }
        }

        /// <summary><c>true</c> when the last image continued one paused in the slot instead of starting over.</summary>
        public bool Resumed { get; private set; }

        /// <summary><c>true</c> after a successful <see cref="Commit"/>: the image waits for the next reboot.</summary>
        public bool Pending { get; private set; }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            Abort();
            if (expectedLength <= 0 || expectedLength > int.MaxValue)
            {
                throw new FotaException(FotaResult.StorageFailed, "a flash slot needs the image length before the first byte, and the server "
                    + "sent none (a chunked reply); serve the image with a Content-Length");
            }

            totalLength = (int)expectedLength;
            headerCount = 0;
            received = 0;
            stored = 0;
            Resumed = false;
            Pending = false;
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            if (!open)
            {
                // Collect the header first: it says whether the slot holds the beginning of this very image.
                int take = HeaderLength - headerCount;
                take = take < count ? take : count;
                Array.Copy(buffer, offset, header, headerCount, take);
                headerCount += take;
                received += take;
                offset += take;
                count -= take;
                if (headerCount < HeaderLength && received < totalLength)
                {
                    return;
                }

                Open();
                if (stored < headerCount)
                {
                    Store(header, (int)stored, headerCount - (int)stored);
                }
            }

            // Bytes the paused session already holds are skipped, not written twice.
            if (received < stored)
            {
                long gap = stored - received;
                int skip = gap < count ? (int)gap : count;
                offset += skip;
                count -= skip;
                received += skip;
            }

            if (count > 0)
            {
                Store(buffer, offset, count);
                received += count;
            }
        }

        /// <inheritdoc />
        public void Commit()
        {
            if (!open || stored < totalLength)
            {
                throw new FotaException(FotaResult.StorageFailed, "the slot holds " + stored.ToString() + " of " + totalLength.ToString() + " bytes");
            }

            SlotResult result = slot.Complete();

            // Completing closes the session whatever it found, except when bytes are missing.
            open = result == SlotResult.Incomplete;
            if (result == SlotResult.Success)
            {
                Pending = true;
                DeleteCheckpoint();
                return;
            }

            if (result == SlotResult.BadMagic || result == SlotResult.BadTlv || result == SlotResult.HashMismatch)
            {
                // The slot keeps what it holds; a rejected image must not wait there to be resumed.
                SlotResult erased = slot.Erase();
                throw new FotaException(FotaResult.VerificationFailed, "the slot's check of the image failed (" + NameOf(result) + "): "
                    + Meaning(result) + "; " + (erased == SlotResult.Success ? "slot erased" : "erasing the slot failed: " + NameOf(erased)));
            }

            throw new FotaException(FotaResult.StorageFailed, "completing the slot session failed: " + NameOf(result) + " (" + Meaning(result) + ")");
        }

        /// <summary>
        /// Discards the checkpoint; an incomplete image stays paused in the slot (a later request that downloads it again
        /// skips rewriting it), a complete one that was rejected is erased.
        /// </summary>
        public void Abort()
        {
            DeleteCheckpoint();
            Close();
        }

        /// <inheritdoc />
        public int ReadCheckpoint(byte[] buffer)
        {
            if (checkpoint == null)
            {
                return 0;
            }

            content = new byte[HeaderLength + buffer.Length];
            int count = checkpoint.Read(content);
            if (count <= HeaderLength)
            {
                return 0;
            }

            Array.Copy(content, header, HeaderLength);
            Array.Copy(content, HeaderLength, buffer, 0, count - HeaderLength);
            return count - HeaderLength;
        }

        /// <inheritdoc />
        /// <returns>Where the slot continues: the start of the erase block of its last written byte, when that is before
        /// <paramref name="position"/>; -1 when the slot holds no image with the checkpoint's header and length.</returns>
        public long Resume(long expectedLength, long position)
        {
            Close();
            if (expectedLength <= 0 || expectedLength > int.MaxValue || position < HeaderLength)
            {
                return -1;
            }

            totalLength = (int)expectedLength;
            if (slot.Resume(totalLength, header) != SlotResult.Success)
            {
                return -1;
            }

            open = true;
            headerCount = HeaderLength;
            stored = slot.NextOffset;
            received = stored < position ? stored : position;
            Resumed = true;
            Pending = false;
            return received;
        }

        /// <inheritdoc />
        public void Checkpoint(byte[] record, int count)
        {
            if (checkpoint == null)
            {
                return;
            }

            // The slot's chunks are in flash when StoreImageChunk returns; only the record needs writing, after the
            // header that Resume will need (one buffer for the request's checkpoints).
            if (content == null || content.Length < HeaderLength + count)
            {
                content = new byte[HeaderLength + record.Length];
            }

            Array.Copy(header, content, HeaderLength);
            Array.Copy(record, 0, content, HeaderLength, count);
            checkpoint.Write(content, 0, HeaderLength + count);
        }

        /// <inheritdoc />
        public void Suspend()
        {
            Close();
        }

        private void DeleteCheckpoint()
        {
            if (checkpoint != null)
            {
                checkpoint.Delete();
            }
        }

        // Closes an open session: pauses an incomplete image, erases a complete one (it was rejected).
        private void Close()
        {
            if (!open)
            {
                return;
            }

            open = false;
            try
            {
                // An incomplete image is paused for a later request; a complete one was rejected and is erased.
                slot.Abort(stored >= totalLength);
            }
            catch (Exception)
            {
                // The runtime releases the session at the next reboot anyway; the original failure is what counts.
            }
        }

        /// <summary>The name of a slot result, spelled out so it reads the same on nanoFramework.</summary>
        internal static string NameOf(SlotResult result)
        {
            switch (result)
            {
                case SlotResult.Success: return "Success";
                case SlotResult.Busy: return "Busy";
                case SlotResult.BadToken: return "BadToken";
                case SlotResult.BadOffset: return "BadOffset";
                case SlotResult.TooLarge: return "TooLarge";
                case SlotResult.FlashError: return "FlashError";
                case SlotResult.BadMagic: return "BadMagic";
                case SlotResult.SwapInFlight: return "SwapInFlight";
                case SlotResult.NoImage: return "NoImage";
                case SlotResult.HeaderMismatch: return "HeaderMismatch";
                case SlotResult.Incomplete: return "Incomplete";
                case SlotResult.BadTlv: return "BadTlv";
                case SlotResult.HashMismatch: return "HashMismatch";
                case SlotResult.BadArgument: return "BadArgument";
                case SlotResult.NoSlot: return "NoSlot";
                default: return "Result" + ((int)result).ToString();
            }
        }

        // What a result means for the person reading the report.
        private static string Meaning(SlotResult result)
        {
            switch (result)
            {
                case SlotResult.Busy: return "another writer (a deployment, the debugger) holds the slot; try again later";
                case SlotResult.TooLarge: return "the image is larger than the slot";
                case SlotResult.FlashError: return "the flash could not be erased or written";
                case SlotResult.BadMagic: return "the image is not a signed MCUboot image (no MCUboot header at its start)";
                case SlotResult.SwapInFlight: return "an update already waits for a reboot; reboot before downloading another";
                case SlotResult.BadTlv: return "the image's TLV area is missing or malformed (not signed with imgtool?)";
                case SlotResult.HashMismatch: return "the SHA-256 of the stored image differs from the one in its TLV area";
                case SlotResult.NoSlot: return "this firmware has no in-field update slot; use a FileRegion";
                case SlotResult.BadArgument: return "the image length is shorter than an MCUboot header";
                default: return "see UpdateSessionResult in nanoFramework.Runtime.InFieldUpdate";
            }
        }

        private void Open()
        {
            byte[] expected = header;
            if (headerCount < HeaderLength)
            {
                expected = new byte[headerCount];
                Array.Copy(header, expected, headerCount);
            }

            SlotResult result = slot.Resume(totalLength, expected);
            if (result == SlotResult.NoImage || result == SlotResult.HeaderMismatch)
            {
                // Nothing of this image in the slot: start over, which erases the slot (seconds on large flash).
                result = slot.Start(totalLength);
            }

            if (result != SlotResult.Success)
            {
                throw new FotaException(FotaResult.StorageFailed, "cannot open a session on the flash slot: " + NameOf(result) + " (" + Meaning(result) + ")");
            }

            open = true;
            Resumed = slot.IsResumed;
            stored = slot.NextOffset;
        }

        private void Store(byte[] data, int offset, int count)
        {
            SlotResult result = slot.Store(data, offset, count);
            if (result == SlotResult.BadMagic)
            {
                throw new FotaException(FotaResult.VerificationFailed, "the flash slot refused the image: " + Meaning(result));
            }

            if (result != SlotResult.Success)
            {
                throw new FotaException(FotaResult.StorageFailed, "writing the flash slot at " + stored.ToString() + " failed: " + NameOf(result)
                    + " (" + Meaning(result) + ")");
            }

            stored += count;
        }
    }
}
