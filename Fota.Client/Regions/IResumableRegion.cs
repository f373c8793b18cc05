namespace Fota.Client
{
    /// <summary>
    /// A region that can keep an interrupted image and continue it in a later request, after a reboot, a power cut or a
    /// killed process. The client hands it a small checkpoint record (what was asked, the server's validator, how far the
    /// image got, the verifiers' states) to keep durably beside the image; a later request reads the record back, checks
    /// it against what it asks now, and continues with a <c>Range</c> request instead of starting over. A region without
    /// this interface still works: an interrupted image is discarded and the next request starts from byte 0.
    /// </summary>
    /// <remarks>
    /// <para>Durability contract: when <see cref="Checkpoint"/> returns, every byte written before it is durable and the
    /// record is the new one; until then the previous record stays in force. A power cut at any moment therefore leaves
    /// a record that describes bytes the region really holds. Bytes written after the last checkpoint may or may not
    /// survive; the next request overwrites them.</para>
    /// <para>Order of calls in a request: <see cref="ReadCheckpoint"/> at the start (in place of the clearing
    /// <see cref="IFotaRegion.Abort"/>); when the record fits, <see cref="Resume"/>; then <see cref="IFotaRegion.Write"/>s
    /// as usual, <see cref="Checkpoint"/> now and then, and at the end <see cref="IFotaRegion.Commit"/>,
    /// <see cref="IFotaRegion.Abort"/> (discards the image and the record) or <see cref="Suspend"/> (keeps both for a
    /// later request). <see cref="IFotaRegion.Begin"/> always starts a new image and discards any record.</para>
    /// </remarks>
    public interface IResumableRegion : IFotaRegion
    {
        /// <summary>Copies the record of the last <see cref="Checkpoint"/> into <paramref name="buffer"/>.</summary>
        /// <returns>Its length; 0 when there is none, or when it does not fit the buffer.</returns>
        int ReadCheckpoint(byte[] buffer);

        /// <summary>
        /// Reopens the kept image to continue it after the first <paramref name="position"/> bytes, which the last
        /// checkpoint recorded. Writes then continue from the returned position.
        /// </summary>
        /// <param name="expectedLength">The whole image's length, as the first answer announced it.</param>
        /// <param name="position">The image bytes the record says the region holds.</param>
        /// <returns>
        /// <paramref name="position"/>, or less when the region must receive some bytes before it again (a flash slot
        /// rewinds to the start of an erase block; those bytes are written again but not verified twice); -1 when it
        /// does not hold them (then the client discards the image with <see cref="IFotaRegion.Abort"/>).
        /// </returns>
        long Resume(long expectedLength, long position);

        /// <summary>
        /// Makes every byte written so far durable, then replaces the record with <paramref name="count"/> bytes of
        /// <paramref name="record"/>, atomically (a power cut leaves the old record or the new one, never a mix).
        /// </summary>
        void Checkpoint(byte[] record, int count);

        /// <summary>Ends this request's use of the image, keeping it and its last record for a later request.</summary>
        void Suspend();
    }
}
