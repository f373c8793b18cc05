using System;
using System.IO;
using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>
    /// A full disk and a read-only data folder, for real (a small tmpfs): answers that need no write stay right,
    /// a request whose write fails gets 503 with Retry-After and a JSON code, the log says what failed, and a
    /// folder that cannot be written is refused at start-up.
    /// </summary>
    public class StorageFaultTests
    {
        [Fact]
        public void WithAFullDiskReadOnlyAnswersStayRightAndWritesGet503()
        {
            using var disk = new Tmpfs(2048);
            using var harness = new ServerHarness(dataDirectory: Path.Combine(disk.Path, "data"));
            harness.OwnsData = false;
            Assert.Equal(200, harness.Get(ServerHarness.Query("known", harness.KeyA, "app", "1.0.1")).Status);
            harness.Server.Flush();

            Assert.True(disk.Fill() >= 0);
            Reply latest = harness.Get(ServerHarness.Query("known", harness.KeyA, "app", "1.0.5"));
            Reply otherProject = harness.Get(ServerHarness.Query("known", harness.KeyB, "app", "1.0.1"));
            Reply continued = harness.Get(ServerHarness.Query("known", harness.KeyA, "app", "1.0.1"), ("Range", "bytes=100-199"));
            Reply newDevice = harness.Get(ServerHarness.Query("new", harness.KeyA, "app", "1.0.1"));
            Reply download = harness.Get(ServerHarness.Query("known", harness.KeyA, "app", "1.0.1"));

            Assert.Equal((409, 27), (latest.Status, latest.Code));
            Assert.Equal((403, 25), (otherProject.Status, otherProject.Code));
            Assert.Equal(206, continued.Status);
            Assert.Equal(harness.File("Alpha", "app", "1.0.5").AsSpan(100, 100).ToArray(), continued.Body);
            foreach (Reply refused in new[] { newDevice, download })
            {
                Assert.Equal((503, 90), (refused.Status, refused.Code));
                Assert.Equal(60, refused.RetryAfter);
                Assert.Contains("full", refused.Text);
            }

            string log = harness.Log;
            Assert.True(log.Contains("-> 503 code 90 server storage unavailable: fota.db: database or disk is full"), log);
        }

        [Fact]
        public void AReadOnlyDataFolderIsRefusedAtStartUp()
        {
            using var disk = new Tmpfs(4096);
            string data = Path.Combine(disk.Path, "data");
            FotaCatalog.Open(data).CreateProject("Alpha");
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            disk.MakeReadOnly();

            var refusal = Assert.Throws<StorageException>(() => FotaServer.Start(new FotaServerOptions
            {
                DataDirectory = data,
                Urls = new[] { "http://127.0.0.1:0" },
            }));

            Assert.True(refusal.Message.Contains("the data folder " + data + " cannot be"), refusal.Message);
        }
    }
}
