using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// A TCP listener on a free port of 127.0.0.1 whose accept loop runs on a background thread and hands each accepted
    /// socket, in order, to <c>accepted</c> on that thread (which serves it there or starts a thread of its own).
    /// Disposing it stops the loop quietly, however the listener's stop meets a waiting accept. The test servers
    /// (ScriptedServer, FaultProxy, TlsServer) are built on it.
    /// </summary>
    public sealed class LoopbackListener : IDisposable
    {
        private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
        private readonly CancellationTokenSource stop = new CancellationTokenSource();
        private readonly Action<Socket> accepted;
        private readonly Thread acceptor;

        public LoopbackListener(string name, Action<Socket> accepted)
        {
            this.accepted = accepted;
            listener.Start();
            Port = ((IPEndPoint)listener.LocalEndpoint).Port;
            acceptor = new Thread(Accept) { IsBackground = true, Name = name };
            acceptor.Start();
        }

        public int Port { get; }

        /// <summary>Cancelled when disposing begins, for connections that should end with the server.</summary>
        public CancellationToken Stopping => stop.Token;

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            acceptor.Join(5000);
        }

        private void Accept()
        {
            while (!stop.IsCancellationRequested)
            {
                Socket socket;
                try
                {
                    socket = listener.AcceptSocket();
                }
                catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is InvalidOperationException)
                {
                    // Stopped. InvalidOperationException ("Not listening") comes when Dispose stops the listener between
                    // the loop's check and AcceptSocket; unhandled on this thread it would crash the whole test host.
                    return;
                }

                accepted(socket);
            }
        }
    }
}
