using System;
using System.Collections.Generic;
using System.IO;
using System.Runtime.InteropServices;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// The server's only writer to fota.db: one thread, one connection, a bounded queue. Jobs that an answer
    /// depends on (binding a device, counting a download) are batched into one transaction and their callers
    /// resume only after it committed, so a binding is durable before the answer that depends on it, and many
    /// first requests cost one commit instead of one each. Bookkeeping (when a device was last seen, with which
    /// version) is coalesced per device and written with the next batch or within 200 ms. Waiting for SQLite's
    /// lock (an administration command writing) happens on this thread only, never on a request's.
    /// </summary>
    internal sealed class DatabaseWriter : IDisposable
    {
        private const int QueueLength = 4096;
        private const int BatchLimit = 512;
        private const int MaxPendingSeen = 100000;
        private const int SqliteFcntlHasMoved = 20;
        private static readonly TimeSpan Idle = TimeSpan.FromMilliseconds(200);
        private static readonly long MoveCheckTicks = 2000;

        private readonly FotaDatabase database;
        private readonly RequestLog log;
        private readonly Channel<IWriteJob> jobs;
        private readonly Thread thread;
        private readonly object seenGate = new object();
        private readonly SqliteConnection connection;
        private Dictionary<string, (string Time, string Version)> seen = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        private long droppedSeen;
        private long nextMoveCheck;
        private volatile string moved;

        public DatabaseWriter(FotaDatabase database, RequestLog log)
        {
            this.database = database;
            this.log = log;
            connection = database.OpenExisting();
            jobs = Channel.CreateBounded<IWriteJob>(new BoundedChannelOptions(QueueLength)
            {
                SingleReader = true,
                FullMode = BoundedChannelFullMode.Wait,
            });
            thread = new Thread(Loop) { IsBackground = true, Name = "fota.db writer" };
            thread.Start();
        }

        /// <summary>
        /// <c>null</c> while fota.db is the file the server opened; otherwise why not (deleted or replaced while
        /// serving). From then on every write is refused: it would go to a file nobody will ever open again.
        /// </summary>
        public string Moved
        {
            get { return moved; }
        }

        /// <summary>Queues <paramref name="work"/> (waiting asynchronously while the queue is full) and returns its result once committed.</summary>
        public async Task<T> RunAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancel)
        {
            var job = new WriteJob<T>(work);
            try
            {
                await jobs.Writer.WriteAsync(job, cancel).ConfigureAwait(false);
            }
            catch (ChannelClosedException)
            {
                throw new StorageException("the server is stopping");
            }

            return await job.Task.ConfigureAwait(false);
        }

        /// <summary>Queues <paramref name="work"/> without waiting for it; failures are logged.</summary>
        public void Post(string what, Action<SqliteConnection> work)
        {
            var job = new WriteJob<bool>(c =>
            {
                work(c);
                return true;
            });
            job.Task.ContinueWith(t => log.Write("could not " + what + ": " + Describe(t.Exception.InnerException)),
                TaskContinuationOptions.OnlyOnFaulted);
            if (!jobs.Writer.TryWrite(job))
            {
                log.Write("could not " + what + ": the write queue is full");
            }
        }

        /// <summary>Remembers that a device asked; written with the next batch, only the latest per device.</summary>
        public void NoteSeen(string imei, string time, string version)
        {
            lock (seenGate)
            {
                if (seen.Count >= MaxPendingSeen && !seen.ContainsKey(imei))
                {
                    droppedSeen++;
                    return;
                }

                seen[imei] = (time, version);
            }
        }

        /// <summary>Waits until everything queued so far is written (tests, health check, shutdown).</summary>
        public void Flush()
        {
            try
            {
                RunAsync(c => true, CancellationToken.None).Wait(TimeSpan.FromSeconds(30));
            }
            catch (AggregateException)
            {
                // Refused (fota.db gone) or failed: either way nothing queued before is waiting any more.
            }
        }

        /// <summary>Checks now whether fota.db is still the file this server opened.</summary>
        public string CheckMoved()
        {
            if (moved != null)
            {
                return moved;
            }

            string reason = null;
            if (!File.Exists(database.DatabasePath))
            {
                reason = database.DatabasePath + " was deleted while the server ran";
            }
            else if (!OperatingSystem.IsWindows() && HasMoved())
            {
                reason = database.DatabasePath + " was replaced by another file while the server ran";
            }

            if (reason != null)
            {
                moved = reason;
                log.Write(reason + ": writes are refused (503) and /healthz fails until the server is restarted; "
                    + "restore it from a backup ('fota backup') or accept a fresh database, then restart");
            }

            return moved;
        }

        /// <summary>Writes what is queued and stops the thread.</summary>
        public void Dispose()
        {
            jobs.Writer.TryComplete();
            thread.Join(TimeSpan.FromSeconds(30));
            connection.Dispose();
        }

        internal static string Describe(Exception e)
        {
            if (e is SqliteException sqlite)
            {
                // "SQLite Error 13: 'database or disk is full'." becomes "fota.db: database or disk is full (SQLite error 13)".
                string text = sqlite.Message.Replace("SQLite Error " + sqlite.SqliteErrorCode + ": ", "", StringComparison.Ordinal).TrimEnd('.').Trim('\'');
                return "fota.db: " + text + " (SQLite error " + sqlite.SqliteExtendedErrorCode + ")";
            }

            return e.Message;
        }

        private void Loop()
        {
            var batch = new List<IWriteJob>();
            Task<bool> waiting = null;
            while (true)
            {
                bool closed = false;
                if (!jobs.Reader.TryPeek(out _))
                {
                    // One outstanding wait, kept across rounds: a new one every 200 ms would pile up while idle.
                    waiting ??= jobs.Reader.WaitToReadAsync().AsTask();
                    if (waiting.Wait(Idle))
                    {
                        closed = !waiting.Result;
                        waiting = null;
                    }
                }

                while (batch.Count < BatchLimit && jobs.Reader.TryRead(out IWriteJob job))
                {
                    batch.Add(job);
                }

                Dictionary<string, (string Time, string Version)> noted = TakeSeen();
                if (Environment.TickCount64 >= nextMoveCheck)
                {
                    nextMoveCheck = Environment.TickCount64 + MoveCheckTicks;
                    Guard(() => CheckMoved());
                }

                if (batch.Count > 0 || noted != null)
                {
                    Guard(() => Write(batch, noted));
                    batch.Clear();
                }
                else if (closed)
                {
                    return;
                }
            }
        }

        private void Guard(Action action)
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                // The writer thread must outlive any one failure, or every later request would hang.
                log.Write("writer: " + e.GetType().Name + ": " + e.Message);
            }
        }

        private Dictionary<string, (string Time, string Version)> TakeSeen()
        {
            lock (seenGate)
            {
                if (droppedSeen > 0)
                {
                    log.Write(droppedSeen + " last-seen updates dropped: more than " + MaxPendingSeen + " devices waited to be recorded");
                    droppedSeen = 0;
                }

                if (seen.Count == 0)
                {
                    return null;
                }

                Dictionary<string, (string Time, string Version)> taken = seen;
                seen = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
                return taken;
            }
        }

        private void Write(List<IWriteJob> batch, Dictionary<string, (string Time, string Version)> noted)
        {
            if (moved != null)
            {
                var refused = new StorageException(moved);
                batch.ForEach(job => job.Failed(refused));
                return;
            }

            try
            {
                Transaction(() =>
                {
                    batch.ForEach(job => job.Execute(connection));
                    WriteSeen(noted);
                });
                batch.ForEach(job => job.Committed());
                return;
            }
            catch (Exception e) when (batch.Count + (noted == null ? 0 : 1) > 1)
            {
                // One job's failure (or a client that left) must not sink the others: write each alone.
                if (e is not OperationCanceledException)
                {
                    log.Write("a batch of " + batch.Count + " write(s) failed (" + Describe(e) + "); retrying one by one");
                }
            }
            catch (Exception e)
            {
                Fail(batch, noted, e);
                return;
            }

            foreach (IWriteJob job in batch)
            {
                try
                {
                    Transaction(() => job.Execute(connection));
                    job.Committed();
                }
                catch (Exception e)
                {
                    job.Failed(e);
                }
            }

            try
            {
                Transaction(() => WriteSeen(noted));
            }
            catch (Exception e)
            {
                Fail(new List<IWriteJob>(), noted, e);
            }
        }

        private void Fail(List<IWriteJob> batch, Dictionary<string, (string Time, string Version)> noted, Exception e)
        {
            batch.ForEach(job => job.Failed(e));
            if (noted != null)
            {
                log.Write("could not record when " + noted.Count + " device(s) were last seen: " + Describe(e));
            }
        }

        private void Transaction(Action body)
        {
            using SqliteTransaction transaction = connection.BeginTransaction();
            body();
            transaction.Commit();
        }

        private void WriteSeen(Dictionary<string, (string Time, string Version)> noted)
        {
            if (noted == null)
            {
                return;
            }

            using SqliteCommand update = Sql.Command(connection, "UPDATE devices SET last_seen = $now, last_version = $v WHERE imei = $imei;",
                ("$now", ""), ("$v", ""), ("$imei", ""));
            update.Prepare();
            foreach (KeyValuePair<string, (string Time, string Version)> device in noted)
            {
                update.Parameters["$now"].Value = device.Value.Time;
                update.Parameters["$v"].Value = device.Value.Version;
                update.Parameters["$imei"].Value = device.Key;
                update.ExecuteNonQuery();
            }
        }

        private bool HasMoved()
        {
            try
            {
                int result = 0;
                int status = sqlite3_file_control(connection.Handle.DangerousGetHandle(), "main\0"u8.ToArray(), SqliteFcntlHasMoved, ref result);
                return status == 0 && result != 0;
            }
            catch (Exception e) when (e is DllNotFoundException || e is EntryPointNotFoundException)
            {
                return false;
            }
        }

        [DllImport("e_sqlite3", CallingConvention = CallingConvention.Cdecl)]
        private static extern int sqlite3_file_control(IntPtr db, byte[] name, int op, ref int result);
    }
}
