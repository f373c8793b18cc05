using System;
using System.Collections.Generic;
using System.IO;
using Fota.Client;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// Administration of the server's data folder: accounts, projects, firmware and devices. Works on the same
    /// database as a running <see cref="FotaServer"/> (or without one); every change is one transaction.
    /// Refused changes throw <see cref="FotaCatalogException"/> and leave everything as it was.
    /// </summary>
    public sealed class FotaCatalog
    {
        /// <summary>The account of <see cref="CreateProject"/> when none is named.</summary>
        public const string DefaultAccount = "default";

        private readonly FotaDatabase database;
        private readonly TimeProvider time;

        internal FotaCatalog(FotaDatabase database, TimeProvider time)
        {
            this.database = database;
            this.time = time;
        }

        /// <summary>Opens (and creates when missing) the data folder with <c>fota.db</c> and <c>firmware/</c>.</summary>
        /// <exception cref="ArgumentException">When <paramref name="dataDirectory"/> is empty.</exception>
        public static FotaCatalog Open(string dataDirectory)
        {
            return new FotaCatalog(new FotaDatabase(dataDirectory), TimeProvider.System);
        }

        /// <summary>The full path of the data folder.</summary>
        public string DataDirectory
        {
            get { return database.DataDirectory; }
        }

        /// <summary>Creates a project with a new random key; the account is created on first use.</summary>
        public ProjectInfo CreateProject(string name, string account = DefaultAccount)
        {
            Require(InputRules.CheckName(name, "project name"));
            Require(InputRules.CheckName(account, "account name"));
            string now = Sql.Timestamp(time.GetUtcNow());

            using SqliteConnection connection = database.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            Sql.Execute(connection, "INSERT INTO accounts (name, created) VALUES ($a, $now) ON CONFLICT (name) DO NOTHING;",
                ("$a", account), ("$now", now));
            long accountId = (long)Sql.Scalar(connection, "SELECT id FROM accounts WHERE name = $a;", ("$a", account));
            if (Sql.Scalar(connection, "SELECT 1 FROM projects WHERE account_id = $id AND name = $n;", ("$id", accountId), ("$n", name)) != null)
            {
                throw new FotaCatalogException("Account '" + account + "' already has a project named '" + name + "'.");
            }

            string key = ProjectKeys.New();
            Sql.Execute(connection, "INSERT INTO projects (account_id, name, project_key, created) VALUES ($id, $n, $k, $now);",
                ("$id", accountId), ("$n", name), ("$k", key), ("$now", now));
            transaction.Commit();
            return FindProject(connection, key);
        }

        /// <summary>All projects, by account then name.</summary>
        public IReadOnlyList<ProjectInfo> ListProjects()
        {
            using SqliteConnection connection = database.Open();
            return ReadProjects(connection, "");
        }

        /// <summary>
        /// Copies <paramref name="filePath"/> into the data folder under a server-chosen name and adds it as firmware
        /// <paramref name="name"/> <paramref name="version"/> of the project with <paramref name="projectKey"/>.
        /// </summary>
        /// <param name="projectKey">The project's key.</param>
        /// <param name="name">The firmware name devices send as <c>firmware_name</c>.</param>
        /// <param name="version">Its version, <c>a.b.c</c>; no other entry of the name may compare equal (middle segment ignored).</param>
        /// <param name="filePath">The file to serve; must not be empty (an empty body fails on every device). A signed
        /// package must be whole and signed for <paramref name="name"/> and <paramref name="version"/>.</param>
        /// <param name="pending">Mark it "being prepared": devices that would get it are told to wait (code 43).</param>
        public FirmwareInfo AddFirmware(string projectKey, string name, string version, string filePath, bool pending = false)
        {
            Require(InputRules.CheckProjectKey(projectKey));
            Require(InputRules.CheckFirmwareName(name));
            Require(FotaVersion.Check(version));
            if (string.IsNullOrEmpty(filePath) || !File.Exists(filePath))
            {
                throw new FotaCatalogException("No file '" + filePath + "'.");
            }

            if (new FileInfo(filePath).Length == 0)
            {
                throw new FotaCatalogException("The file '" + filePath + "' is empty; devices treat an empty upgrade as a failure.");
            }

            long projectId;
            using (SqliteConnection connection = database.Open())
            {
                projectId = ProjectIdOf(connection, projectKey);
            }

            // Copy before taking the write lock: a large file must not hold up the devices' requests.
            StoredFile stored = FirmwareFiles.Import(database.FirmwareDirectory, filePath);
            long id;
            try
            {
                // The stored copy is what devices get, so that is the one checked.
                CheckPackage(FirmwareFiles.PathOf(database.FirmwareDirectory, stored.Name), filePath, name, version);
                using SqliteConnection connection = database.Open();
                using SqliteTransaction transaction = connection.BeginTransaction();
                using (SqliteCommand existing = Sql.Command(connection,
                    "SELECT version FROM firmware WHERE project_id = $p AND name = $n;", ("$p", projectId), ("$n", name)))
                using (SqliteDataReader reader = existing.ExecuteReader())
                {
                    while (reader.Read())
                    {
                        string other = reader.GetString(0);
                        if (!FotaVersion.IsNewer(version, other) && !FotaVersion.IsNewer(other, version))
                        {
                            throw new FotaCatalogException("Firmware '" + name + "' already has version " + other
                                + ", which devices cannot tell from " + version + " (the middle segment is ignored).");
                        }
                    }
                }

                Sql.Execute(connection, @"INSERT INTO firmware (project_id, name, version, file, length, sha256, pending, created)
VALUES ($p, $n, $v, $f, $len, $sha, $pending, $now);",
                    ("$p", projectId), ("$n", name), ("$v", version), ("$f", stored.Name), ("$len", stored.Length),
                    ("$sha", stored.Sha256), ("$pending", pending ? 1 : 0), ("$now", Sql.Timestamp(time.GetUtcNow())));
                id = (long)Sql.Scalar(connection, "SELECT last_insert_rowid();");
                transaction.Commit();
            }
            catch
            {
                FirmwareFiles.Delete(database.FirmwareDirectory, stored.Name);
                throw;
            }

            using (SqliteConnection connection = database.Open())
            {
                return ReadFirmware(connection, "WHERE f.id = $id", ("$id", id))[0];
            }
        }

        /// <summary>
        /// A signed package is served unchanged, so it must be whole and signed for what it is added as: a device
        /// asking for <paramref name="name"/> would refuse a package signed for another name or version anyway,
        /// after downloading all of it. Files without the package magic are plain firmware and pass.
        /// </summary>
        private static void CheckPackage(string storedPath, string sourcePath, string name, string version)
        {
            if (!PackageFile.StartsWithMagic(storedPath))
            {
                return;
            }

            PackageFile package;
            try
            {
                package = PackageFile.Read(storedPath);
            }
            catch (FotaException e)
            {
                throw new FotaCatalogException("'" + sourcePath + "' starts like a signed package but is not one: " + e.Message + ".");
            }

            if (package.Problem != null)
            {
                throw new FotaCatalogException("The signed package '" + sourcePath + "' is damaged: " + package.Problem + ".");
            }

            if (package.Header.Name != name)
            {
                throw new FotaCatalogException("The package is signed for firmware '" + package.Header.Name + "', not '" + name + "'.");
            }

            if (package.Header.Version != version)
            {
                throw new FotaCatalogException("The package is signed as version " + package.Header.Version + ", not " + version + ".");
            }
        }

        /// <summary>Ends the "being prepared" state of a firmware entry: devices get it from now on.</summary>
        public FirmwareInfo MarkFirmwareReady(long id)
        {
            using SqliteConnection connection = database.Open();
            if (Sql.Execute(connection, "UPDATE firmware SET pending = 0 WHERE id = $id;", ("$id", id)) == 0)
            {
                throw new FotaCatalogException("No firmware #" + id + "; 'firmware list' shows the numbers.");
            }

            return ReadFirmware(connection, "WHERE f.id = $id", ("$id", id))[0];
        }

        /// <summary>All firmware entries, by account, project, name and upload order.</summary>
        public IReadOnlyList<FirmwareInfo> ListFirmware()
        {
            using SqliteConnection connection = database.Open();
            return ReadFirmware(connection, "");
        }

        /// <summary>All known devices, by id.</summary>
        public IReadOnlyList<DeviceInfo> ListDevices()
        {
            using SqliteConnection connection = database.Open();
            return ReadDevices(connection, "");
        }

        /// <summary>
        /// Binds a device to the project with <paramref name="projectKey"/> (and that project's account), whatever it
        /// was bound to before. An unknown device id is registered, so a device can be assigned before it first asks.
        /// </summary>
        public DeviceInfo MoveDevice(string imei, string projectKey)
        {
            Require(InputRules.CheckImei(imei));
            Require(InputRules.CheckProjectKey(projectKey));
            using SqliteConnection connection = database.Open();
            using SqliteTransaction transaction = connection.BeginTransaction();
            long projectId = ProjectIdOf(connection, projectKey);
            Sql.Execute(connection, @"INSERT INTO devices (imei, account_id, project_id, first_seen)
SELECT $imei, account_id, id, $now FROM projects WHERE id = $p
ON CONFLICT (imei) DO UPDATE SET account_id = excluded.account_id, project_id = excluded.project_id;",
                ("$imei", imei), ("$p", projectId), ("$now", Sql.Timestamp(time.GetUtcNow())));
            transaction.Commit();
            return FindDevice(connection, imei);
        }

        /// <summary>
        /// Releases a device from its project. It stays registered in its account: its next request binds it to
        /// the project it names if that project is in the same account, and is refused with code 17 otherwise.
        /// To hand a device to another account use <see cref="MoveDevice"/>.
        /// </summary>
        public DeviceInfo UnbindDevice(string imei)
        {
            return UpdateDevice(imei, "UPDATE devices SET project_id = NULL WHERE imei = $imei;");
        }

        /// <summary>Refuses every upgrade to the device (code 21) until <see cref="UnbanDevice"/>.</summary>
        public DeviceInfo BanDevice(string imei)
        {
            return UpdateDevice(imei, "UPDATE devices SET banned = 1 WHERE imei = $imei;");
        }

        /// <summary>Lifts <see cref="BanDevice"/>.</summary>
        public DeviceInfo UnbanDevice(string imei)
        {
            return UpdateDevice(imei, "UPDATE devices SET banned = 0 WHERE imei = $imei;");
        }

        /// <summary>
        /// Copies the data folder into <paramref name="targetDirectory"/> (which must not exist or be empty) while a
        /// server may be running: <c>fota.db</c> as one consistent snapshot (SQLite's <c>VACUUM INTO</c>, which
        /// waits for no writer and blocks none), then every firmware file that snapshot names. Restore by stopping
        /// the server and putting the folder in place of the data folder.
        /// </summary>
        /// <returns>The number of firmware files copied.</returns>
        public int Backup(string targetDirectory)
        {
            if (string.IsNullOrWhiteSpace(targetDirectory))
            {
                throw new FotaCatalogException("The backup folder is missing.");
            }

            string target = Path.GetFullPath(targetDirectory);
            if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).GetEnumerator().MoveNext())
            {
                throw new FotaCatalogException("The backup folder '" + target + "' is not empty; name a new or empty folder.");
            }

            string firmwareTarget = Path.Combine(target, FotaDatabase.FirmwareFolderName);
            Directory.CreateDirectory(firmwareTarget);
            string snapshot = Path.Combine(target, FotaDatabase.DatabaseFileName);
            using (SqliteConnection connection = database.Open())
            {
                Sql.Execute(connection, "VACUUM INTO $path;", ("$path", snapshot));
            }

            // Firmware files are written before their row and never changed, so each file the snapshot names exists.
            var names = new List<string>();
            using (var copy = new SqliteConnection("Data Source=" + snapshot + ";Mode=ReadOnly;Pooling=False"))
            {
                copy.Open();
                using SqliteCommand list = Sql.Command(copy, "SELECT file FROM firmware ORDER BY id;");
                using SqliteDataReader reader = list.ExecuteReader();
                while (reader.Read())
                {
                    names.Add(reader.GetString(0));
                }
            }

            foreach (string name in names)
            {
                File.Copy(FirmwareFiles.PathOf(database.FirmwareDirectory, name), FirmwareFiles.PathOf(firmwareTarget, name));
            }

            return names.Count;
        }

        private DeviceInfo UpdateDevice(string imei, string statement)
        {
            Require(InputRules.CheckImei(imei));
            using SqliteConnection connection = database.Open();
            if (Sql.Execute(connection, statement, ("$imei", imei)) == 0)
            {
                throw new FotaCatalogException("No device '" + imei + "'; a device is known after its first request or 'device move'.");
            }

            return FindDevice(connection, imei);
        }

        private static void Require(string problem)
        {
            if (problem != null)
            {
                throw new FotaCatalogException(char.ToUpperInvariant(problem[0]) + problem.Substring(1) + ".");
            }
        }

        private static long ProjectIdOf(SqliteConnection connection, string projectKey)
        {
            object id = Sql.Scalar(connection, "SELECT id FROM projects WHERE project_key = $k;", ("$k", projectKey));
            if (id == null)
            {
                throw new FotaCatalogException("No project has the key '" + projectKey + "'; 'project list' shows the keys.");
            }

            return (long)id;
        }

        private static ProjectInfo FindProject(SqliteConnection connection, string key)
        {
            return ReadProjects(connection, "WHERE p.project_key = $k", ("$k", key))[0];
        }

        private static DeviceInfo FindDevice(SqliteConnection connection, string imei)
        {
            return ReadDevices(connection, "WHERE d.imei = $imei", ("$imei", imei))[0];
        }

        private static List<ProjectInfo> ReadProjects(SqliteConnection connection, string where, params (string, object)[] values)
        {
            var list = new List<ProjectInfo>();
            using SqliteCommand command = Sql.Command(connection, @"SELECT p.name, a.name, p.project_key, p.created,
    (SELECT COUNT(*) FROM devices d WHERE d.project_id = p.id),
    (SELECT COUNT(*) FROM firmware f WHERE f.project_id = p.id)
FROM projects p JOIN accounts a ON a.id = p.account_id " + where + " ORDER BY a.name, p.name;", values);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                list.Add(new ProjectInfo
                {
                    Name = reader.GetString(0),
                    Account = reader.GetString(1),
                    Key = reader.GetString(2),
                    Created = Sql.ParseTimestamp(reader.GetString(3)),
                    DeviceCount = reader.GetInt32(4),
                    FirmwareCount = reader.GetInt32(5),
                });
            }

            return list;
        }

        private static List<FirmwareInfo> ReadFirmware(SqliteConnection connection, string where, params (string, object)[] values)
        {
            var list = new List<FirmwareInfo>();
            using SqliteCommand command = Sql.Command(connection, @"SELECT f.id, a.name, p.name, f.name, f.version, f.length, f.sha256, f.pending, f.created
FROM firmware f JOIN projects p ON p.id = f.project_id JOIN accounts a ON a.id = p.account_id " + where
                + " ORDER BY a.name, p.name, f.name, f.id;", values);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                list.Add(new FirmwareInfo
                {
                    Id = reader.GetInt64(0),
                    Account = reader.GetString(1),
                    Project = reader.GetString(2),
                    Name = reader.GetString(3),
                    Version = reader.GetString(4),
                    Length = reader.GetInt64(5),
                    Sha256 = reader.GetString(6),
                    Pending = reader.GetInt64(7) != 0,
                    Created = Sql.ParseTimestamp(reader.GetString(8)),
                });
            }

            return list;
        }

        private static List<DeviceInfo> ReadDevices(SqliteConnection connection, string where, params (string, object)[] values)
        {
            var list = new List<DeviceInfo>();
            using SqliteCommand command = Sql.Command(connection, @"SELECT d.imei, a.name, p.name, p.project_key, d.banned, d.first_seen, d.last_seen, d.last_version
FROM devices d JOIN accounts a ON a.id = d.account_id LEFT JOIN projects p ON p.id = d.project_id " + where
                + " ORDER BY d.imei;", values);
            using SqliteDataReader reader = command.ExecuteReader();
            while (reader.Read())
            {
                list.Add(new DeviceInfo
                {
                    Imei = reader.GetString(0),
                    Account = reader.GetString(1),
                    Project = reader.IsDBNull(2) ? null : reader.GetString(2),
                    ProjectKey = reader.IsDBNull(3) ? null : reader.GetString(3),
                    Banned = reader.GetInt64(4) != 0,
                    FirstSeen = Sql.ParseTimestamp(reader.GetString(5)),
                    LastSeen = reader.IsDBNull(6) ? null : Sql.ParseTimestamp(reader.GetString(6)),
                    LastVersion = reader.IsDBNull(7) ? null : reader.GetString(7),
                });
            }

            return list;
        }
    }
}
