using System;
using System.Threading;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// Hands out <see cref="MemoryConnection"/>s (one per attempt) and records what the client asked for. It can fail like a
    /// network does, and it can hold the request inside <see cref="Open"/> until a test lets it go.
    /// </summary>
    public class MemoryConnector : IConnector
    {
        private readonly MemoryConnection[] _connections;

        /// <summary>Creates a connector that opens <paramref name="connection"/>.</summary>
        public MemoryConnector(MemoryConnection connection)
            : this(new MemoryConnection[] { connection })
        {
        }

        /// <summary>Creates a connector that opens <paramref name="connections"/> one after the other (the last again and again).</summary>
        public MemoryConnector(MemoryConnection[] connections)
        {
            _connections = connections;
            Port = -1;
        }

        /// <summary>When set, <see cref="Open"/> throws it instead of connecting.</summary>
        public Exception Failure { get; set; }

        /// <summary>When set, <see cref="Open"/> waits for it (at most 10 s) before connecting.</summary>
        public ManualResetEvent Gate { get; set; }

        /// <summary>Set as soon as <see cref="Open"/> is entered.</summary>
        public ManualResetEvent Entered { get; } = new ManualResetEvent(false);

        /// <summary>How many times <see cref="Open"/> was called.</summary>
        public int OpenCount { get; private set; }

        /// <summary>The host of the last <see cref="Open"/>.</summary>
        public string Host { get; private set; }

        /// <summary>The port of the last <see cref="Open"/>, or -1.</summary>
        public int Port { get; private set; }

        /// <summary>Whether the last <see cref="Open"/> asked for TLS.</summary>
        public bool Secure { get; private set; }

        /// <summary>The timeout of the last <see cref="Open"/>.</summary>
        public int TimeoutMilliseconds { get; private set; }

        /// <summary>The thread that called <see cref="Open"/> last.</summary>
        public int ThreadId { get; private set; }

        /// <summary>Records the call, then fails, waits or connects as configured.</summary>
        public IConnection Open(string host, int port, bool secure, FotaOptions options, int timeoutMilliseconds)
        {
            OpenCount++;
            Host = host;
            Port = port;
            Secure = secure;
            TimeoutMilliseconds = timeoutMilliseconds;
            ThreadId = Thread.CurrentThread.ManagedThreadId;
            Entered.Set();
            if (Gate != null)
            {
                Gate.WaitOne(10000, false);
            }

            if (Failure != null)
            {
                throw Failure;
            }

            return _connections[OpenCount - 1 < _connections.Length ? OpenCount - 1 : _connections.Length - 1];
        }
    }
}
