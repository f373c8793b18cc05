using System;

namespace Fota.Server
{
    /// <summary>
    /// Everything one running server holds besides Kestrel: the data folder, its reader pool and single writer,
    /// the log, the connection guard, the endpoints. Opened in dependency order, closed in reverse, so a stop
    /// writes every queued binding, count and log line before the files close.
    /// </summary>
    internal sealed class ServerParts : IDisposable
    {
        private ServerParts()
        {
        }

        public FotaDatabase Database { get; private set; }

        public FotaCatalog Catalog { get; private set; }

        public RequestLog Log { get; private set; }

        public DatabaseWriter Writer { get; private set; }

        public ReadSessions Readers { get; private set; }

        public ConnectionGuard Guard { get; private set; }

        public UpgradeEndpoint Endpoint { get; private set; }

        public HealthCheck Health { get; private set; }

        public string StartupWarning { get; private set; }

        public static ServerParts Open(FotaServerOptions options, int connections)
        {
            TimeProvider time = options.Time ?? TimeProvider.System;
            var parts = new ServerParts();
            try
            {
                parts.Log = options.LogFile != null
                    ? new RequestLog(OpenLogFile(options), true, time)
                    : new RequestLog(options.Log, false, time);
                parts.Database = OpenDatabase(options.DataDirectory);
                parts.StartupWarning = parts.Database.CheckWritable();
                if (parts.StartupWarning != null)
                {
                    parts.Log.Write(parts.StartupWarning);
                }

                parts.Catalog = new FotaCatalog(parts.Database, time);
                parts.Writer = new DatabaseWriter(parts.Database, parts.Log);
                parts.Readers = new ReadSessions(parts.Database);
                parts.Guard = new ConnectionGuard(connections, TimeSpan.FromSeconds(options.IdleSeconds), parts.Log);
                var decider = new UpgradeDecider(parts.Database, parts.Readers, parts.Writer, options, time);
                parts.Endpoint = new UpgradeEndpoint(decider, parts.Log);
                parts.Health = new HealthCheck(parts.Database, parts.Writer, parts.Log);
                return parts;
            }
            catch
            {
                parts.Dispose();
                throw;
            }
        }

        public void Dispose()
        {
            Readers?.Dispose();
            Writer?.Dispose();
            Log?.Dispose();
        }

        private static LogFile OpenLogFile(FotaServerOptions options)
        {
            try
            {
                return new LogFile(options.LogFile, options.LogFileMaxBytes, options.LogFilesKept);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is ArgumentException)
            {
                throw new StorageException("the log file " + options.LogFile + " cannot be written: " + e.Message, e);
            }
        }

        private static FotaDatabase OpenDatabase(string dataDirectory)
        {
            try
            {
                return new FotaDatabase(dataDirectory);
            }
            catch (Exception e) when (e is System.IO.IOException || e is UnauthorizedAccessException || e is Microsoft.Data.Sqlite.SqliteException)
            {
                string problem = e is Microsoft.Data.Sqlite.SqliteException sqlite ? DatabaseWriter.Describe(sqlite) : e.Message;
                throw new StorageException("the data folder " + System.IO.Path.GetFullPath(dataDirectory) + " cannot be opened for writing ("
                    + problem + "); check the folder's owner, permissions and mount", e);
            }
        }
    }
}
