using System;
using nanoFramework.Runtime.InFieldUpdate;

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
    /// new session, which erases the slot. A paused image is continued where the runtime says it stopped; the bytes
    /// before that point are still downloaded and verified but not written again.
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
    /// </remarks>
    public class InFieldUpdateRegion : IFotaRegion
    {
        /// <summary>Bytes of the MCUboot header that identify an image being continued.</summary>
        public const int HeaderLength = 32;

        private readonly ImageType image;
        private readonly byte[] header = new byte[HeaderLength];
        private int headerCount;
        private int totalLength;
        private long received;
        private long stored;
        private UpdateSession session;

        /// <summary>A region for the deployment (managed application) slot.</summary>
        public InFieldUpdateRegion() : this(ImageType.Deployment)
        {
        }

        /// <summary>A region for the slot of <paramref name="image"/>.</summary>
        public InFieldUpdateRegion(ImageType image)
        {
            this.image = image;
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
            if (session == null)
            {
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
            if (session == null || stored < totalLength)
            {
                throw new FotaException(FotaResult.StorageFailed, "the slot holds " + stored.ToString() + " of " + totalLength.ToString() + " bytes");
            }

            UpdateSessionResult result = UpdateManager.CompleteUpdateSession(session);
            if (result == UpdateSessionResult.Success)
            {
                session = null;
                Pending = true;
                return;
            }

            if (result == UpdateSessionResult.BadMagic || result == UpdateSessionResult.BadTlv || result == UpdateSessionResult.HashMismatch)
            {
                // The session is closed and the slot left as is; a rejected image must not wait there to be resumed.
                session = null;
                UpdateSessionResult erased = UpdateManager.EraseSecondaryImage(image);
                throw new FotaException(FotaResult.VerificationFailed, "the slot's check of the image failed (" + NameOf(result) + "); "
                    + (erased == UpdateSessionResult.Success ? "slot erased" : "erasing the slot failed: " + NameOf(erased)));
            }

            throw new FotaException(FotaResult.StorageFailed, "completing the slot session failed: " + NameOf(result));
        }

        /// <inheritdoc />
        public void Abort()
        {
            UpdateSession open = session;
            session = null;
            if (open == null)
            {
                return;
            }

            try
            {
                // An incomplete image is paused for a later request; a complete one was rejected and is erased.
                UpdateManager.AbortUpdateSession(open, stored >= totalLength);
            }
            catch (Exception)
            {
                // The runtime releases the session at the next reboot anyway; the original failure is what counts.
            }
        }

        /// <summary>The name of a session result, spelled out so it reads the same on nanoFramework.</summary>
        public static string NameOf(UpdateSessionResult result)
        {
            switch (result)
            {
                case UpdateSessionResult.Success: return "Success";
                case UpdateSessionResult.Busy: return "Busy";
                case UpdateSessionResult.BadToken: return "BadToken";
                case UpdateSessionResult.BadOffset: return "BadOffset";
                case UpdateSessionResult.TooLarge: return "TooLarge";
                case UpdateSessionResult.FlashError: return "FlashError";
                case UpdateSessionResult.BadMagic: return "BadMagic";
                case UpdateSessionResult.SwapInFlight: return "SwapInFlight";
                case UpdateSessionResult.NoImage: return "NoImage";
                case UpdateSessionResult.HeaderMismatch: return "HeaderMismatch";
                case UpdateSessionResult.Incomplete: return "Incomplete";
                case UpdateSessionResult.BadTlv: return "BadTlv";
                case UpdateSessionResult.HashMismatch: return "HashMismatch";
                case UpdateSessionResult.BadArgument: return "BadArgument";
                case UpdateSessionResult.NoSlot: return "NoSlot";
                default: return "Result" + ((int)result).ToString();
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

            UpdateSession opened;
            UpdateSessionResult result = UpdateManager.ResumeUpdateSession(image, totalLength, expected, out opened);
            if (result == UpdateSessionResult.NoImage || result == UpdateSessionResult.HeaderMismatch)
            {
                // Nothing of this image in the slot: start over, which erases the slot (seconds on large flash).
                result = UpdateManager.StartUpdateSession(image, totalLength, out opened);
            }

            if (result != UpdateSessionResult.Success)
            {
                throw new FotaException(FotaResult.StorageFailed, "cannot open a session on the flash slot: " + NameOf(result)
                    + (result == UpdateSessionResult.NoSlot ? " (this firmware has no in-field update slot: use a FileRegion)" : "")
                    + (result == UpdateSessionResult.SwapInFlight ? " (an update waits for a reboot)" : ""));
            }

            session = opened;
            Resumed = opened.IsResumed;
            stored = opened.NextOffset;
        }

        private void Store(byte[] data, int offset, int count)
        {
            UpdateSessionResult result = UpdateManager.StoreImageChunk(session, data, offset, count);
            if (result != UpdateSessionResult.Success)
            {
                throw new FotaException(FotaResult.StorageFailed, "writing the flash slot at " + stored.ToString() + " failed: " + NameOf(result));
            }

            stored += count;
        }
    }
}
