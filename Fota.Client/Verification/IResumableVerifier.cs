namespace Fota.Client
{
    /// <summary>
    /// A verifier whose running state can be saved into a few bytes and restored, so that a download interrupted by a
    /// reboot, a killed process or a failed request continues where it stopped and the verdict still covers every byte
    /// exactly once. Implement it beside <see cref="IFotaVerifier"/>; a verifier without it still works, but then an
    /// interrupted download starts over from its first byte in the next request (within one request a resumed body
    /// continues the same verifier objects, so nothing needs saving there).
    /// </summary>
    /// <remarks>
    /// The client keeps the saved bytes in the region's checkpoint next to the bytes the region holds. It saves between
    /// two <see cref="IFotaVerifier.Update"/> calls; in a later request, <see cref="RestoreState"/> takes the place of
    /// <see cref="IFotaVerifier.Begin"/> and the updates before the checkpoint. So a state must hold everything
    /// <see cref="IFotaVerifier.Finish"/> needs, including what <see cref="IFotaVerifier.Begin"/> was told.
    /// </remarks>
    public interface IResumableVerifier
    {
        /// <summary>How many bytes <see cref="SaveState"/> writes; the same for every state of this verifier.</summary>
        int StateLength { get; }

        /// <summary>Writes the state after the bytes fed so far: <see cref="StateLength"/> bytes at <paramref name="offset"/>.</summary>
        /// <exception cref="System.InvalidOperationException">The verdict was already given for this image.</exception>
        void SaveState(byte[] target, int offset);

        /// <summary>
        /// Continues from a state <see cref="SaveState"/> wrote (<see cref="StateLength"/> bytes at <paramref name="offset"/>),
        /// as if <see cref="IFotaVerifier.Begin"/> and the same updates had run.
        /// </summary>
        /// <returns><c>false</c> when the bytes cannot be a state of this verifier (then nothing changed and the download starts over).</returns>
        bool RestoreState(byte[] source, int offset);
    }
}
