namespace Fota.Client
{
    /// <summary>
    /// Observes every payload byte in order and gives a verdict at the end. The region is
    /// committed only when every verifier accepts.
    /// </summary>
    public interface IFotaVerifier
    {
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
