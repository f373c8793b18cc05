using System;
using System.Net;
using System.Net.Sockets;

namespace Fota.Client
{
    // Connecting on the host: every resolved address in turn, each attempt limited by the timeout.
    public partial class SocketConnector
    {
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
