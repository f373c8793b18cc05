using System.Linq;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>A client that half-closes after its request may get no answer; what it never received is not counted.</summary>
    public class HalfCloseTests
    {
        [Fact]
        public void ADownloadThatWasNeverSentIsNotCounted()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 1);
            string download = ServerHarness.Query("half", harness.KeyA, "app", "1.0.1");
            Assert.Equal(409, harness.Get(ServerHarness.Query("half", harness.KeyA, "app", "1.0.5")).Status); // registered

            string received = RawHttp.Exchange(harness.Server.BaseUrl, "GET " + download + " HTTP/1.1\nHost: x\n", halfClose: true);
            string counts = CountRows(harness);

            if (received.Length == 0)
            {
                Assert.DoesNotContain("half|", counts);
                Assert.Equal(200, harness.Get(download).Status); // the day's one download is still there
            }
            else
            {
                // The server answered before it saw the half-close: then the download did start and counts.
                Assert.StartsWith("HTTP/1.1 200", received);
                Assert.Contains("half|", counts);
            }
        }

        private static string CountRows(ServerHarness harness)
        {
            harness.Server.Flush();
            string dump = harness.DumpDatabase();
            int start = dump.IndexOf("[upgrade_counts]");
            string section = dump.Substring(start);
            string rows = string.Join("\n", section.Split('\n').Skip(1).TakeWhile(l => !l.StartsWith("[")));
            // A row taken back to 0 is no count.
            return string.Join("\n", rows.Split('\n').Where(l => !l.EndsWith("|0|")));
        }
    }
}
