using System;
using System.Collections.Concurrent;
using System.IO.Pipelines;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;

namespace Fota.Server
{
    /// <summary>
    /// Keeps the number of open connections at or below a limit without letting idle ones lock everybody out.
    /// When a connection arrives at the limit, one that is not in the middle of a request is closed to make room,
    /// as nginx reuses its idle connections: first the oldest connection that has not sent a single byte (a flood
    /// of silent sockets), else the one heard from longest ago (a slow sender of headers, a kept-alive client).
    /// A client that has sent its request is thus never closed for a silent socket. When every connection is busy
    /// with a request, <see cref="GuardedTransport"/> accepts nothing until one ends: newcomers wait in the
    /// kernel's backlog. Either way the process keeps its file descriptors and goes on answering. A connection
    /// that sends nothing within the idle time is closed here too.
    /// </summary>
    internal sealed class ConnectionGuard
    {
        private readonly int limit;
        private readonly RequestLog log;
        private readonly object gate = new object();
        private readonly ConcurrentDictionary<string, Tracked> live = new ConcurrentDictionary<string, Tracked>(StringComparer.Ordinal);
        private readonly SemaphoreSlim room;
        private readonly TimeSpan idle;
        private long evicted;
        private long refused;
        private long lastReport;

        public ConnectionGuard(int limit, TimeSpan idle, RequestLog log)
        {
            this.limit = limit;
            this.idle = idle;
            this.log = log;
            room = new SemaphoreSlim(limit, limit);
        }

        /// <summary>The most connections open at once.</summary>
        public int Limit
        {
            get { return limit; }
        }

        /// <summary>Connection middleware for Kestrel's <c>ListenOptions.Use</c>.</summary>
        public ConnectionDelegate Middleware(ConnectionDelegate next)
        {
            return async connection =>
            {
                // Room was taken by GuardedTransport before the accept; it is given back when the connection ends.
                var tracked = new Tracked(connection);
                live[connection.ConnectionId] = tracked;
                try
                {
                    if (await FirstBytesAsync(connection))
                    {
                        tracked.Heard = Environment.TickCount64;
                        await next(connection);
                    }
                }
                finally
                {
                    live.TryRemove(connection.ConnectionId, out _);
                    room.Release();
                }
            };
        }

        /// <summary>
        /// Returns once a connection may be accepted: at once below the limit; at the limit after closing the
        /// oldest silent or idle connection; when every connection is busy, once one ends (new connections wait in
        /// the kernel's backlog meanwhile).
        /// </summary>
        public async Task WaitForRoomAsync(CancellationToken cancel)
        {
            bool waited = false;
            while (!room.Wait(0))
            {
                Tracked victim;
                lock (gate)
                {
                    victim = ChooseVictim();
                    if (victim != null)
                    {
                        // Taken out now, so the next round picks another one.
                        live.TryRemove(victim.Connection.ConnectionId, out _);
                    }
                }

                if (victim != null)
                {
                    victim.Connection.Abort(new ConnectionAbortedException("closed to make room: idle while the connection limit was reached"));
                    Report(ref evicted);
                }
                else if (!waited)
                {
                    waited = true;
                    Report(ref refused);
                }

                // Connections just accepted become candidates once their first bytes are awaited: look again soon.
                if (await room.WaitAsync(TimeSpan.FromMilliseconds(50), cancel))
                {
                    return;
                }
            }
        }

        /// <summary>Gives back the room taken for an accept that brought no connection.</summary>
        public void GiveBackRoom()
        {
            room.Release();
        }

        /// <summary>
        /// Waits for the connection's first bytes and leaves them unread for HTTP (a peek); <c>false</c> when the
        /// client closed or sent nothing within the idle time (the connection is then closed).
        /// </summary>
        private async Task<bool> FirstBytesAsync(ConnectionContext connection)
        {
            using var silence = new CancellationTokenSource(idle);
            try
            {
                ReadResult first = await connection.Transport.Input.ReadAsync(silence.Token);
                connection.Transport.Input.AdvanceTo(first.Buffer.Start, first.Buffer.Start);
                return !first.Buffer.IsEmpty;
            }
            catch (OperationCanceledException)
            {
                return false;
            }
            catch (Exception e) when (e is ConnectionAbortedException || e is System.IO.IOException || e is InvalidOperationException)
            {
                return false;
            }
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
                tracked.Heard = Environment.TickCount64;
                Interlocked.Decrement(ref tracked.Busy);
            }
        }

        /// <summary>The oldest silent connection, else the idle one heard from longest ago; <c>null</c> when all are busy.</summary>
        private Tracked ChooseVictim()
        {
            Tracked silent = null;
            Tracked quiet = null;
            foreach (Tracked candidate in live.Values)
            {
                if (Volatile.Read(ref candidate.Busy) != 0)
                {
                    continue;
                }

                long heard = Volatile.Read(ref candidate.Heard);
                if (heard == 0)
                {
                    if (silent == null || candidate.Accepted < silent.Accepted)
                    {
                        silent = candidate;
                    }
                }
                else if (quiet == null || heard < Volatile.Read(ref quiet.Heard))
                {
                    quiet = candidate;
                }
            }

            return silent ?? quiet;
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
                    + Interlocked.Exchange(ref refused, 0) + " time(s) new connections waited because every connection was busy (counts since the last such line)");
            }
        }

        private sealed class Tracked
        {
            public Tracked(ConnectionContext connection)
            {
                Connection = connection;
                Accepted = Environment.TickCount64;
            }

            public ConnectionContext Connection { get; }

            public long Accepted { get; }

            /// <summary>When the client was last heard from (first bytes, end of a request); 0 while it has sent nothing.</summary>
            public long Heard;

            public int Busy;
        }
    }
}
