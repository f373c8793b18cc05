using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// A real TCP server on 127.0.0.1 that reads each request head and then plays a script on the socket:
    /// well-formed replies, truncated bodies, stalls, resets. For the paths a well-behaved server never takes.
    /// </summary>
    public sealed class ScriptedServer : IDisposable
    {
        private readonly LoopbackListener listener;
        private readonly Action<ScriptedConnection> script;
        private readonly bool readsHead;

        /// <param name="script">What the server does on each connection.</param>
        /// <param name="readsHead">
        /// <c>true</c> to read the HTTP request head before the script runs; <c>false</c> for peers that are not HTTP.
        /// </param>
        public ScriptedServer(Action<ScriptedConnection> script, bool readsHead = true)
        {
            this.script = script;
            this.readsHead = readsHead;
            listener = new LoopbackListener("scripted-server", socket => new Thread(() => Serve(socket)) { IsBackground = true }.Start());
        }

        public int Port => listener.Port;

        /// <summary>Request heads received, in order.</summary>
        public ConcurrentQueue<string> Requests { get; } = new ConcurrentQueue<string>();

        /// <summary>Exceptions thrown by the script itself (bugs in the test, not in the client).</summary>
        public ConcurrentQueue<Exception> ScriptErrors { get; } = new ConcurrentQueue<Exception>();

        public string BaseUrl => "http://127.0.0.1:" + Port + "/api/site/firmware_upgrade";

        public CancellationToken Stopping => listener.Stopping;

        /// <summary>A port on loopback where nothing listens (bound, then released).</summary>
        public static int UnusedPort()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            return port;
        }

        /// <summary>A complete reply with Content-Length.</summary>
        public static byte[] Reply(int status, byte[] body, params string[] headers)
        {
            string head = "HTTP/1.1 " + status + " Reason\r\n" + "Content-Length: " + body.Length + "\r\n";
            foreach (string header in headers)
            {
                head += header + "\r\n";
            }

            return Concat(Encoding.ASCII.GetBytes(head + "\r\n"), body);
        }

        public static byte[] Reply(int status, string body, params string[] headers)
        {
            return Reply(status, Encoding.UTF8.GetBytes(body), headers);
        }

        public static byte[] Concat(params byte[][] parts)
        {
            int length = 0;
            foreach (byte[] part in parts)
            {
                length += part.Length;
            }

            byte[] all = new byte[length];
            int at = 0;
            foreach (byte[] part in parts)
            {
                Buffer.BlockCopy(part, 0, all, at, part.Length);
                at += part.Length;
            }

            return all;
        }

        public void Dispose()
        {
            listener.Dispose();
            if (ScriptErrors.TryPeek(out Exception error))
            {
                throw new InvalidOperationException("the server script failed", error);
            }
        }

        private void Serve(Socket socket)
        {
            var connection = new ScriptedConnection(socket, listener.Stopping);
            try
            {
                if (readsHead)
                {
                    Requests.Enqueue(connection.ReadRequestHead());
                }

                script(connection);
            }
            catch (SocketException)
            {
                // The client went away; the test judges what the client reported.
            }
            catch (ObjectDisposedException)
            {
            }
            catch (Exception e)
            {
                // A broken script must fail its test, not crash the test host from a background thread.
                ScriptErrors.Enqueue(e);
            }
            finally
            {
                connection.Close();
            }
        }
    }
}
