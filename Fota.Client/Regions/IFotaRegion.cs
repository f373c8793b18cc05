namespace Fota.Client
{
    /// <summary>
    /// Where a downloaded image is stored: a file, a flash slot. The client calls <see cref="Abort"/> before
    /// connecting, then, when a firmware arrives, <see cref="Begin"/>, <see cref="Write"/> for every chunk in order, then
    /// exactly one of <see cref="Commit"/> (every check passed) or <see cref="Abort"/> (anything failed). When the server
    /// sends a new file in a later attempt of the same request (a 200 after a dropped download), it calls
    /// <see cref="Abort"/> and <see cref="Begin"/> again. A region that also implements <see cref="IResumableRegion"/>
    /// is asked for its checkpoint instead of the first <see cref="Abort"/>.
    /// A region must never leave something that looks like a complete image unless committed.
    /// </summary>
    public interface IFotaRegion
    {
        /// <summary>
        /// The largest image the region can hold in bytes, or -1 when only a failing
        /// <see cref="Write"/> can tell.
        /// </summary>
        long Capacity { get; }

        /// <summary>Prepares to receive an image.</summary>
        /// <param name="expectedLength">Length announced by the server, or -1 when unknown.</param>
        /// <exception cref="System.Exception">Any exception is reported as <see cref="FotaResult.StorageFailed"/>.</exception>
        void Begin(long expectedLength);

        /// <summary>Appends <paramref name="count"/> bytes of the image.</summary>
        /// <remarks>The buffer is reused for the next chunk: copy what you keep.</remarks>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Makes the stored image the one to apply. Called only after every verifier accepted it.</summary>
        void Commit();

        /// <summary>
        /// Discards whatever was written. Must not throw for a region that was never begun. Also called at the start of
        /// every request (after the options are checked, before connecting) to discard what an interrupted earlier
        /// download left, e.g. after a power cut, unless a resumable region's checkpoint lets the request continue it.
        /// </summary>
        void Abort();
    }
}
