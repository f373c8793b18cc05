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

        private const int SchemaVersion = 1;

        private readonly string connectionString;

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

            EnsureSchema();
        }

        public string DataDirectory { get; }

        public string FirmwareDirectory { get; }

        public SqliteConnection Open()
        {
            var connection = new SqliteConnection(connectionString);
            connection.Open();
            return connection;
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
PRAGMA user_version = 1;");
            }

            transaction.Commit();
        }
    }
}
