using System;
using System.IO;
using System.Linq;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary>The administration commands of the built <c>fota</c>, run as processes on a temporary data folder.</summary>
    public class AdminCommandTests : IDisposable
    {
        private readonly string work = Path.Combine(Path.GetTempPath(), "fota-tool-" + Guid.NewGuid().ToString("N"));

        public AdminCommandTests()
        {
            Directory.CreateDirectory(work);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, true);
        }

        [Fact]
        public void HelpPrintsUsageAndNoArgumentsIsAUsageError()
        {
            var help = FotaProcess.Run(work, "help");
            var none = FotaProcess.Run(work);

            Assert.Equal(0, help.Exit);
            Assert.Contains("fota [command] [options]", help.Out);
            Assert.Equal(2, none.Exit);
            Assert.Contains("fota [command] [options]", none.Err);
        }

        [Fact]
        public void AProjectFirmwareAndDeviceCanBeAdministered()
        {
            File.WriteAllBytes(Path.Combine(work, "fw.bin"), new byte[] { 1, 2, 3, 4, 5 });

            var create = FotaProcess.Run(work, "project", "create", "demo");
            string key = create.Out.Trim();
            var other = FotaProcess.Run(work, "project", "create", "demo", "--account", "acme");
            var add = FotaProcess.Run(work, "firmware", "add", "--project-key", key, "--name", "fotademo_LuatOS-SoC_AIR601",
                "--version", "1025.1.0", "--file", "fw.bin", "--pending");
            var ready = FotaProcess.Run(work, "firmware", "ready", "--id", "1");
            var firmware = FotaProcess.Run(work, "firmware", "list");
            var move = FotaProcess.Run(work, "device", "move", "--imei", "C81234567830", "--project-key", other.Out.Trim());
            var ban = FotaProcess.Run(work, "device", "ban", "--imei", "C81234567830");
            var devices = FotaProcess.Run(work, "device", "list");
            var projects = FotaProcess.Run(work, "project", "list", "--data", "fota-data");

            Assert.Equal(0, create.Exit);
            Assert.Matches("^[A-Za-z0-9]{32}$", key);
            Assert.Equal(0, other.Exit);
            Assert.Equal(0, add.Exit);
            Assert.Contains("Pending", add.Out);
            Assert.Equal(0, ready.Exit);
            Assert.Contains("fotademo_LuatOS-SoC_AIR601  1025.1.0  5      ready", firmware.Out);
            Assert.Equal(0, move.Exit);
            Assert.Equal(0, ban.Exit);
            Assert.Contains("banned", ban.Out);
            Assert.Matches("C81234567830 +acme +demo +yes", devices.Out);
            Assert.Contains(key, projects.Out);
            Assert.Equal(2, projects.Out.Split('\n').Count(l => l.Contains(" demo ")));
            Assert.True(File.Exists(Path.Combine(work, "fota-data", "fota.db")));
        }

        [Theory]
        [InlineData(2, "bogus")]
        [InlineData(2, "project")]
        [InlineData(2, "project", "create")]
        [InlineData(2, "project", "create", "a", "b")]
        [InlineData(2, "project", "create", "a", "--acount", "x")]
        [InlineData(2, "firmware", "add", "--project-key")]
        [InlineData(2, "firmware", "add", "--name", "app", "--version", "1.0.0", "--file", "fw.bin")]
        [InlineData(2, "firmware", "ready", "--id", "one")]
        [InlineData(2, "device", "ban")]
        [InlineData(2, "serve", "--urls", "ftp://127.0.0.1:1")]
        [InlineData(1, "project", "create", "../escape")]
        [InlineData(1, "firmware", "add", "--project-key", "KEY", "--name", "app", "--version", "1.0", "--file", "fw.bin")]
        [InlineData(1, "firmware", "add", "--project-key", "NoSuchKey", "--name", "app", "--version", "1.0.0", "--file", "fw.bin")]
        [InlineData(1, "firmware", "add", "--project-key", "KEY", "--name", "../app", "--version", "1.0.0", "--file", "fw.bin")]
        [InlineData(1, "firmware", "add", "--project-key", "KEY", "--name", "app", "--version", "1.0.0", "--file", "missing.bin")]
        [InlineData(1, "device", "unbind", "--imei", "ghost")]
        [InlineData(1, "device", "move", "--imei", "ghost", "--project-key", "NoSuchKey")]
        [InlineData(1, "firmware", "ready", "--id", "99")]
        public void BadInputIsAnErrorLineAndANonZeroStatus(int expected, params string[] args)
        {
            File.WriteAllBytes(Path.Combine(work, "fw.bin"), new byte[] { 9 });
            string key = Fota.Server.FotaCatalog.Open(Path.Combine(work, "fota-data")).CreateProject("existing").Key;
            string before = Snapshot();

            var result = FotaProcess.Run(work, args.Select(a => a == "KEY" ? key : a).ToArray());

            Assert.Equal(expected, result.Exit);
            Assert.StartsWith("fota: ", result.Err);
            Assert.Equal("", result.Out);
            Assert.Equal(before, Snapshot());
        }

        [Fact]
        public void ListingWithoutDataSaysSoAndCreatesNothing()
        {
            var result = FotaProcess.Run(work, "device", "list", "--data", "nowhere");

            Assert.Equal(1, result.Exit);
            Assert.Contains("no fota.db", result.Err);
            Assert.False(Directory.Exists(Path.Combine(work, "nowhere")));
        }

        private string Snapshot()
        {
            // Read in-process: one fota process per case keeps this theory quick.
            var catalog = Fota.Server.FotaCatalog.Open(Path.Combine(work, "fota-data"));
            return string.Join(",", catalog.ListProjects().Select(p => p.Account + "/" + p.Name + "/" + p.Key))
                + ";" + string.Join(",", catalog.ListFirmware().Select(f => f.Id + "/" + f.Name + "/" + f.Version + "/" + f.Pending))
                + ";" + string.Join(",", catalog.ListDevices().Select(d => d.Imei + "/" + d.Project + "/" + d.Banned))
                + ";" + string.Join(",", Directory.GetFiles(Path.Combine(work, "fota-data", "firmware")).Order());
        }
    }
}
