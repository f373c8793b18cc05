using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Fota.Server
{
    /// <summary>
    /// A small pool of <see cref="ReadSession"/>s: at most a few per processor, so the server's open files stay
    /// bounded however many requests run (each SQLite connection holds file descriptors). Reads take
    /// microseconds, so a request that finds every session busy waits asynchronously for the next free one.
    /// A session whose query failed is closed rather than returned, so a broken connection is not reused.
    /// </summary>
    internal sealed class ReadSessions : IDisposable
    {
        private readonly FotaDatabase database;
        private readonly ConcurrentBag<ReadSession> idle = new ConcurrentBag<ReadSession>();
        private readonly SemaphoreSlim slots;

        public ReadSessions(FotaDatabase database)
        {
            this.database = database;
            Size = Math.Max(4, 2 * Environment.ProcessorCount);
            slots = new SemaphoreSlim(Size, Size);
        }

        /// <summary>How many sessions may be open at once.</summary>
        public int Size { get; }

        /// <summary>Runs <paramref name="read"/> with a session.</summary>
        public async ValueTask<T> ReadAsync<T>(Func<ReadSession, T> read, CancellationToken cancel)
        {
            if (!slots.Wait(0))
            {
                await slots.WaitAsync(cancel).ConfigureAwait(false);
            }

            ReadSession session = null;
            try
            {
                if (!idle.TryTake(out session))
                {
                    session = new ReadSession(database);
                }

                T result = read(session);
                idle.Add(session);
                session = null;
                return result;
            }
            finally
            {
                session?.Dispose();
                slots.Release();
            }
        }

        public void Dispose()
        {
            while (idle.TryTake(out ReadSession session))
            {
                session.Dispose();
            }
        }
    }
}
