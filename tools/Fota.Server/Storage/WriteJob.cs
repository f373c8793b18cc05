using System;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// One piece of work for <see cref="DatabaseWriter"/>: runs inside the writer's transaction, and its caller
    /// learns the result only after that transaction committed, so an answer never depends on a write that
    /// could still be lost. <see cref="Execute"/> may run twice (a failed batch is retried job by job), so it
    /// only touches the database and its own result.
    /// </summary>
    internal sealed class WriteJob<T> : IWriteJob
    {
        private readonly Func<SqliteConnection, T> work;
        private readonly TaskCompletionSource<T> done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        private T result;

        public WriteJob(Func<SqliteConnection, T> work)
        {
            this.work = work;
        }

        public Task<T> Task
        {
            get { return done.Task; }
        }

        public void Execute(SqliteConnection connection)
        {
            result = work(connection);
        }

        public void Committed()
        {
            done.TrySetResult(result);
        }

        public void Failed(Exception problem)
        {
            done.TrySetException(problem);
        }
    }
}
