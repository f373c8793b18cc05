using System;
using System.Collections.Generic;
using System.Globalization;
using Fota.Client;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// The platform's rules for one well-formed request (protocol.md §2–3), in the order they are checked:
    /// <list type="number">
    /// <item>unknown project key: 25 (HTTP 404);</item>
    /// <item>an unknown device id is registered in the key's account and bound to its project — one INSERT guarded
    /// by the device id's UNIQUE constraint, so of many concurrent first requests exactly one binds;</item>
    /// <item>banned device: 21 (403);</item>
    /// <item>a device without a project (after <c>device unbind</c>) is bound to the key's project when that is in
    /// its account, else refused with 17 "no permission" (403): the device and the project are not under one account;</item>
    /// <item>a device bound to another project: 25 (403), whether that project is in the same account (key mismatch)
    /// or another (the device belongs to another account) — the FAQ's reading of 25;</item>
    /// <item>firmware name not in the project: 26 (404);</item>
    /// <item>newest entry of that name not newer than the device's version (<see cref="FotaVersion.IsNewer"/>, middle
    /// segment ignored): 27 (409);</item>
    /// <item>newest entry still being prepared: 43 (503, Retry-After);</item>
    /// <item>otherwise the newest entry is served; <see cref="CountDownload"/> then applies the daily limit (40).</item>
    /// </list>
    /// </summary>
    internal sealed class UpgradeDecider
    {
        private readonly FotaDatabase database;
        private readonly FotaServerOptions options;
        private readonly TimeProvider time;

        public UpgradeDecider(FotaDatabase database, FotaServerOptions options, TimeProvider time)
        {
            this.database = database;
            this.options = options;
            this.time = time;
        }

        public UpgradeDecision Decide(UpgradeRequest request)
        {
            string now = Sql.Timestamp(time.GetUtcNow());
            using SqliteConnection connection = database.Open();

            if (!FindProject(connection, request.ProjectKey, out long projectId, out long accountId))
            {
                return Refuse(404, PlatformCodes.InvalidProject, "no project has this project_key");
            }

            Sql.Execute(connection, @"INSERT INTO devices (imei, account_id, project_id, first_seen)
VALUES ($imei, $a, $p, $now) ON CONFLICT (imei) DO NOTHING;",
                ("$imei", request.Imei), ("$a", accountId), ("$p", projectId), ("$now", now));
            ReadDevice(connection, request.Imei, out long deviceAccount, out long? deviceProject, out bool banned);

            if (banned)
            {
                return Refuse(403, PlatformCodes.UpgradeNotAllowed, "this device is banned on this server");
            }

            if (deviceProject == null)
            {
                if (deviceAccount != accountId)
                {
                    return Refuse(403, PlatformCodes.NoPermission,
                        "this device is registered in another account and the project_key belongs to a project outside it");
                }

                // Only the first of concurrent requests fills the empty slot; the others then see its project.
                Sql.Execute(connection, "UPDATE devices SET project_id = $p WHERE imei = $imei AND project_id IS NULL;",
                    ("$p", projectId), ("$imei", request.Imei));
                ReadDevice(connection, request.Imei, out deviceAccount, out deviceProject, out banned);
            }

            if (deviceProject != projectId)
            {
                return Refuse(403, PlatformCodes.InvalidProject, deviceAccount == accountId
                    ? "this device is bound to another project of this account; the project_key does not match it"
                    : "this device belongs to a project of another account");
            }

            Sql.Execute(connection, "UPDATE devices SET last_seen = $now, last_version = $v WHERE imei = $imei;",
                ("$now", now), ("$v", request.Version), ("$imei", request.Imei));

            return ChooseFirmware(connection, projectId, request);
        }

        /// <summary>
        /// Counts a download that starts at byte 0 and returns the 40 refusal (HTTP 429) once the device has started
        /// the same firmware more than <see cref="FotaServerOptions.MaxUpgradesPerDay"/> times this UTC day.
        /// </summary>
        public Refusal CountDownload(string imei, long firmwareId)
        {
            DateTimeOffset now = time.GetUtcNow();
            string day = now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            using SqliteConnection connection = database.Open();
            long count = (long)Sql.Scalar(connection, @"INSERT INTO upgrade_counts (imei, firmware_id, day, count)
VALUES ($imei, $f, $day, 1)
ON CONFLICT (imei, firmware_id, day) DO UPDATE SET count = count + 1
RETURNING count;", ("$imei", imei), ("$f", firmwareId), ("$day", day));

            if (count == 1)
            {
                // Yesterday's counts can go; doing it here keeps the table small without a background job.
                Sql.Execute(connection, "DELETE FROM upgrade_counts WHERE day < $day;", ("$day", day));
            }

            if (count <= options.MaxUpgradesPerDay)
            {
                return null;
            }

            DateTimeOffset midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            int wait = Math.Max(1, (int)Math.Ceiling((midnight - now).TotalSeconds));
            return new Refusal(429, PlatformCodes.BannedForLooping,
                "this device started this download " + count + " times today (limit " + options.MaxUpgradesPerDay
                + " a day); ask at start-up and every few hours, not in a loop", wait);
        }

        private UpgradeDecision ChooseFirmware(SqliteConnection connection, long projectId, UpgradeRequest request)
        {
            var entries = new List<(long Id, string Version, string File, long Length, string Sha256, bool Pending)>();
            using (SqliteCommand command = Sql.Command(connection,
                "SELECT id, version, file, length, sha256, pending FROM firmware WHERE project_id = $p AND name = $n ORDER BY id;",
                ("$p", projectId), ("$n", request.FirmwareName)))
            using (SqliteDataReader reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    entries.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3),
                        reader.GetString(4), reader.GetInt64(5) != 0));
                }
            }

            if (entries.Count == 0)
            {
                return Refuse(404, PlatformCodes.InvalidFirmware,
                    "this project has no firmware named '" + request.FirmwareName + "' (the name typed at upload, not the file name)");
            }

            var newest = entries[0];
            foreach (var entry in entries)
            {
                if (FotaVersion.IsNewer(entry.Version, newest.Version))
                {
                    newest = entry;
                }
            }

            if (!FotaVersion.IsNewer(newest.Version, request.Version))
            {
                return Refuse(409, PlatformCodes.AlreadyLatest, "the device sent " + request.Version + "; the newest '"
                    + request.FirmwareName + "' is " + newest.Version + " (the middle segment is not compared)");
            }

            if (newest.Pending)
            {
                return UpgradeDecision.Refuse(new Refusal(503, PlatformCodes.PleaseWait, "'" + request.FirmwareName + "' "
                    + newest.Version + " is being prepared; retry in a few minutes", options.PleaseWaitSeconds));
            }

            return UpgradeDecision.Serve(new ServedFirmware(newest.Id, request.FirmwareName, newest.Version,
                FirmwareFiles.PathOf(database.FirmwareDirectory, newest.File), newest.Length, newest.Sha256));
        }

        private static UpgradeDecision Refuse(int status, int code, string reason)
        {
            return UpgradeDecision.Refuse(new Refusal(status, code, reason));
        }

        private static bool FindProject(SqliteConnection connection, string key, out long projectId, out long accountId)
        {
            using SqliteCommand command = Sql.Command(connection, "SELECT id, account_id FROM projects WHERE project_key = $k;", ("$k", key));
            using SqliteDataReader reader = command.ExecuteReader();
            bool found = reader.Read();
            projectId = found ? reader.GetInt64(0) : 0;
            accountId = found ? reader.GetInt64(1) : 0;
            return found;
        }

        private static void ReadDevice(SqliteConnection connection, string imei, out long accountId, out long? projectId, out bool banned)
        {
            using SqliteCommand command = Sql.Command(connection, "SELECT account_id, project_id, banned FROM devices WHERE imei = $imei;", ("$imei", imei));
            using SqliteDataReader reader = command.ExecuteReader();
            if (!reader.Read())
            {
                throw new InvalidOperationException("Device '" + imei + "' vanished while its request was handled.");
            }

            accountId = reader.GetInt64(0);
            projectId = reader.IsDBNull(1) ? null : reader.GetInt64(1);
            banned = reader.GetInt64(2) != 0;
        }
    }
}
