using System;
using System.Collections.Generic;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// One read connection with the upgrade path's two queries prepared once, so a request costs two statement
    /// executions and no parsing of SQL. Sessions are pooled by <see cref="ReadSessions"/>; a session is used by
    /// one request at a time.
    /// </summary>
    internal sealed class ReadSession : IDisposable
    {
        private readonly SqliteConnection connection;
        private readonly SqliteCommand owner;
        private readonly SqliteCommand firmware;

        public ReadSession(FotaDatabase database)
        {
            connection = database.OpenExisting();
            owner = Sql.Command(connection, @"SELECT p.id, p.account_id, d.account_id, d.project_id, d.banned
FROM projects p LEFT JOIN devices d ON d.imei = $imei
WHERE p.project_key = $k;", ("$imei", ""), ("$k", ""));
            owner.Prepare();
            firmware = Sql.Command(connection,
                "SELECT id, version, file, length, sha256, pending, created FROM firmware WHERE project_id = $p AND name = $n ORDER BY id;",
                ("$p", 0L), ("$n", ""));
            firmware.Prepare();
        }

        /// <summary>The key's project and the device's row, if any; <c>false</c> when no project has the key.</summary>
        public bool ReadOwner(string projectKey, string imei, out long projectId, out long accountId, out DeviceRow device)
        {
            owner.Parameters["$imei"].Value = imei;
            owner.Parameters["$k"].Value = projectKey;
            using SqliteDataReader reader = owner.ExecuteReader();
            projectId = 0;
            accountId = 0;
            device = null;
            if (!reader.Read())
            {
                return false;
            }

            projectId = reader.GetInt64(0);
            accountId = reader.GetInt64(1);
            if (!reader.IsDBNull(2))
            {
                device = new DeviceRow(reader.GetInt64(2), reader.IsDBNull(3) ? null : reader.GetInt64(3), reader.GetInt64(4) != 0);
            }

            return true;
        }

        /// <summary>Every entry of a firmware name in a project, in upload order.</summary>
        public List<FirmwareRow> ReadFirmware(long projectId, string name)
        {
            firmware.Parameters["$p"].Value = projectId;
            firmware.Parameters["$n"].Value = name;
            var entries = new List<FirmwareRow>(2);
            using SqliteDataReader reader = firmware.ExecuteReader();
            while (reader.Read())
            {
                entries.Add(new FirmwareRow(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                    reader.GetString(4), reader.GetInt64(5) != 0, Sql.ParseTimestamp(reader.GetString(6))));
            }

            return entries;
        }

        public void Dispose()
        {
            owner.Dispose();
            firmware.Dispose();
            connection.Dispose();
        }
    }
}
