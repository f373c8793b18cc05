using System.IO;
using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>fota.db deleted or replaced under a running server is noticed; a backup taken while serving restores everything.</summary>
    public class DatabaseLossTests
    {
        [Fact]
        public void DeletingFotaDbWhileServingFailsTheHealthCheckAndRefusesWrites()
        {
            using var harness = new ServerHarness();
            Assert.Equal(200, harness.Get("/healthz").Status);

            File.Delete(Path.Combine(harness.DataDirectory, "fota.db"));
            Reply health = harness.Get("/healthz");
            Reply newDevice = harness.Get(ServerHarness.Query("after", harness.KeyA, "app", "1.0.1"));

            Assert.Equal(503, health.Status);
            Assert.Contains("fota.db was deleted while the server ran", health.Text);
            Assert.Equal((503, 90), (newDevice.Status, newDevice.Code));
            Assert.Contains("server: " + Path.Combine(harness.DataDirectory, "fota.db") + " was deleted while the server ran", harness.Log);
            Assert.False(File.Exists(Path.Combine(harness.DataDirectory, "fota.db")), "the server made a new empty fota.db");
        }

        [Fact]
        public void ReplacingFotaDbWhileServingIsNoticedToo()
        {
            using var harness = new ServerHarness();
            string db = Path.Combine(harness.DataDirectory, "fota.db");
            File.Copy(db, db + ".copy");

            File.Move(db + ".copy", db, overwrite: true);
            Reply health = harness.Get("/healthz");

            Assert.Equal(503, health.Status);
            Assert.Contains("fota.db was replaced by another file while the server ran", health.Text);
        }

        [Fact]
        public void ABackupTakenWhileServingRestoresBindingsAndFirmware()
        {
            using var harness = new ServerHarness();
            Assert.Equal(200, harness.Get(ServerHarness.Query("kept", harness.KeyA, "app", "1.0.1")).Status);
            string backup = Path.Combine(Path.GetTempPath(), "fota-backup-" + System.Guid.NewGuid().ToString("N"));
            try
            {
                Assert.Equal(6, harness.Catalog.Backup(backup));
                Assert.Throws<FotaCatalogException>(() => harness.Catalog.Backup(backup)); // never over an earlier backup

                using var restored = new ServerHarness(seed: false, dataDirectory: backup);
                Assert.Equal(25, restored.Get(ServerHarness.Query("kept", harness.KeyB, "app", "1.0.1")).Code);
                Reply served = restored.Get(ServerHarness.Query("kept", harness.KeyA, "app", "1.0.1"));
                Assert.Equal(harness.File("Alpha", "app", "1.0.5"), served.Body);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(backup, true);
            }
        }
    }
}
