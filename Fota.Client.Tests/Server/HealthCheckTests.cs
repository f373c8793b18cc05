using System.IO;
using System.Linq;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>GET /healthz: 200 when fota.db takes a write and every firmware file is readable, else 503 naming the problem.</summary>
    public class HealthCheckTests
    {
        [Fact]
        public void HealthyAnswers200WithWhatWasChecked()
        {
            using var harness = new ServerHarness();

            Reply health = harness.Get("/healthz");

            Assert.True(health.Status == 200, health + "\n" + harness.Log);
            Assert.Equal("{\"status\":\"ok\",\"database\":\"writable\",\"firmware\":\"6 file(s) readable\"}", health.Text);
        }

        [Fact]
        public void AMissingFirmwareFileFailsTheCheck()
        {
            using var harness = new ServerHarness();
            string file = Directory.GetFiles(Path.Combine(harness.DataDirectory, "firmware")).First();
            File.Delete(file);

            Reply health = harness.Get("/healthz");

            Assert.Equal(503, health.Status);
            Assert.Contains("cannot be read", health.Text);
            Assert.Contains("/healthz -> 503", harness.Log);
        }
    }
}
