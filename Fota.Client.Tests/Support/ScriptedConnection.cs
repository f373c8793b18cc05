using System;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>One accepted connection of a <see cref="ScriptedServer"/>, as its script sees it.</summary>
    public sealed class ScriptedConnection
    {
        private readonly Socket socket;
        private readonly CancellationToken stopping;

        internal ScriptedConnection(Socket socket, CancellationToken stopping)
        {
            this.socket = socket;
            this.stopping = stopping;
        }

        public void Send(byte[] data)
        {
            int sent = 0;
            while (sent < data.Length)
            {
                sent += socket.Send(data, sent, data.Length - sent, SocketFlags.None);
            }
        }

        public void Send(string text)
        {
            Send(Encoding.UTF8.GetBytes(text));
        }

        /// <summary>Sends the data in pieces of <paramref name="piece"/> bytes with a short pause between them.</summary>
        public void SendSlowly(byte[] data, int piece, int pauseMilliseconds)
        {
            for (int at = 0; at < data.Length; at += piece)
            {
                int count = Math.Min(piece, data.Length - at);
                socket.Send(data, at, count, SocketFlags.None);
                Thread.Sleep(pauseMilliseconds);
            }
        }

        /// <summary>Reads exactly <paramref name="length"/> bytes (a request body), or fails when the peer stops early.</summary>
        public byte[] ReadExactly(int length)
        {
            var data = new byte[length];
            int at = 0;
            while (at < length)
            {
                int count = socket.Receive(data, at, length - at, SocketFlags.None);
                if (count == 0)
                {
                    throw new InvalidOperationException("the client sent " + at + " of " + length + " body bytes");
                }

                at += count;
            }

            return data;
        }

        /// <summary>Waits for the peer to send something and returns what one receive got.</summary>
        public byte[] ReadSome()
        {
            var buffer = new byte[4096];
            int count = socket.Receive(buffer);
            return buffer.AsSpan(0, count).ToArray();
        }

        /// <summary>Keeps the connection open and silent until the server is disposed.</summary>
        public void Stall()
        {
            stopping.WaitHandle.WaitOne(TimeSpan.FromSeconds(30));
        }

        /// <summary>Aborts with a TCP reset instead of an orderly close.</summary>
        public void Reset()
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }

        public void Close()
        {
            try
            {
                socket.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException)
            {
            }
            catch (ObjectDisposedException)
            {
            }

            socket.Close();
        }

        /// <summary>The request line of the head the server read ("GET /path?query HTTP/1.1"), or null.</summary>
        public string RequestLine { get; private set; }

        /// <summary>The whole request head the server read, or null.</summary>
        public string LastHead { get; private set; }

        internal string ReadRequestHead()
        {
            var head = new StringBuilder();
            var one = new byte[1];
            while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal))
            {
                if (socket.Receive(one) == 0)
                {
                    break;
                }

                head.Append((char)one[0]);
            }

            string text = head.ToString();
            LastHead = text;
            int end = text.IndexOf("\r\n", StringComparison.Ordinal);
            RequestLine = end < 0 ? text : text.Substring(0, end);
            return text;
        }
    }
}
