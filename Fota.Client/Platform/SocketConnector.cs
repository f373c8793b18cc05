using System.Net.Sockets;

namespace Fota.Client
{
    /// <summary>
    /// The default connector: DNS, TCP connect with a timeout, and TLS with the options' server CA and client
    /// certificate. Opening is the same on both platforms; connecting and TLS are per platform
    /// (<c>Platform/Host</c>, <c>Platform/Nano</c>).
    /// </summary>
    public partial class SocketConnector : IConnector
    {
        /// <inheritdoc />
        public IConnection Open(string host, int port, bool secure, FotaOptions options, int timeoutMilliseconds)
        {
            Socket socket = Connect(host, port, timeoutMilliseconds);
            if (!secure)
            {
                return new SocketConnection(socket, timeoutMilliseconds);
            }

            try
            {
                return TlsConnection.Open(socket, host, options, timeoutMilliseconds);
            }
            catch
            {
                socket.Close();
                throw;
            }
        }
    }
}
