using System.Net.Sockets;

namespace Fota.Client
{
    /// <summary>Turns socket errors into the results the report carries.</summary>
    internal static class SocketFailures
    {
        /// <summary>Timeouts become <see cref="FotaResult.Timeout"/>, resets <see cref="FotaResult.ClosedEarly"/>, the rest connection failures.</summary>
        internal static FotaException Translate(SocketException e, int timeoutMilliseconds, string doing)
        {
#if NANOFRAMEWORK
            // nanoFramework's SocketException has no SocketErrorCode; its ErrorCode carries the SocketError value.
            SocketError code = (SocketError)e.ErrorCode;
#else
            SocketError code = e.SocketErrorCode;
#endif
            switch (code)
            {
                case SocketError.TimedOut:
                case SocketError.WouldBlock:
                    return new FotaException(FotaResult.Timeout, "no answer from the server for " + timeoutMilliseconds.ToString() + " ms while " + doing);
                case SocketError.ConnectionReset:
                case SocketError.ConnectionAborted:
                case SocketError.Shutdown:
                    return new FotaException(FotaResult.ClosedEarly, "the server reset the connection while " + doing);
                default:
                    return new FotaException(FotaResult.ConnectionFailed, "socket error while " + doing + ": " + e.Message);
            }
        }
    }
}
