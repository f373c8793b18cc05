using System;
using System.IO;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// The data folder: <c>fota.db</c> (SQLite) and <c>firmware/</c>. Opens connections and creates the schema.
    /// Rules that must hold under concurrency (one binding per device, one counter row per device, firmware and
    /// day) are UNIQUE constraints here, so they hold across requests, processes and restarts alike.
    /// </summary>
    internal sealed class FotaDatabase
    {
        public const string DatabaseFileName = "fota.db";
        public const string FirmwareFolderName = "firmware";

        private const int SchemaVersion = 2;

        private readonly string connectionString;
        private readonly string existingOnlyConnectionString;

        public FotaDatabase(string dataDirectory)
        {
            if (string.IsNullOrWhiteSpace(dataDirectory))
            {
                throw new ArgumentException("The data folder is missing.", nameof(dataDirectory));
            }

            DataDirectory = Path.GetFullPath(dataDirectory);
            FirmwareDirectory = Path.Combine(DataDirectory, FirmwareFolderName);
            Directory.CreateDirectory(FirmwareDirectory);

            connectionString = new SqliteConnectionStringBuilder
            {
                DataSource = Path.Combine(DataDirectory, DatabaseFileName),
                Mode = SqliteOpenMode.ReadWriteCreate,
                ForeignKeys = true,
                // Writers queue behind each other; 30 s is far more than any statement here takes.
                DefaultTimeout = 30,
                Pooling = true,
            }.ToString();

            // The server's own connections never create the file: if fota.db is deleted while it runs, a new
            // connection fails (and is answered 503) instead of quietly starting an empty database.
            existingOnlyConnectionString = new SqliteConnectionStringBuilder(connectionString)
            {
                Mode = SqliteOpenMode.ReadWrite,
                DefaultTimeout = 5,
            }.ToString();

            EnsureSchema();
        }

        public string DataDirectory { get; }

        public string FirmwareDirectory { get; }

        public string DatabasePath
        {
            get { return Path.Combine(DataDirectory, DatabaseFileName); }
        }

        public SqliteConnection Open()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return connection;
        }

        /// <summary>A connection to the existing fota.db that never creates it (the server's reads and its writer).</summary>
        public SqliteConnection OpenExisting()
        {
            var connection = new SqliteConnection(existingOnlyConnectionString);
            connection.Open();
            return connection;
        }

        /// <summary>
        /// Start-up check of the server: the data folder, the firmware folder and fota.db take a write. A folder
        /// that refuses writes (permissions, a read-only mount) is a <see cref="StorageException"/>; a full disk
        /// is returned as a warning, because every answer that needs no write can still be given.
        /// </summary>
        public string CheckWritable()
        {
            try
            {
                foreach (string folder in new[] { DataDirectory, FirmwareDirectory })
                {
                    string probe = Path.Combine(folder, ".fota-write-check-" + Environment.ProcessId);
                    File.WriteAllBytes(probe, new byte[] { 1 });
                    File.Delete(probe);
                }

                using SqliteConnection connection = OpenExisting();
                Sql.Execute(connection, "INSERT INTO server_health (id, checked) VALUES (1, $now) ON CONFLICT (id) DO UPDATE SET checked = excluded.checked;",
                    ("$now", Sql.Timestamp(DateTimeOffset.UtcNow)));
                return null;
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException || e is SqliteException)
            {
                string problem = e is SqliteException sqlite ? DatabaseWriter.Describe(sqlite) : e.Message;
                if (IsFull(e))
                {
                    return "the disk of " + DataDirectory + " is full (" + problem + "): answers that need a write get 503 until space is freed";
                }

                throw new StorageException("the data folder " + DataDirectory + " cannot be written (" + problem + "); the server "
                    + "records bindings and download counts there: check the folder's owner, permissions and mount", e);
            }
        }

        private bool IsFull(Exception e)
        {
            if (e is SqliteException sqlite && sqlite.SqliteErrorCode == 13)
            {
                return true;
            }

            try
            {
                return new DriveInfo(DataDirectory).AvailableFreeSpace < 64 * 1024;
            }
            catch (Exception)
            {
                return false;
            }
        }

        private void EnsureSchema()
        {
            using SqliteConnection connection = Open();

            // WAL lets the server read while an administration command writes; the setting is stored in the file.
            Sql.Execute(connection, "PRAGMA journal_mode=WAL;");

            using SqliteTransaction transaction = connection.BeginTransaction();
            long version = (long)Sql.Scalar(connection, "PRAGMA user_version;");
            if (version > SchemaVersion)
            {
                throw new InvalidOperationException(
                    "The database " + DatabaseFileName + " in " + DataDirectory + " was written by a newer fota (schema "
                    + version + ", this one knows " + SchemaVersion + ").");
            }

            if (version < SchemaVersion)
            {
                Sql.Execute(connection, @"
CREATE TABLE accounts (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL
);
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    name TEXT NOT NULL,
    project_key TEXT NOT NULL UNIQUE,
    created TEXT NOT NULL,
    UNIQUE (account_id, name)
);
CREATE TABLE firmware (
    id INTEGER PRIMARY KEY,
    project_id INTEGER NOT NULL REFERENCES projects(id),
    name TEXT NOT NULL,
    version TEXT NOT NULL,
    file TEXT NOT NULL UNIQUE,
    length INTEGER NOT NULL,
    sha256 TEXT NOT NULL,
    pending INTEGER NOT NULL DEFAULT 0,
    created TEXT NOT NULL
);
CREATE INDEX firmware_by_name ON firmware (project_id, name);
-- A device belongs to one account and, within it, to at most one project (none after 'device unbind').
CREATE TABLE devices (
    imei TEXT PRIMARY KEY,
    account_id INTEGER NOT NULL REFERENCES accounts(id),
    project_id INTEGER REFERENCES projects(id),
    banned INTEGER NOT NULL DEFAULT 0,
    first_seen TEXT NOT NULL,
    last_seen TEXT,
    last_version TEXT
);
-- Downloads started per device, firmware and UTC day, for the 'banned for looping' rule (code 40).
CREATE TABLE upgrade_counts (
    imei TEXT NOT NULL,
    firmware_id INTEGER NOT NULL REFERENCES firmware(id),
    day TEXT NOT NULL,
    count INTEGER NOT NULL,
    PRIMARY KEY (imei, firmware_id, day)
);
");
            }

            if (version < 2)
            {
                // Version 2: the device cap counts a project's devices; the health check writes one row.
                Sql.Execute(connection, @"
CREATE INDEX devices_by_project ON devices (project_id);
CREATE TABLE server_health (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    checked TEXT NOT NULL
);
PRAGMA user_version = 2;");
            }

            transaction.Commit();
        }
    }
}
