using System;
using System.Net.Sockets;

namespace Fota.Client
{
    /// <summary>
    /// A plain TCP connection over a connected <see cref="Socket"/>, with the read timeout set on the socket.
    /// One source for nanoFramework and .NET: Send/Receive with offset, size and flags exist on both.
    /// </summary>
    public class SocketConnection : IConnection
    {
        private readonly Socket socket;
        private readonly int timeoutMilliseconds;

        /// <summary>Wraps a connected socket; every read waits at most <paramref name="timeoutMilliseconds"/>.</summary>
        public SocketConnection(Socket socket, int timeoutMilliseconds)
        {
            this.socket = socket;
            this.timeoutMilliseconds = timeoutMilliseconds;
            socket.ReceiveTimeout = timeoutMilliseconds;
            socket.SendTimeout = timeoutMilliseconds;
        }

        /// <inheritdoc />
        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return socket.Receive(buffer, offset, count, SocketFlags.None);
            }
            catch (SocketException e)
            {
                throw SocketFailures.Translate(e, timeoutMilliseconds, "receiving");
            }
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                while (count > 0)
                {
                    int sent = socket.Send(buffer, offset, count, SocketFlags.None);
                    offset += sent;
                    count -= sent;
                }
            }
            catch (SocketException e)
            {
                throw SocketFailures.Translate(e, timeoutMilliseconds, "sending");
            }
        }

        /// <inheritdoc />
        public void Close()
        {
            socket.Close();
        }
    }
}
