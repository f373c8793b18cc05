using System;
using System.IO;
using System.Net.Sockets;
using System.Text;

namespace Fota.Client.Tests.Server
{
    /// <summary>Plain TCP to the server, for what HttpClient will not send: lower-case methods, half-closed requests, idle sockets.</summary>
    internal static class RawHttp
    {
        public static Socket Connect(string baseUrl)
        {
            var uri = new Uri(baseUrl);
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            socket.Connect(uri.Host, uri.Port);
            return socket;
        }

        /// <summary>
        /// Sends <paramref name="head"/> (CRLF line ends added), optionally shuts down sending right after, and
        /// reads until the server closes or 10 s pass; returns everything received as Latin-1 text.
        /// </summary>
        public static string Exchange(string baseUrl, string head, bool halfClose)
        {
            using Socket socket = Connect(baseUrl);
            socket.ReceiveTimeout = 10000;
            socket.Send(Encoding.ASCII.GetBytes(head.Replace("\n", "\r\n") + "\r\n"));
            if (halfClose)
            {
                socket.Shutdown(SocketShutdown.Send);
            }

            var received = new MemoryStream();
            var buffer = new byte[65536];
            try
            {
                int read;
                while ((read = socket.Receive(buffer)) > 0)
                {
                    received.Write(buffer, 0, read);
                    if (!halfClose && Encoding.Latin1.GetString(received.ToArray()).Contains("\r\n\r\n"))
                    {
                        break;
                    }
                }
            }
            catch (SocketException)
            {
                // Reset or timed out: what arrived before counts.
            }

            return Encoding.Latin1.GetString(received.ToArray());
        }

        /// <summary>
        /// Whether the server closed the socket (EOF or reset) within <paramref name="milliseconds"/>; anything it
        /// sends first (e.g. a 408 answer) is read and ignored.
        /// </summary>
        public static bool ClosedByServer(Socket socket, int milliseconds)
        {
            long deadline = Environment.TickCount64 + milliseconds;
            var buffer = new byte[4096];
            try
            {
                while (true)
                {
                    long left = deadline - Environment.TickCount64;
                    if (left <= 0 || !socket.Poll((int)Math.Min(left, int.MaxValue / 1000) * 1000, SelectMode.SelectRead))
                    {
                        return false;
                    }

                    if (socket.Receive(buffer) == 0)
                    {
                        return true;
                    }
                }
            }
            catch (SocketException)
            {
                return true;
            }
        }

        /// <summary>
        /// Waits until at most <paramref name="wanted"/> of the sockets are still open (or the time is up) and
        /// returns how many are.
        /// </summary>
        public static int StillOpen(System.Collections.Generic.List<Socket> sockets, int wanted, int milliseconds)
        {
            var open = new System.Collections.Generic.List<Socket>(sockets);
            long deadline = Environment.TickCount64 + milliseconds;
            while (open.Count > wanted && Environment.TickCount64 < deadline)
            {
                open.RemoveAll(s => ClosedByServer(s, 10));
            }

            return open.Count;
        }
    }
}
