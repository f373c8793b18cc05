using System;
using System.Net;
using System.Net.Sockets;

namespace Fota.Client
{
    // Connecting on the device: the first IPv4 address, limited by the timeout.
    public partial class SocketConnector
    {
        private static Socket Connect(string host, int port, int timeoutMilliseconds)
        {
            IPAddress address = Resolve(host);
            Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            ConnectDeadline deadline = new ConnectDeadline(socket, timeoutMilliseconds);
            try
            {
                socket.Connect(new IPEndPoint(address, port));
            }
            catch (Exception e)
            {
                bool inTime = deadline.Finish();
                socket.Close();
                if (inTime)
                {
                    throw new FotaException(FotaResult.ConnectionFailed, "cannot connect to " + host + ":" + port.ToString() + ": "
                        + NetworkFailures.Describe(e));
                }

                throw TookTooLong(host, port, timeoutMilliseconds);
            }

            if (!deadline.Finish())
            {
                socket.Close();
                throw TookTooLong(host, port, timeoutMilliseconds);
            }

            return socket;
        }

        private static FotaException TookTooLong(string host, int port, int timeoutMilliseconds)
        {
            return new FotaException(FotaResult.Timeout, "connecting to " + host + ":" + port.ToString() + " took longer than "
                + timeoutMilliseconds.ToString() + " ms");
        }

        // nanoFramework resolves with a fixed 30 s limit of its own, which no managed timeout can shorten.
        private static IPAddress Resolve(string host)
        {
            IPAddress[] addresses;
            try
            {
                addresses = Dns.GetHostEntry(host).AddressList;
            }
            catch (Exception e)
            {
                throw NetworkFailures.Resolving(host, e);
            }

            if (addresses == null || addresses.Length == 0)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "host '" + host + "' has no address");
            }

            // Prefer IPv4: most ESP32 firmware builds have no IPv6 route.
            for (int i = 0; i < addresses.Length; i++)
            {
                if (addresses[i].AddressFamily == AddressFamily.InterNetwork)
                {
                    return addresses[i];
                }
            }

            return addresses[0];
        }
    }
}
