using System;
using System.IO;
using System.Linq;
using Fota.Server;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>Every log line has the time and the request; keys are cut short, control characters escaped, the file rotates.</summary>
    public class RequestLogTests
    {
        [Fact]
        public void KeysAreRedactedAndEveryLineStartsWithTheTime()
        {
            using var harness = new ServerHarness();
            harness.Get(ServerHarness.Query("d1", harness.KeyA, "app", "1.0.5"));
            harness.Get(FotaServer.UpgradePath + "?imei=d1&Project_Key=" + harness.KeyB + "&firmware_name=app&version=1.0.1");

            string[] lines = harness.Log.TrimEnd('\n').Split('\n');

            Assert.DoesNotContain(harness.KeyA, string.Join("\n", lines));
            Assert.DoesNotContain(harness.KeyB, string.Join("\n", lines));
            Assert.Contains(lines, l => l.Contains("project_key=" + harness.KeyA.Substring(0, 4) + new string('*', 28) + "&") && l.Contains("-> 409 code 27"));
            Assert.Contains(lines, l => l.Contains("Project_Key=" + harness.KeyB.Substring(0, 4) + "****"));
            Assert.All(lines, l => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z ", l));
        }

        [Fact]
        public void ControlAndLineSeparatorCharactersAreEscaped()
        {
            using var harness = new ServerHarness();

            // NEL, LINE SEPARATOR, a bidi override and a lone CR, percent-encoded in the path (Kestrel decodes it).
            Reply reply = harness.Get("/api/site/firmware_upgrade%C2%85forged%E2%80%A8line%E2%80%AE%0Dx");
            string log = harness.Log;

            Assert.Equal(404, reply.Status);
            Assert.Single(log.TrimEnd('\n').Split('\n'), l => l.Contains("forged"));
            Assert.Contains(@"/api/site/firmware_upgrade\u0085forged\u2028line\u202e\u000dx -> 404", log);
            Assert.DoesNotContain('\u0085', log);
            Assert.DoesNotContain('\u2028', log);
            Assert.DoesNotContain('\r', log);
        }

        [Fact]
        public void AServerErrorIsLoggedWithTimeAndRequest()
        {
            using var harness = new ServerHarness();
            // A row no fota command can write: a firmware file name outside the firmware folder.
            using (var connection = new SqliteConnection("Data Source=" + Path.Combine(harness.DataDirectory, "fota.db") + ";Pooling=False"))
            {
                connection.Open();
                using SqliteCommand damage = connection.CreateCommand();
                damage.CommandText = "UPDATE firmware SET file = '../outside.bin' WHERE name = 'app' AND version = '1.0.5';";
                damage.ExecuteNonQuery();
            }

            Reply reply = harness.Get(ServerHarness.Query("d1", harness.KeyA, "app", "1.0.1"));
            string line = harness.Log.Split('\n').Single(l => l.Contains("-> 500"));

            Assert.Equal(500, reply.Status);
            Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z 127\.0\.0\.1 GET /api/site/firmware_upgrade\?imei=d1&project_key=\w{4}\*+&firmware_name=app&version=1\.0\.1 -> 500 InvalidOperationException: ", line);
        }

        [Fact]
        public void TheLogFileRotatesBySizeAndKeepsTheNewestFiles()
        {
            string folder = Path.Combine(Path.GetTempPath(), "fota-log-" + Guid.NewGuid().ToString("N"));
            string file = Path.Combine(folder, "fota.log");
            try
            {
                using (var harness = new ServerHarness(configure: o =>
                {
                    o.LogFile = file;
                    o.LogFileMaxBytes = 4096;
                    o.LogFilesKept = 2;
                }))
                {
                    for (int i = 0; i < 60; i++)
                    {
                        harness.Get(ServerHarness.Query("r" + i, harness.KeyA, "app", "1.0.5"));
                    }
                }

                string[] files = Directory.GetFiles(folder).Select(Path.GetFileName).OrderBy(f => f, StringComparer.Ordinal).ToArray();
                Assert.Equal(new[] { "fota.log", "fota.log.1", "fota.log.2" }, files);
                Assert.All(files, f => Assert.InRange(new FileInfo(Path.Combine(folder, f)).Length, 1, 4096));
                Assert.Contains("imei=r59&", File.ReadAllText(file));
                Assert.DoesNotContain("imei=r0&", File.ReadAllText(file + ".2")); // the oldest lines were rotated away
            }
            finally
            {
                Directory.Delete(folder, true);
            }
        }
    }
}
