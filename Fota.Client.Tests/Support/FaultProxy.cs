using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// A loopback TCP proxy between the real client and a real server that misbehaves on purpose, connection by
    /// connection: drops, resets, stalls, trickles, rewritten heads, flipped bytes, its own replies. It counts every byte
    /// it sends to the client, so tests and benchmarks can tell how much crossed the wire.
    /// </summary>
    public sealed class FaultProxy : IDisposable
    {
        private readonly LoopbackListener listener;
        private readonly int upstreamPort;
        private readonly Func<int, ProxyFault> plan;
        private long toClient;
        private int connections;

        /// <param name="upstreamPort">The server's port on 127.0.0.1.</param>
        /// <param name="plan">The fault of each connection by its index from 0; <c>null</c> passes it through.</param>
        public FaultProxy(int upstreamPort, Func<int, ProxyFault> plan)
        {
            this.upstreamPort = upstreamPort;
            this.plan = plan;
            listener = new LoopbackListener("fault-proxy", Accepted);
        }

        public int Port => listener.Port;

        /// <summary>Bytes sent to the client, heads and bodies, over every connection so far.</summary>
        public long BytesToClient => Interlocked.Read(ref toClient);

        /// <summary>Connections accepted so far.</summary>
        public int Connections => Volatile.Read(ref connections);

        /// <summary>Request heads as the client sent them, in order of arrival.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>Problems of the proxy itself (not of the client), to fail the test that caused them.</summary>
        public ConcurrentQueue<Exception> Errors { get; } = new ConcurrentQueue<Exception>();

        /// <summary>The proxy's address with the path and query of <paramref name="url"/> (an address of the server).</summary>
        public string Through(string url)
        {
            var uri = new Uri(url);
            return "http://127.0.0.1:" + Port + uri.PathAndQuery;
        }

        /// <summary>A whole reply: status line, headers, Content-Length and body.</summary>
        public static byte[] Answer(string statusLine, string body, params string[] headers)
        {
            byte[] content = Encoding.UTF8.GetBytes(body);
            string head = statusLine + "\r\nContent-Length: " + content.Length + "\r\n";
            foreach (string header in headers)
            {
                head += header + "\r\n";
            }

            byte[] headBytes = Encoding.ASCII.GetBytes(head + "\r\n");
            byte[] all = new byte[headBytes.Length + content.Length];
            headBytes.CopyTo(all, 0);
            content.CopyTo(all, headBytes.Length);
            return all;
        }

        public void Dispose()
        {
            listener.Dispose();
            if (Errors.TryPeek(out Exception error))
            {
                throw new InvalidOperationException("the fault proxy failed", error);
            }
        }

        // On the listener's thread, so connections are numbered in the order they arrived.
        private void Accepted(Socket client)
        {
            int index = Interlocked.Increment(ref connections) - 1;
            new Thread(() => Serve(client, index)) { IsBackground = true }.Start();
        }

        private void Serve(Socket client, int index)
        {
            Socket server = null;
            try
            {
                client.NoDelay = true;
                ProxyFault fault = plan(index) ?? new ProxyFault();
                byte[] request = ReadHead(client, out byte[] requestRest);
                if (request == null)
                {
                    return;
                }

                string requestHead = Encoding.ASCII.GetString(request);
                Requests.Enqueue(requestHead);
                if (fault.Reply != null)
                {
                    Send(client, fault.Reply, 0, fault.Reply.Length);
                    return;
                }

                if (fault.Request != null)
                {
                    requestHead = fault.Request(requestHead);
                }

                server = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                server.Connect(IPAddress.Loopback, upstreamPort);
                byte[] forward = Encoding.ASCII.GetBytes(requestHead);
                server.Send(forward);
                if (requestRest.Length > 0)
                {
                    server.Send(requestRest);
                }

                byte[] reply = ReadHead(server, out byte[] bodyStart);
                if (reply == null)
                {
                    return;
                }

                string replyHead = Encoding.ASCII.GetString(reply);
                if (fault.Head != null)
                {
                    replyHead = fault.Head(replyHead);
                }

                byte[] head = Encoding.ASCII.GetBytes(replyHead);
                Send(client, head, 0, head.Length);
                Pump(server, client, bodyStart, fault);
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                // One side went away: that is what a proxy sees every day.
            }
            catch (Exception e)
            {
                Errors.Enqueue(e);
            }
            finally
            {
                server?.Dispose();
                client.Dispose();
            }
        }

        // Forwards the body with the fault applied; returns when it is over (server done, drop or stall ended).
        private void Pump(Socket server, Socket client, byte[] first, ProxyFault fault)
        {
            byte[] buffer = new byte[65536];
            long at = 0;
            byte[] pending = first;
            while (true)
            {
                int count;
                if (pending != null)
                {
                    count = pending.Length;
                    Array.Copy(pending, buffer, count);
                    pending = null;
                }
                else
                {
                    count = server.Receive(buffer);
                    if (count == 0)
                    {
                        return;
                    }
                }

                if (count == 0)
                {
                    continue;
                }

                Flip(buffer, count, at, fault.Flips);
                long limit = Limit(fault);
                int take = limit >= 0 && at + count > limit ? (int)(limit - at) : count;
                SendBody(client, buffer, take, fault);
                at += take;
                if (take < count || (limit >= 0 && at == limit))
                {
                    End(client, fault);
                    return;
                }
            }
        }

        private static long Limit(ProxyFault fault)
        {
            if (fault.DropAt >= 0)
            {
                return fault.DropAt;
            }

            return fault.StallAt;
        }

        private void End(Socket client, ProxyFault fault)
        {
            if (fault.DropAt >= 0)
            {
                if (fault.Reset)
                {
                    client.LingerState = new LingerOption(true, 0);
                }

                client.Close();
                return;
            }

            // A stall: keep the connection open and silent until the client gives up or the test ends.
            var sink = new byte[4096];
            client.ReceiveTimeout = 200;
            while (!listener.Stopping.IsCancellationRequested)
            {
                try
                {
                    if (client.Receive(sink) == 0)
                    {
                        return;
                    }
                }
                catch (SocketException e) when (e.SocketErrorCode == SocketError.TimedOut)
                {
                }
            }
        }

        private void SendBody(Socket client, byte[] buffer, int count, ProxyFault fault)
        {
            int piece = fault.Trickle > 0 ? fault.Trickle : count;
            for (int sent = 0; sent < count; sent += piece)
            {
                Send(client, buffer, sent, Math.Min(piece, count - sent));
                if (fault.Trickle > 0)
                {
                    Thread.Sleep(fault.TricklePause);
                }
            }
        }

        private void Send(Socket socket, byte[] data, int offset, int count)
        {
            while (count > 0)
            {
                int sent = socket.Send(data, offset, count, SocketFlags.None);
                Interlocked.Add(ref toClient, sent);
                offset += sent;
                count -= sent;
            }
        }

        private static void Flip(byte[] buffer, int count, long at, long[] flips)
        {
            if (flips == null)
            {
                return;
            }

            foreach (long flip in flips)
            {
                if (flip >= at && flip < at + count)
                {
                    buffer[flip - at] ^= 0x5A;
                }
            }
        }

        // Reads up to the end of a head (CRLF CRLF); returns the head and, in rest, what came after it. Null when the
        // peer closed first.
        private static byte[] ReadHead(Socket socket, out byte[] rest)
        {
            byte[] data = new byte[65536];
            int length = 0;
            rest = Array.Empty<byte>();
            while (true)
            {
                for (int i = 3; i < length; i++)
                {
                    if (data[i - 3] == '\r' && data[i - 2] == '\n' && data[i - 1] == '\r' && data[i] == '\n')
                    {
                        rest = data.AsSpan(i + 1, length - i - 1).ToArray();
                        return data.AsSpan(0, i + 1).ToArray();
                    }
                }

                if (length == data.Length)
                {
                    throw new InvalidOperationException("a head longer than 64 KiB");
                }

                int read = socket.Receive(data, length, data.Length - length, SocketFlags.None);
                if (read == 0)
                {
                    return null;
                }

                length += read;
            }
        }
    }
}
