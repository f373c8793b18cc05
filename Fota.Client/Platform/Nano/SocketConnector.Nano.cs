using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Fota.Client
{
    // Connecting on the device: the first IPv4 address, limited by the timeout.
    public partial class SocketConnector
    {
        private static Socket Connect(string host, int port, int timeoutMilliseconds)
        {
            IPAddress address = Resolve(host);
            Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);

            // nanoFramework's Connect blocks with no limit of its own: it runs on a helper thread and the socket is
            // closed when the wait runs out, which ends the attempt.
            ConnectAttempt attempt = new ConnectAttempt(socket, new IPEndPoint(address, port));
            Thread thread = new Thread(attempt.Run);
            thread.Start();
            if (!thread.Join(timeoutMilliseconds))
            {
                socket.Close();
                throw new FotaException(FotaResult.Timeout, "connecting to " + host + ":" + port.ToString() + " took longer than "
                    + timeoutMilliseconds.ToString() + " ms");
            }

            if (attempt.Error != null)
            {
                socket.Close();
                throw new FotaException(FotaResult.ConnectionFailed, "cannot connect to " + host + ":" + port.ToString() + ": " + Describe(attempt.Error));
            }

            return socket;
        }

        private static IPAddress Resolve(string host)
        {
            IPAddress[] addresses;
            try
            {
                addresses = Dns.GetHostEntry(host).AddressList;
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "cannot resolve host '" + host + "': " + Describe(e));
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

        // nanoFramework's socket exceptions often carry no message, only the error code.
        internal static string Describe(Exception e)
        {
            SocketException socketError = e as SocketException;
            if (socketError != null)
            {
                return "socket error " + socketError.ErrorCode.ToString();
            }

            return e.Message == null || e.Message.Length == 0 ? e.GetType().Name : e.GetType().Name + " " + e.Message;
        }

        private class ConnectAttempt
        {
            private readonly Socket socket;
            private readonly EndPoint endPoint;

            internal ConnectAttempt(Socket socket, EndPoint endPoint)
            {
                this.socket = socket;
                this.endPoint = endPoint;
            }

            internal Exception Error { get; private set; }

            internal void Run()
            {
                try
                {
                    socket.Connect(endPoint);
                }
                catch (Exception e)
                {
                    Error = e;
                }
            }
        }
    }
}
