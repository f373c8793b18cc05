using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Fota.Client
{
    /// <summary>
    /// The host's connector: DNS, TCP connect with a timeout, and TLS through <see cref="SslStream"/> with the
    /// options' server CA (pinned as the only trust anchor when given) and client certificate.
    /// </summary>
    public class SocketConnector : IConnector
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

        private static Socket Connect(string host, int port, int timeoutMilliseconds)
        {
            IPAddress[] addresses;
            try
            {
                IPAddress literal;
                addresses = IPAddress.TryParse(host, out literal) ? new[] { literal } : Dns.GetHostAddresses(host);
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "cannot resolve host '" + host + "': " + e.Message);
            }

            string lastError = "no address";
            foreach (IPAddress address in addresses)
            {
                Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    if (!socket.ConnectAsync(new IPEndPoint(address, port)).Wait(timeoutMilliseconds))
                    {
                        socket.Close();
                        throw new FotaException(FotaResult.Timeout, "connecting to " + host + ":" + port + " took longer than "
                            + timeoutMilliseconds + " ms");
                    }

                    socket.NoDelay = true;
                    return socket;
                }
                catch (AggregateException e) when (e.InnerException is SocketException)
                {
                    socket.Close();
                    lastError = e.InnerException.Message;
                }
            }

            throw new FotaException(FotaResult.ConnectionFailed, "cannot connect to " + host + ":" + port + ": " + lastError);
        }
    }
}
