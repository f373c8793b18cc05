using System;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using Fota.Client;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// The platform's rules for one well-formed request (protocol.md §2–3), in the order they are checked:
    /// <list type="number">
    /// <item>unknown project key: 25 (HTTP 404);</item>
    /// <item>an unknown device id is registered in the key's account and bound to its project — by the one
    /// <see cref="DatabaseWriter"/>, checked again inside its transaction and guarded by the device id's UNIQUE
    /// constraint, so of many concurrent first requests exactly one binds; a project already holding
    /// <see cref="FotaServerOptions.MaxDevicesPerProject"/> devices takes no new one (91, HTTP 403);</item>
    /// <item>banned device: 21 (403);</item>
    /// <item>a device without a project (after <c>device unbind</c>) is bound to the key's project when that is in
    /// its account, else refused with 17 "no permission" (403): the device and the project are not under one account;</item>
    /// <item>a device bound to another project: 25 (403), whether that project is in the same account (key mismatch)
    /// or another (the device belongs to another account) — the FAQ's reading of 25;</item>
    /// <item>firmware name not in the project: 26 (404);</item>
    /// <item>newest entry of that name not newer than the device's version (<see cref="FotaVersion.IsNewer"/>, middle
    /// segment ignored): 27 (409);</item>
    /// <item>newest entry still being prepared: 43 (503, Retry-After);</item>
    /// <item>otherwise the newest entry is served; <see cref="ReserveDownloadAsync"/> then applies the daily limit (40).</item>
    /// </list>
    /// A request of a known, bound device reads only; when it was last seen is written later, coalesced.
    /// </summary>
    internal sealed class UpgradeDecider
    {
        private readonly FotaDatabase database;
        private readonly ReadSessions readers;
        private readonly DatabaseWriter writer;
        private readonly FotaServerOptions options;
        private readonly TimeProvider time;
        private string cleanedDay;

        public UpgradeDecider(FotaDatabase database, ReadSessions readers, DatabaseWriter writer, FotaServerOptions options, TimeProvider time)
        {
            this.database = database;
            this.readers = readers;
            this.writer = writer;
            this.options = options;
            this.time = time;
        }

        /// <summary>
        /// Applies the rules. Throws <see cref="OperationCanceledException"/> when the client left before a
        /// device would have been registered or bound (nothing is written for a request nobody hears the answer to).
        /// </summary>
        public async Task<UpgradeDecision> DecideAsync(UpgradeRequest request, CancellationToken aborted)
        {
            (bool found, long projectId, long accountId, DeviceRow device) = await readers.ReadAsync(session =>
            {
                bool known = session.ReadOwner(request.ProjectKey, request.Imei, out long p, out long a, out DeviceRow d);
                return (known, p, a, d);
            }, aborted);

            if (!found)
            {
                return Refuse(404, PlatformCodes.InvalidProject, "no project has this project_key");
            }

            string now = Sql.Timestamp(time.GetUtcNow());
            bool recorded = false;
            if (device == null)
            {
                aborted.ThrowIfCancellationRequested();
                (DeviceRow row, bool inserted) = await writer.RunAsync(c => Register(c, request, accountId, projectId, now, aborted), aborted);
                if (row == null)
                {
                    return DeviceLimit();
                }

                device = row;
                recorded = inserted;
            }

            if (device.Banned)
            {
                return Refuse(403, PlatformCodes.UpgradeNotAllowed, "this device is banned on this server");
            }

            if (device.ProjectId == null)
            {
                if (device.AccountId != accountId)
                {
                    return Refuse(403, PlatformCodes.NoPermission,
                        "this device is registered in another account and the project_key belongs to a project outside it");
                }

                aborted.ThrowIfCancellationRequested();
                (DeviceRow row, bool bound) = await writer.RunAsync(c => BindUnbound(c, request, accountId, projectId, now, aborted), aborted);
                if (row == null)
                {
                    return DeviceLimit();
                }

                device = row;
                recorded = bound;
            }

            if (device.ProjectId != projectId)
            {
                return Refuse(403, PlatformCodes.InvalidProject, device.AccountId == accountId
                    ? "this device is bound to another project of this account; the project_key does not match it"
                    : "this device belongs to a project of another account");
            }

            if (!recorded)
            {
                writer.NoteSeen(request.Imei, now, request.Version);
            }

            List<FirmwareRow> entries = await readers.ReadAsync(session => session.ReadFirmware(projectId, request.FirmwareName), aborted);
            return ChooseFirmware(entries, request);
        }

        /// <summary>
        /// Counts a download that is about to start at byte 0, or returns the 40 refusal (HTTP 429) when the device
        /// already started the same firmware <see cref="FotaServerOptions.MaxUpgradesPerDay"/> times this UTC day.
        /// The count is committed before the firmware is sent; <see cref="ReleaseDownload"/> takes it back when
        /// nothing of the body could be sent.
        /// </summary>
        public async Task<Refusal> ReserveDownloadAsync(string imei, long firmwareId, CancellationToken aborted)
        {
            DateTimeOffset now = time.GetUtcNow();
            string day = Day(now);
            long count = await writer.RunAsync(c => Reserve(c, imei, firmwareId, day), aborted);
            if (count < 0)
            {
                return null;
            }

            DateTimeOffset midnight = new DateTimeOffset(now.UtcDateTime.Date.AddDays(1), TimeSpan.Zero);
            int wait = Math.Max(1, (int)Math.Ceiling((midnight - now).TotalSeconds));
            return new Refusal(429, PlatformCodes.BannedForLooping,
                "this device started this download " + count + " times today (limit " + options.MaxUpgradesPerDay
                + " a day); ask at start-up and every few hours, not in a loop", wait);
        }

        /// <summary>Takes back the count of a download whose body never left the server (the client was gone).</summary>
        public void ReleaseDownload(string imei, long firmwareId)
        {
            string day = Day(time.GetUtcNow());
            writer.Post("uncount a download nobody received", c => Sql.Execute(c,
                "UPDATE upgrade_counts SET count = count - 1 WHERE imei = $imei AND firmware_id = $f AND day = $day AND count > 0;",
                ("$imei", imei), ("$f", firmwareId), ("$day", day)));
        }

        private static string Day(DateTimeOffset now)
        {
            return now.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        // Runs on the writer's thread, inside its transaction.
        private long Reserve(SqliteConnection c, string imei, long firmwareId, string day)
        {
            if (day != cleanedDay)
            {
                // Yesterday's counts can go; once a day keeps the table small without a timer.
                Sql.Execute(c, "DELETE FROM upgrade_counts WHERE day < $day;", ("$day", day));
                cleanedDay = day;
            }

            long count = (long)(Sql.Scalar(c, "SELECT count FROM upgrade_counts WHERE imei = $imei AND firmware_id = $f AND day = $day;",
                ("$imei", imei), ("$f", firmwareId), ("$day", day)) ?? 0L);
            if (count >= options.MaxUpgradesPerDay)
            {
                return count;
            }

            Sql.Execute(c, @"INSERT INTO upgrade_counts (imei, firmware_id, day, count) VALUES ($imei, $f, $day, 1)
ON CONFLICT (imei, firmware_id, day) DO UPDATE SET count = count + 1;", ("$imei", imei), ("$f", firmwareId), ("$day", day));
            return -1;
        }

        // Runs on the writer's thread, inside its transaction: the device may have been registered since it was read.
        private (DeviceRow Row, bool Inserted) Register(SqliteConnection c, UpgradeRequest request, long accountId, long projectId, string now,
            CancellationToken aborted)
        {
            DeviceRow existing = ReadDevice(c, request.Imei);
            if (existing != null)
            {
                return (existing, false);
            }

            // Last look before the write: a client seen leaving (e.g. half-closed) is not registered.
            aborted.ThrowIfCancellationRequested();

            if (ProjectIsFull(c, projectId))
            {
                return (null, false);
            }

            Sql.Execute(c, @"INSERT INTO devices (imei, account_id, project_id, first_seen, last_seen, last_version)
VALUES ($imei, $a, $p, $now, $now, $v);",
                ("$imei", request.Imei), ("$a", accountId), ("$p", projectId), ("$now", now), ("$v", request.Version));
            return (new DeviceRow(accountId, projectId, false), true);
        }

        private (DeviceRow Row, bool Bound) BindUnbound(SqliteConnection c, UpgradeRequest request, long accountId, long projectId, string now,
            CancellationToken aborted)
        {
            aborted.ThrowIfCancellationRequested();
            DeviceRow current = ReadDevice(c, request.Imei)
                ?? throw new InvalidOperationException("Device '" + request.Imei + "' vanished while its request was handled.");
            if (current.ProjectId != null || current.AccountId != accountId || current.Banned)
            {
                return (current, false);
            }

            if (ProjectIsFull(c, projectId))
            {
                return (null, false);
            }

            Sql.Execute(c, "UPDATE devices SET project_id = $p, last_seen = $now, last_version = $v WHERE imei = $imei AND project_id IS NULL;",
                ("$p", projectId), ("$imei", request.Imei), ("$now", now), ("$v", request.Version));
            return (current with { ProjectId = projectId }, true);
        }

        private bool ProjectIsFull(SqliteConnection c, long projectId)
        {
            long count = (long)Sql.Scalar(c, "SELECT COUNT(*) FROM devices WHERE project_id = $p;", ("$p", projectId));
            return count >= options.MaxDevicesPerProject;
        }

        private static DeviceRow ReadDevice(SqliteConnection c, string imei)
        {
            using SqliteCommand command = Sql.Command(c, "SELECT account_id, project_id, banned FROM devices WHERE imei = $imei;", ("$imei", imei));
            using SqliteDataReader reader = command.ExecuteReader();
            return reader.Read() ? new DeviceRow(reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetInt64(2) != 0) : null;
        }

        private UpgradeDecision DeviceLimit()
        {
            return Refuse(403, PlatformCodes.DeviceLimitReached, "this project already has " + options.MaxDevicesPerProject
                + " devices, the most this server registers per project (fota serve --max-devices); a new device is not registered");
        }

        private UpgradeDecision ChooseFirmware(List<FirmwareRow> entries, UpgradeRequest request)
        {
            if (entries.Count == 0)
            {
                return Refuse(404, PlatformCodes.InvalidFirmware,
                    "this project has no firmware named '" + request.FirmwareName + "' (the name typed at upload, not the file name)");
            }

            FirmwareRow newest = entries[0];
            foreach (FirmwareRow entry in entries)
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
                FirmwareFiles.PathOf(database.FirmwareDirectory, newest.File), newest.Length, newest.Sha256, newest.Created));
        }

        private static UpgradeDecision Refuse(int status, int code, string reason)
        {
            return UpgradeDecision.Refuse(new Refusal(status, code, reason));
        }
    }
}
