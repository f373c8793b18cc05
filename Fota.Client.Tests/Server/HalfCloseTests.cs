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

            // The client may return before the server has finished with the request (taking a count back included);
            // the request's log line is written last, so wait for it before reading the counts.
            string line = WaitForLogLine(harness, "version=1.0.1");
            string counts = CountRows(harness);

            // TCP cannot prove delivery: the server counts once its first block has left for the connection, and
            // the client's reset can still drop those bytes before it reads them. So the server's own account (its
            // log line for this download) decides which case this run was; the counts must agree with it, and
            // bytes that did reach the client are always counted.
            if (line.Contains("not counted") || line.Contains("nothing was recorded"))
            {
                Assert.Equal("", received);
                Assert.DoesNotContain("half|", counts);
                Assert.Equal(200, harness.Get(download).Status); // the day's one download is still there
            }
            else
            {
                Assert.True(received.Length == 0 || received.StartsWith("HTTP/1.1 200", System.StringComparison.Ordinal), received);
                Assert.Contains("half|", counts);
            }
        }

        private static string WaitForLogLine(ServerHarness harness, string part)
        {
            var waited = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                string line = harness.Log.Split('\n').LastOrDefault(l => l.Contains(part));
                if (line != null || waited.Elapsed > System.TimeSpan.FromSeconds(10))
                {
                    Assert.NotNull(line);
                    return line;
                }

                System.Threading.Thread.Sleep(20);
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
