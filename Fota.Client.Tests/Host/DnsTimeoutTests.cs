using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Host
{
    /// <summary>
    /// The host connector's name lookup through its resolver seam: a resolver that never answers must not hold the
    /// request past its budget, and a failing one is a connection failure.
    /// </summary>
    public sealed class DnsTimeoutTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private FotaOptions Options(SocketConnector connector)
        {
            FotaOptions options = TestOptions.For("http://fota.example.invalid/api/site/firmware_upgrade", new FileRegion(folder.File("update.bin")));
            options.Connector = connector;
            return options;
        }

        [Fact]
        public async Task AResolverThatNeverAnswersIsCancelledWhenTheTimeoutRunsOut()
        {
            var asked = new TaskCompletionSource<CancellationToken>(TaskCreationOptions.RunContinuationsAsynchronously);
            var never = new TaskCompletionSource<IPAddress[]>();
            var connector = new SocketConnector((host, cancel) =>
            {
                asked.TrySetResult(cancel);
                return never.Task;
            });
            FotaOptions options = Options(connector);
            options.Timeout = 300; // `fota get --timeout 0.3`: ReadTimeout stays at its default of 30 s
            options.ReadTimeout = 30_000;

            Task<FotaReport> run = Task.Run(() => FotaClient.Run(options));

            // The bound is far above the 300 ms budget: it only keeps a broken build from hanging the suite.
            Assert.True(run == await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30))), "the request was still resolving after 30 s");
            FotaReport report = await run;
            Assert.Equal(FotaResult.Timeout, report.Result);
            Assert.Equal("resolving host 'fota.example.invalid' took longer than 300 ms (no answer from the DNS server)", report.Detail);
            Assert.True((await asked.Task).IsCancellationRequested, "the lookup was abandoned but not cancelled");
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AnUnknownHostIsAConnectionFailure()
        {
            var connector = new SocketConnector((host, cancel) =>
                Task.FromException<IPAddress[]>(new SocketException((int)SocketError.HostNotFound)));

            FotaReport report = FotaClient.Run(Options(connector));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.StartsWith("cannot resolve host 'fota.example.invalid': ", report.Detail);
        }

        [Fact]
        public void TheResolvedAddressIsConnected()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409, "{\"code\":27}")));
            string asked = null;
            var connector = new SocketConnector((host, cancel) =>
            {
                asked = host;
                return Task.FromResult(new[] { IPAddress.Loopback });
            });
            FotaOptions options = Options(connector);
            options.Url = "http://fota.example.invalid:" + server.Port + "/api/site/firmware_upgrade";

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.UpToDate, report.Result);
            Assert.Equal("fota.example.invalid", asked);
            Assert.True(server.Requests.TryDequeue(out string head));
            Assert.Contains("\r\nHost: fota.example.invalid:" + server.Port + "\r\n", head);
        }
    }
}
