namespace Fota.Client
{
    /// <summary>
    /// Tells how far a download got (<see cref="FotaOptions.Progress"/>). Called on the request's thread, at most about a
    /// hundred times per image (each time another 1 % arrived, or 64 KiB when the length is unknown), when a download
    /// starts or starts over, and at its last byte; nothing is allocated per call. Keep it short: the download waits.
    /// Exceptions it throws are caught and ignored.
    /// </summary>
    /// <param name="bytesReceived">Bytes of the firmware body held so far, a resumed download's earlier bytes included.</param>
    /// <param name="bytesExpected">The body's whole length, or -1 when the server did not say.</param>
    public delegate void FotaProgress(long bytesReceived, long bytesExpected);
}
