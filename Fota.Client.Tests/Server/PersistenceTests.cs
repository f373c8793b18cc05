using System;
using System.IO;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>Bindings and the catalogue live in fota.db and firmware/, not in the server's memory.</summary>
    public class PersistenceTests
    {
        [Fact]
        public void ABindingHoldsAcrossARestart()
        {
            using var harness = new ServerHarness();
            Assert.Equal(200, harness.Get(ServerHarness.Query("keep", harness.KeyA, "app", "1.0.1")).Status);

            harness.Restart();

            Assert.Equal(25, harness.Get(ServerHarness.Query("keep", harness.KeyB, "app", "1.0.1")).Code);
            Reply same = harness.Get(ServerHarness.Query("keep", harness.KeyA, "app", "1.0.1"));
            Assert.Equal(200, same.Status);
            Assert.Equal(harness.File("Alpha", "app", "1.0.5"), same.Body);
        }

        [Fact]
        public void ASecondServerOnTheSameFolderSeesTheFirstOnesBindings()
        {
            using var first = new ServerHarness();
            first.Get(ServerHarness.Query("shared", first.KeyA, "app", "1.0.1"));
            first.Server.Stop();

            using var second = new ServerHarness(seed: false, dataDirectory: first.DataDirectory);

            Assert.Equal(25, second.Get(ServerHarness.Query("shared", first.KeyG, "app", "1.0.1")).Code);
            Assert.Equal("Alpha", Assert.Single(second.Catalog.ListDevices()).Project);
            Assert.Equal(6, second.Catalog.ListFirmware().Count);
        }

        [Fact]
        public void AdministrationWorksWithoutAServerAndARunningServerSeesIt()
        {
            string folder = Path.Combine(Path.GetTempPath(), "fota-catalog-" + Guid.NewGuid().ToString("N"));
            try
            {
                Fota.Server.FotaCatalog offline = Fota.Server.FotaCatalog.Open(folder);
                string key = offline.CreateProject("Offline").Key;
                offline.MoveDevice("pre-assigned", key);

                using var harness = new ServerHarness(seed: false, dataDirectory: folder);
                harness.AddFirmware("Offline", key, "app", "2.0.0", 100);
                Reply reply = harness.Get(ServerHarness.Query("pre-assigned", key, "app", "1.0.0"));

                Assert.Equal(200, reply.Status);
                Assert.Equal(harness.File("Offline", "app", "2.0.0"), reply.Body);
            }
            finally
            {
                Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
                Directory.Delete(folder, true);
            }
        }
    }
}
