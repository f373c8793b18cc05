using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>Connections are bounded and idle ones give way, so a flood of silent sockets cannot lock devices out.</summary>
    public class ConnectionFloodTests
    {
        private const int Limit = 8;
        private const int Flood = 40;

        [Fact]
        public async System.Threading.Tasks.Task IdleConnectionsBeyondTheLimitAreClosedAndADeviceIsStillAnsweredWithinASecond()
        {
            using var harness = new ServerHarness(configure: o => o.MaxConnections = Limit);
            Assert.Equal(Limit, harness.Server.ConnectionLimit);
            var idle = new List<Socket>();
            try
            {
                for (int i = 0; i < Flood; i++)
                {
                    idle.Add(RawHttp.Connect(harness.Server.BaseUrl));
                }

                // The server keeps at most Limit connections: all but a few of the flood are closed by it.
                int closed = Flood - RawHttp.StillOpen(idle, Limit, 5000);
                Assert.True(closed >= Flood - Limit, closed + " of " + Flood + " idle connections closed by the server");

                using var device = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { Timeout = TimeSpan.FromSeconds(1) };
                using HttpResponseMessage reply = await device.GetAsync(harness.Server.BaseUrl + ServerHarness.Query("d1", harness.KeyA, "app", "1.0.5"));

                Assert.Equal(409, (int)reply.StatusCode);
                Assert.Contains("connection limit 8 reached", harness.Log);
            }
            finally
            {
                idle.ForEach(s => s.Dispose());
            }
        }

        [Fact]
        public void AConnectionThatSendsHalfAHeadIsClosedAfterTheIdleTime()
        {
            using var harness = new ServerHarness(configure: o => o.IdleSeconds = 1);
            using Socket slow = RawHttp.Connect(harness.Server.BaseUrl);
            slow.Send(Encoding.ASCII.GetBytes("GET " + ServerHarness.Query("d1", harness.KeyA, "app", "1.0.5") + " HTTP/1.1\r\nHost: x\r\n"));
            using Socket silent = RawHttp.Connect(harness.Server.BaseUrl);

            // Kestrel checks its timeouts once a second: 1 s idle is enforced within a few.
            Assert.True(RawHttp.ClosedByServer(slow, 15000), "a request head sent halfway was never timed out");
            Assert.True(RawHttp.ClosedByServer(silent, 15000), "a silent connection was never timed out");
        }
    }
}
