namespace Fota.Client
{
    /// <summary>
    /// Observes every payload byte in order and gives a verdict at the end. The region is
    /// committed only when every verifier accepts.
    /// </summary>
    /// <remarks>
    /// A body sent without Content-Length or chunked framing ends when the server closes the connection, so a body cut
    /// short by an ordinary close cannot be told from a whole one. The client accepts such a body only when at least
    /// one verifier says <see cref="ChecksCompleteness"/>; otherwise it refuses the reply before storing anything.
    /// </remarks>
    public interface IFotaVerifier
    {
        /// <summary>
        /// What the verifier checks, in a word or two for the report (e.g. <c>"SHA-256"</c>); <c>null</c> or empty for a
        /// verifier that only observes the bytes and accepts any image, which the report then does not list as a check.
        /// </summary>
        string Name { get; }

        /// <summary>
        /// <c>true</c> only when <see cref="Finish"/> rejects every image that lacks bytes at its end: its verdict
        /// depends on the exact length, as an expected length or a digest of the whole image does. A verifier that
        /// only looks at the bytes it was given (a byte counter, a header check) must say <c>false</c>.
        /// </summary>
        bool ChecksCompleteness { get; }

        /// <summary>Starts a new image; resets any state from an earlier one.</summary>
        /// <param name="expectedLength">Length announced by the server, or -1 when unknown.</param>
        void Begin(long expectedLength);

        /// <summary>Feeds the next <paramref name="count"/> payload bytes.</summary>
        void Update(byte[] buffer, int offset, int count);

        /// <summary>Gives the verdict after the last byte.</summary>
        /// <param name="failure">Why the image was rejected, in one line; <c>null</c> when accepted.</param>
        /// <returns><c>true</c> when the image is accepted.</returns>
        bool Finish(out string failure);
    }
}
