using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary>README's main command, run as a process: `fota demo`.</summary>
    public class DemoCommandTests
    {
        [Fact]
        public void DemoDownloadsTheFirmwareAndExplainsTheRefusals()
        {
            var (exit, output, errors) = FotaProcess.Run(Path.GetTempPath(), "demo", "--size", "64", "--keep");

            Assert.True(exit == 0, output + errors);
            Assert.Contains("Success (HTTP 200): length, SHA-256 verified; authenticity not checked (no public key); image committed; 65536 of 65536 bytes", output);
            Assert.Contains("UpToDate (HTTP 409): platform code 27", output);
            Assert.Contains("Refused (HTTP 403): platform code 25", output);
            Assert.Contains("Refused (HTTP 404): platform code 26", output);
            Assert.Contains("Demo succeeded.", output);

            string kept = Regex.Match(output, "Kept (\\S+) ").Groups[1].Value;
            try
            {
                Assert.Equal(65536, new FileInfo(Path.Combine(kept, "device", "update.bin")).Length);
                Assert.Equal(File.ReadAllBytes(Path.Combine(kept, "firmware.bin")), File.ReadAllBytes(Path.Combine(kept, "device", "update.bin")));
                Assert.False(File.Exists(Path.Combine(kept, "device", "update.bin.part")));
            }
            finally
            {
                Directory.Delete(kept, true);
            }
        }

        [Fact]
        public void DemoRejectsUnknownOptions()
        {
            var (exit, _, errors) = FotaProcess.Run(Path.GetTempPath(), "demo", "--sise", "64");

            Assert.Equal(2, exit);
            Assert.Contains("sise", errors);
        }
    }
}
