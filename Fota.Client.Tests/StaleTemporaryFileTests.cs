using System;
using System.IO;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>
    /// A download killed mid-way (kill -9, a power cut) leaves update.bin.part behind; the next request removes it at
    /// its start, whatever the server then answers, and keeps the image an earlier success committed.
    /// </summary>
    public sealed class StaleTemporaryFileTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private FileRegion LeftOver()
        {
            var region = new FileRegion(folder.File("update.bin"));
            File.WriteAllBytes(region.Path, new byte[] { 1, 2, 3 });
            File.WriteAllBytes(region.TemporaryPath, Firmware.Make(7000));
            return region;
        }

        [Fact]
        public void ARefusalRemovesIt()
        {
            FileRegion region = LeftOver();
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409, "{\"code\":27,\"msg\":\"latest\"}")));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region));

            Assert.Equal(FotaResult.UpToDate, report.Result);
            Assert.False(File.Exists(region.TemporaryPath));
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(region.Path));
        }

        [Fact]
        public void AFailedConnectionRemovesIt()
        {
            FileRegion region = LeftOver();

            FotaReport report = FotaClient.Run(TestOptions.For("http://127.0.0.1:" + ScriptedServer.UnusedPort() + "/", region));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.False(File.Exists(region.TemporaryPath));
            Assert.True(File.Exists(region.Path));
        }

        [Fact]
        public void OptionsRefusedBeforeAnyTrafficLeaveTheRegionAlone()
        {
            FileRegion region = LeftOver();
            FotaOptions options = TestOptions.For("http://127.0.0.1:1/", region);
            options.Version = "1.0";

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.InvalidVersion, report.Result);
            Assert.True(File.Exists(region.TemporaryPath));
        }
    }
}
