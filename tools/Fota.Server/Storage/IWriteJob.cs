using System;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>What <see cref="DatabaseWriter"/> does with a queued job, whatever its result type.</summary>
    internal interface IWriteJob
    {
        /// <summary>Runs the job's statements in the writer's open transaction.</summary>
        void Execute(SqliteConnection connection);

        /// <summary>The transaction committed: hand the result to the waiting request.</summary>
        void Committed();

        /// <summary>The job could not be written: the waiting request learns why.</summary>
        void Failed(Exception problem);
    }
}
