namespace Fota.Client
{
    /// <summary>
    /// The secondary flash slot of one image, as nanoFramework's <c>UpdateManager</c> offers it: one update session at a
    /// time, chunks appended in order. The region talks to this instead of <c>UpdateManager</c> so that its logic runs on
    /// .NET too, against a simulated slot; on the device <c>UpdateManagerSlot</c> forwards every call.
    /// </summary>
    internal interface IFlashSlot
    {
        /// <summary>Where the open session writes its next chunk.</summary>
        int NextOffset { get; }

        /// <summary><c>true</c> when the open session continues an image paused in the slot.</summary>
        bool IsResumed { get; }

        /// <summary>Opens a session for an image of <paramref name="totalLength"/> bytes; erases the whole slot.</summary>
        SlotResult Start(int totalLength);

        /// <summary>
        /// Reopens a session on the image paused in the slot, when its header starts with <paramref name="expectedHeader"/>
        /// and its length is <paramref name="totalLength"/>; <see cref="SlotResult.NoImage"/> or
        /// <see cref="SlotResult.HeaderMismatch"/> when there is none.
        /// </summary>
        SlotResult Resume(int totalLength, byte[] expectedHeader);

        /// <summary>Appends <paramref name="count"/> bytes at <see cref="NextOffset"/>.</summary>
        SlotResult Store(byte[] data, int offset, int count);

        /// <summary>Checks the stored image (structure and SHA-256) and marks it for a test swap; closes the session.</summary>
        SlotResult Complete();

        /// <summary>Closes the session, keeping what was stored (a pause) or erasing the slot.</summary>
        SlotResult Abort(bool eraseSlot);

        /// <summary>Erases the whole slot; refused while a session is open.</summary>
        SlotResult Erase();
    }
}
