namespace Fota.Client
{
    /// <summary>
    /// A byte stream to a server (plain TCP or TLS), as the platform layer provides it.
    /// Implementations report failures by throwing <see cref="FotaException"/> with
    /// <see cref="FotaResult.Timeout"/>, <see cref="FotaResult.ConnectionFailed"/> or
    /// <see cref="FotaResult.ClosedEarly"/>; any other exception is treated as a connection failure.
    /// </summary>
    public interface IConnection
    {
        /// <summary>
        /// Reads up to <paramref name="count"/> bytes, waiting at most the connection's read timeout.
        /// </summary>
        /// <returns>The number of bytes read; 0 only when the peer has closed the stream.</returns>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends all <paramref name="count"/> bytes.</summary>
        void Write(byte[] buffer, int offset, int count);

        /// <summary>Closes the stream; safe to call more than once.</summary>
        void Close();
    }
}
