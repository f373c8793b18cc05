using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Text;
using Fota.Server;
using Microsoft.Data.Sqlite;

namespace Fota.Client.Tests.Server
{
    /// <summary>
    /// A real server on 127.0.0.1 with a free port and a temporary data folder holding a small catalogue:
    /// account "default" with projects Alpha and Beta, account "other" with project Gamma.
    /// </summary>
    internal sealed class ServerHarness : IDisposable
    {
        private readonly Dictionary<string, byte[]> files = new Dictionary<string, byte[]>();

        private readonly StringWriter log = new StringWriter();

        public ServerHarness(int maxUpgradesPerDay = 1000, TimeProvider time = null, bool seed = true, string dataDirectory = null,
            Action<FotaServerOptions> configure = null)
        {
            DataDirectory = dataDirectory ?? Path.Combine(Path.GetTempPath(), "fota-server-test-" + Guid.NewGuid().ToString("N"));
            OwnsData = dataDirectory == null;
            Options = new FotaServerOptions
            {
                DataDirectory = DataDirectory,
                Urls = new[] { "http://127.0.0.1:0" },
                MaxUpgradesPerDay = maxUpgradesPerDay,
                PleaseWaitSeconds = 90,
                Time = time ?? TimeProvider.System,
                Log = log,
            };
            configure?.Invoke(Options);
            Server = FotaServer.Start(Options);
            Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
            {
                BaseAddress = new Uri(Server.BaseUrl),
                Timeout = TimeSpan.FromSeconds(60),
            };

            if (seed)
            {
                Seed();
            }
        }

        public string DataDirectory { get; }

        public bool OwnsData { get; set; }

        public FotaServerOptions Options { get; }

        public FotaServer Server { get; private set; }

        public FotaCatalog Catalog
        {
            get { return Server.Catalog; }
        }

        public HttpClient Client { get; private set; }

        /// <summary>The server's log so far (waits until queued bookkeeping and log lines are written).</summary>
        public string Log
        {
            get
            {
                Server.Flush();
                return log.ToString();
            }
        }

        /// <summary>Key of project Alpha (account default): firmware app 1.0.3 and 1.0.5; slow 1.0.1 and 2.0.0 (pending).</summary>
        public string KeyA { get; private set; }

        /// <summary>Key of project Beta (account default): firmware app 1.0.9.</summary>
        public string KeyB { get; private set; }

        /// <summary>Key of project Gamma (account other): firmware app 1.0.9.</summary>
        public string KeyG { get; private set; }

        /// <summary>Id of the pending entry slow 2.0.0 in Alpha.</summary>
        public long PendingId { get; private set; }

        /// <summary>The bytes of a seeded firmware, by "Project name version".</summary>
        public byte[] File(string project, string name, string version)
        {
            return files[project + " " + name + " " + version];
        }

        /// <summary>Adds a firmware with deterministic content and remembers the bytes.</summary>
        public FirmwareInfo AddFirmware(string project, string key, string name, string version, int length, bool pending = false)
        {
            byte[] content = new byte[length];
            new Random(StableSeed(project + name + version)).NextBytes(content);
            string source = Path.Combine(Path.GetTempPath(), "fota-upload-" + Guid.NewGuid().ToString("N") + ".bin");
            System.IO.File.WriteAllBytes(source, content);
            try
            {
                FirmwareInfo info = Catalog.AddFirmware(key, name, version, source, pending);
                files[project + " " + name + " " + version] = content;
                return info;
            }
            finally
            {
                System.IO.File.Delete(source);
            }
        }

        /// <summary>The upgrade path with the four parameters, percent-encoded.</summary>
        public static string Query(string imei, string key, string name, string version)
        {
            return FotaServer.UpgradePath + "?imei=" + Uri.EscapeDataString(imei) + "&project_key=" + Uri.EscapeDataString(key)
                + "&firmware_name=" + Uri.EscapeDataString(name) + "&version=" + Uri.EscapeDataString(version);
        }

        public Reply Get(string pathAndQuery, params (string Name, string Value)[] headers)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
            foreach ((string name, string value) in headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            using HttpResponseMessage response = Client.Send(request);
            return new Reply(response);
        }

        /// <summary>Stops the server and starts a new one on the same data folder.</summary>
        public void Restart()
        {
            Client.Dispose();
            Server.Dispose();
            Server = FotaServer.Start(Options);
            Client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseProxy = false })
            {
                BaseAddress = new Uri(Server.BaseUrl),
            };
        }

        /// <summary>Every row of every table, as text, read straight from fota.db.</summary>
        public string DumpDatabase()
        {
            var text = new StringBuilder();
            string path = Path.Combine(DataDirectory, "fota.db");
            using var connection = new SqliteConnection("Data Source=" + path + ";Mode=ReadOnly;Pooling=False");
            connection.Open();
            var tables = new List<string>();
            using (SqliteCommand list = connection.CreateCommand())
            {
                list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name;";
                using SqliteDataReader reader = list.ExecuteReader();
                while (reader.Read())
                {
                    tables.Add(reader.GetString(0));
                }
            }

            foreach (string table in tables)
            {
                text.Append("[").Append(table).AppendLine("]");
                using SqliteCommand select = connection.CreateCommand();
                // server_health holds the time of the last health check, which is not data of the catalogue.
                select.CommandText = table == "server_health" ? "SELECT id FROM server_health;" : "SELECT * FROM \"" + table + "\" ORDER BY 1, 2, 3;";
                using SqliteDataReader reader = select.ExecuteReader();
                while (reader.Read())
                {
                    for (int i = 0; i < reader.FieldCount; i++)
                    {
                        text.Append(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
                    }

                    text.AppendLine();
                }
            }

            text.AppendLine("[firmware files]");
            foreach (string file in Directory.GetFiles(Path.Combine(DataDirectory, "firmware")).OrderBy(f => f, StringComparer.Ordinal))
            {
                text.AppendLine(Path.GetFileName(file) + " " + new FileInfo(file).Length);
            }

            return text.ToString();
        }

        public void Dispose()
        {
            Client.Dispose();
            Server.Dispose();
            SqliteConnection.ClearAllPools();
            if (OwnsData)
            {
                try
                {
                    Directory.Delete(DataDirectory, true);
                }
                catch (IOException)
                {
                    // A leftover temp folder is not worth failing a test over.
                }
            }
        }

        private static int StableSeed(string text)
        {
            int seed = 17;
            foreach (char c in text)
            {
                seed = unchecked(seed * 31 + c);
            }

            return seed & 0x7fffffff;
        }

        private void Seed()
        {
            KeyA = Catalog.CreateProject("Alpha").Key;
            KeyB = Catalog.CreateProject("Beta").Key;
            KeyG = Catalog.CreateProject("Gamma", "other").Key;
            AddFirmware("Alpha", KeyA, "app", "1.0.3", 3000);
            AddFirmware("Alpha", KeyA, "app", "1.0.5", 5000);
            AddFirmware("Alpha", KeyA, "slow", "1.0.1", 1000);
            PendingId = AddFirmware("Alpha", KeyA, "slow", "2.0.0", 2000, pending: true).Id;
            AddFirmware("Beta", KeyB, "app", "1.0.9", 1900);
            AddFirmware("Gamma", KeyG, "app", "1.0.9", 1909);
        }
    }
}
