using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;

namespace Fota.Server
{
    /// <summary>
    /// Keeps the number of open connections at or below a limit without letting idle ones lock everybody out.
    /// When a connection arrives at the limit, the connection that has been idle longest (connected but not in the
    /// middle of a request: a flood of silent sockets, a slow sender of headers, a kept-alive client) is closed to
    /// make room, as nginx reuses its idle connections; only when every connection is busy with a request is the
    /// new one closed at once. Either way the process keeps its file descriptors and goes on answering.
    /// </summary>
    internal sealed class ConnectionGuard
    {
        private readonly int limit;
        private readonly RequestLog log;
        private readonly object gate = new object();
        private readonly ConcurrentDictionary<string, Tracked> live = new ConcurrentDictionary<string, Tracked>(StringComparer.Ordinal);
        private long evicted;
        private long refused;
        private long lastReport;

        public ConnectionGuard(int limit, RequestLog log)
        {
            this.limit = limit;
            this.log = log;
        }

        /// <summary>The most connections open at once.</summary>
        public int Limit
        {
            get { return limit; }
        }

        /// <summary>Connections open now.</summary>
        public int Count
        {
            get { return live.Count; }
        }

        /// <summary>Connection middleware for Kestrel's <c>ListenOptions.Use</c>.</summary>
        public ConnectionDelegate Middleware(ConnectionDelegate next)
        {
            return async connection =>
            {
                var tracked = new Tracked(connection);
                if (!Admit(tracked))
                {
                    connection.Abort(new ConnectionAbortedException("connection limit reached and every connection is busy"));
                    return;
                }

                try
                {
                    await next(connection);
                }
                finally
                {
                    live.TryRemove(connection.ConnectionId, out _);
                }
            };
        }

        /// <summary>A request began on the connection: it is busy and must not be closed to make room.</summary>
        public void RequestStarted(string connectionId)
        {
            if (live.TryGetValue(connectionId, out Tracked tracked))
            {
                Interlocked.Increment(ref tracked.Busy);
            }
        }

        /// <summary>The request ended: the connection is idle again (kept alive) from now.</summary>
        public void RequestEnded(string connectionId)
        {
            if (live.TryGetValue(connectionId, out Tracked tracked))
            {
                tracked.IdleSince = Environment.TickCount64;
                Interlocked.Decrement(ref tracked.Busy);
            }
        }

        private bool Admit(Tracked tracked)
        {
            Tracked victim = null;
            lock (gate)
            {
                if (live.Count >= limit)
                {
                    foreach (Tracked candidate in live.Values)
                    {
                        if (Volatile.Read(ref candidate.Busy) == 0 && (victim == null || candidate.IdleSince < victim.IdleSince))
                        {
                            victim = candidate;
                        }
                    }

                    if (victim == null)
                    {
                        Report(ref refused);
                        return false;
                    }

                    live.TryRemove(victim.Connection.ConnectionId, out _);
                }

                live[tracked.Connection.ConnectionId] = tracked;
            }

            if (victim != null)
            {
                victim.Connection.Abort(new ConnectionAbortedException("closed to make room: idle while the connection limit was reached"));
                Report(ref evicted);
            }

            return true;
        }

        /// <summary>Logs at most one line per 10 s about closed connections, so a flood cannot flood the log.</summary>
        private void Report(ref long counter)
        {
            Interlocked.Increment(ref counter);
            long now = Environment.TickCount64;
            long last = Interlocked.Read(ref lastReport);
            if (now - last >= 10000 && Interlocked.CompareExchange(ref lastReport, now, last) == last)
            {
                log.Write("connection limit " + limit + " reached: " + Interlocked.Exchange(ref evicted, 0) + " idle connection(s) closed to make room, "
                    + Interlocked.Exchange(ref refused, 0) + " new connection(s) refused because every connection was busy (counts since the last such line)");
            }
        }

        private sealed class Tracked
        {
            public Tracked(ConnectionContext connection)
            {
                Connection = connection;
                IdleSince = Environment.TickCount64;
            }

            public ConnectionContext Connection { get; }

            public long IdleSince;

            public int Busy;
        }
    }
}
