using System;
using System.Net.Sockets;

namespace Fota.Client
{
    /// <summary>
    /// Reports for the device's socket failures. Uses only what nanoFramework and .NET share, so the tests compile it too.
    /// </summary>
    internal static class NetworkFailures
    {
        /// <summary>
        /// A failed DNS lookup. nanoFramework's resolver waits a fixed 30 s, which no managed timeout shortens, then throws
        /// SocketException 10060: that is reported as <see cref="FotaResult.Timeout"/>, anything else as
        /// <see cref="FotaResult.ConnectionFailed"/>.
        /// </summary>
        internal static FotaException Resolving(string host, Exception e)
        {
            SocketException socketError = e as SocketException;
            SocketError code = socketError == null ? SocketError.SocketError : Code(socketError);
            if (code == SocketError.TimedOut)
            {
                return new FotaException(FotaResult.Timeout, "DNS lookup of '" + host + "' got no answer: nanoFramework gives up after a fixed "
                    + "30 s, longer than ReadTimeout when that is shorter; check the network's DNS server, or put the server's IP address in Url");
            }

            if (code == SocketError.HostNotFound)
            {
                return new FotaException(FotaResult.ConnectionFailed, "host '" + host + "' not found by DNS: check the host name in Url");
            }

            return new FotaException(FotaResult.ConnectionFailed, "cannot resolve host '" + host + "': " + Describe(e));
        }

        /// <summary>nanoFramework's socket exceptions often carry no message, only the error code.</summary>
        internal static string Describe(Exception e)
        {
            SocketException socketError = e as SocketException;
            if (socketError != null)
            {
                return "socket error " + ((int)Code(socketError)).ToString();
            }

            return e.Message == null || e.Message.Length == 0 ? e.GetType().Name : e.GetType().Name + " " + e.Message;
        }

        // nanoFramework's SocketException has no SocketErrorCode; its ErrorCode carries the SocketError value (on .NET,
        // ErrorCode is the platform's own number).
        private static SocketError Code(SocketException e)
        {
#if NANOFRAMEWORK
            return (SocketError)e.ErrorCode;
#else
            return e.SocketErrorCode;
#endif
        }
    }
}
