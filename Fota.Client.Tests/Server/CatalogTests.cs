using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>Administration: what the catalogue accepts, what it refuses, and that refusals leave nothing behind.</summary>
    public class CatalogTests : IDisposable
    {
        private readonly string folder = Path.Combine(Path.GetTempPath(), "fota-catalog-" + Guid.NewGuid().ToString("N"));
        private readonly string upload;
        private readonly FotaCatalog catalog;

        public CatalogTests()
        {
            catalog = FotaCatalog.Open(folder);
            upload = Path.Combine(folder, "..", Path.GetFileName(folder) + "-upload.bin");
            File.WriteAllBytes(upload, Enumerable.Range(0, 5000).Select(i => (byte)(i * 7)).ToArray());
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Delete(upload);
            Directory.Delete(folder, true);
        }

        [Fact]
        public void ProjectKeysAre32LettersAndDigitsAndDiffer()
        {
            ProjectInfo one = catalog.CreateProject("One");
            ProjectInfo two = catalog.CreateProject("Two", "acme");

            Assert.Matches("^[A-Za-z0-9]{32}$", one.Key);
            Assert.Matches("^[A-Za-z0-9]{32}$", two.Key);
            Assert.NotEqual(one.Key, two.Key);
            Assert.Equal("default", one.Account);
            Assert.Equal(new[] { "acme/Two", "default/One" }, catalog.ListProjects().Select(p => p.Account + "/" + p.Name));
        }

        [Fact]
        public void AProjectNameIsUniqueWithinItsAccountOnly()
        {
            catalog.CreateProject("Same");
            catalog.CreateProject("Same", "other");

            Assert.Throws<FotaCatalogException>(() => catalog.CreateProject("Same"));
            Assert.Equal(2, catalog.ListProjects().Count);
        }

        [Theory]
        [InlineData("")]
        [InlineData("../x")]
        [InlineData("a/b")]
        [InlineData("with space")]
        [InlineData("a..b")]
        public void BadProjectOrAccountNamesAreRefused(string name)
        {
            Assert.Throws<FotaCatalogException>(() => catalog.CreateProject(name));
            Assert.Throws<FotaCatalogException>(() => catalog.CreateProject("Fine", name));
            Assert.Throws<FotaCatalogException>(() => catalog.CreateProject(new string('x', 65)));
            Assert.Empty(catalog.ListProjects());
        }

        [Fact]
        public void AFirmwareIsStoredUnderAServerChosenNameWithItsHash()
        {
            string key = catalog.CreateProject("P").Key;

            FirmwareInfo info = catalog.AddFirmware(key, "fotademo_LuatOS-SoC_AIR601", "1025.1.0", upload);

            string stored = Assert.Single(Directory.GetFiles(Path.Combine(folder, "firmware")));
            Assert.DoesNotContain("fotademo", Path.GetFileName(stored));
            Assert.Equal(File.ReadAllBytes(upload), File.ReadAllBytes(stored));
            Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(upload))), info.Sha256);
            Assert.Equal(5000, info.Length);
            Assert.False(info.Pending);
            Assert.Equal("fotademo_LuatOS-SoC_AIR601", Assert.Single(catalog.ListFirmware()).Name);
        }

        [Theory]
        [InlineData("../evil", "1.0.1")]
        [InlineData("..\\evil", "1.0.1")]
        [InlineData("/abs", "1.0.1")]
        [InlineData("", "1.0.1")]
        [InlineData("app", "1.0")]
        [InlineData("app", "1.0.1000")]
        [InlineData("app", "1.7.3")] // equals the existing 1.0.3 once the middle segment is ignored
        public void RefusedFirmwareLeavesNoFileAndNoRow(string name, string version)
        {
            string key = catalog.CreateProject("P").Key;
            catalog.AddFirmware(key, "app", "1.0.3", upload);

            Assert.Throws<FotaCatalogException>(() => catalog.AddFirmware(key, name, version, upload));

            Assert.Single(catalog.ListFirmware());
            Assert.Single(Directory.GetFiles(Path.Combine(folder, "firmware")));
        }

        [Fact]
        public void AnEmptyOrMissingFileOrUnknownKeyIsRefused()
        {
            string key = catalog.CreateProject("P").Key;
            string empty = upload + ".empty";
            File.WriteAllBytes(empty, Array.Empty<byte>());
            try
            {
                Assert.Throws<FotaCatalogException>(() => catalog.AddFirmware(key, "app", "1.0.1", empty));
                Assert.Throws<FotaCatalogException>(() => catalog.AddFirmware(key, "app", "1.0.1", upload + ".missing"));
                Assert.Throws<FotaCatalogException>(() => catalog.AddFirmware("NoSuchKey", "app", "1.0.1", upload));
            }
            finally
            {
                File.Delete(empty);
            }

            Assert.Empty(catalog.ListFirmware());
            Assert.Empty(Directory.GetFiles(Path.Combine(folder, "firmware")));
        }

        [Fact]
        public void PendingFirmwareBecomesReady()
        {
            string key = catalog.CreateProject("P").Key;
            FirmwareInfo pending = catalog.AddFirmware(key, "app", "1.0.1", upload, pending: true);

            Assert.True(Assert.Single(catalog.ListFirmware()).Pending);
            Assert.False(catalog.MarkFirmwareReady(pending.Id).Pending);
            Assert.Throws<FotaCatalogException>(() => catalog.MarkFirmwareReady(pending.Id + 100));
        }

        [Fact]
        public void DeviceCommandsOnAnUnknownDeviceAreRefused()
        {
            Assert.Throws<FotaCatalogException>(() => catalog.BanDevice("ghost"));
            Assert.Throws<FotaCatalogException>(() => catalog.UnbanDevice("ghost"));
            Assert.Throws<FotaCatalogException>(() => catalog.UnbindDevice("ghost"));
            Assert.Throws<FotaCatalogException>(() => catalog.MoveDevice("ghost", "NoSuchKey"));
            Assert.Throws<FotaCatalogException>(() => catalog.MoveDevice("../ghost", catalog.CreateProject("P").Key));
            Assert.Empty(catalog.ListDevices());
        }

        [Fact]
        public void MoveUnbindBanAndUnbanShowInTheDeviceList()
        {
            string a = catalog.CreateProject("A").Key;
            string b = catalog.CreateProject("B", "acme").Key;

            catalog.MoveDevice("dev", a);
            DeviceInfo moved = catalog.MoveDevice("dev", b);
            DeviceInfo unbound = catalog.UnbindDevice("dev");
            DeviceInfo banned = catalog.BanDevice("dev");
            DeviceInfo unbanned = catalog.UnbanDevice("dev");

            Assert.Equal(("acme", "B", b), (moved.Account, moved.Project, moved.ProjectKey));
            Assert.Equal(("acme", null, null), (unbound.Account, unbound.Project, unbound.ProjectKey));
            Assert.True(banned.Banned);
            Assert.False(unbanned.Banned);
            Assert.Single(catalog.ListDevices());
        }
    }
}
