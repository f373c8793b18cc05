using System;
using System.Linq;
using System.Net.Http;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>One device id, many first requests at once, each with another project's key: one binding wins.</summary>
    public class ConcurrentBindingTests
    {
        private const int Requests = 200;

        [Fact]
        public async Task ManyFirstRequestsBindTheDeviceExactlyOnce()
        {
            using var harness = new ServerHarness(seed: false);
            string[] keys = new string[Requests];
            for (int i = 0; i < Requests; i++)
            {
                keys[i] = harness.Catalog.CreateProject("P" + i, i % 2 == 0 ? "even" : "odd").Key;
                harness.AddFirmware("P" + i, keys[i], "app", "1.0.1", 64 + i);
            }

            // Hold every request until all are ready, so they hit the server together.
            using var start = new ManualResetEventSlim(false);
            Task<(int Status, int Code, byte[] Body)>[] tasks = Enumerable.Range(0, Requests).Select(i => Task.Run(async () =>
            {
                start.Wait();
                using HttpResponseMessage response = await harness.Client.GetAsync(ServerHarness.Query("racer", keys[i], "app", "1.0.0"));
                byte[] body = await response.Content.ReadAsByteArrayAsync();
                int code = (int)response.StatusCode == 200 ? -1 : JsonDocument.Parse(body).RootElement.GetProperty("code").GetInt32();
                return ((int)response.StatusCode, code, body);
            })).ToArray();
            start.Set();
            var replies = await Task.WhenAll(tasks);

            int[] winners = Enumerable.Range(0, Requests).Where(i => replies[i].Status == 200).ToArray();
            int winner = Assert.Single(winners);
            Assert.Equal(harness.File("P" + winner, "app", "1.0.1"), replies[winner].Body);
            Assert.All(Enumerable.Range(0, Requests).Where(i => i != winner),
                i => Assert.True(replies[i].Status == 403 && replies[i].Code == 25, "request " + i + ": " + replies[i].Status + " code " + replies[i].Code));

            DeviceInfo device = Assert.Single(harness.Catalog.ListDevices());
            Assert.Equal("P" + winner, device.Project);
            Assert.Equal(winner % 2 == 0 ? "even" : "odd", device.Account);
        }
    }
}
