using System;
using System.Threading;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>FotaClient.Request: its own thread, exactly one callback, one request at a time.</summary>
    public sealed class RequestTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private FotaOptions Options(string url) => TestOptions.For(url, new FileRegion(folder.File("update.bin")));

        [Fact]
        public void DeliversExactlyOneCallbackOnAnotherThread()
        {
            byte[] image = Firmware.Make(10_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));
            int calls = 0;
            int callerThread = Environment.CurrentManagedThreadId;
            int callbackThread = callerThread;
            FotaReport received = null;
            using var done = new ManualResetEventSlim();

            FotaClient.Request(Options(server.BaseUrl), report =>
            {
                Interlocked.Increment(ref calls);
                callbackThread = Environment.CurrentManagedThreadId;
                received = report;
                done.Set();
            });

            Assert.True(done.Wait(10_000));
            Thread.Sleep(200);
            Assert.Equal(1, calls);
            Assert.NotEqual(callerThread, callbackThread);
            Assert.Equal(FotaResult.Success, received.Result);
            Assert.False(FotaClient.IsBusy);
        }

        [Fact]
        public void ThrowingCallbackIsCalledOnceAndDoesNotBlockTheNextRequest()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409, "{\"code\":27,\"msg\":\"latest\"}")));
            int calls = 0;
            using var done = new ManualResetEventSlim();

            FotaClient.Request(Options(server.BaseUrl), report =>
            {
                Interlocked.Increment(ref calls);
                done.Set();
                throw new InvalidOperationException("application bug");
            });

            Assert.True(done.Wait(10_000));
            Thread.Sleep(200);
            Assert.Equal(1, calls);
            Assert.Equal(FotaResult.UpToDate, FotaClient.Run(Options(server.BaseUrl)).Result);
        }

        [Fact]
        public void SecondRequestWhileOneRunsIsAnsweredBusy()
        {
            using var release = new ManualResetEventSlim();
            using var server = new ScriptedServer(c =>
            {
                release.Wait(10_000);
                c.Send(ScriptedServer.Reply(409, "{\"code\":27,\"msg\":\"latest\"}"));
            });
            using var firstDone = new ManualResetEventSlim();
            FotaReport first = null;
            FotaReport second = null;
            int secondCalls = 0;

            FotaClient.Request(Options(server.BaseUrl), report =>
            {
                first = report;
                firstDone.Set();
            });
            Assert.True(FotaClient.IsBusy);
            FotaClient.Request(Options(server.BaseUrl), report =>
            {
                Interlocked.Increment(ref secondCalls);
                second = report;
            });
            FotaReport third = FotaClient.Run(Options(server.BaseUrl));
            release.Set();

            Assert.True(firstDone.Wait(10_000));
            Assert.Equal(FotaResult.UpToDate, first.Result);
            Assert.Equal(1, secondCalls);
            Assert.Equal(FotaResult.Busy, second.Result);
            Assert.Equal(FotaResult.Busy, third.Result);
            Assert.Equal("Busy", second.ResultName);
            Assert.Single(server.Requests);
        }

        [Fact]
        public void NullCallbackIsAllowed()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409, "{\"code\":27}")));

            FotaClient.Request(Options(server.BaseUrl), null);

            SpinWait.SpinUntil(() => !FotaClient.IsBusy && server.Requests.Count == 1, 10_000);
            Assert.False(FotaClient.IsBusy);
        }

        [Fact]
        public void InvalidOptionsStillGetExactlyOneCallback()
        {
            int calls = 0;
            FotaReport received = null;
            using var done = new ManualResetEventSlim();

            FotaClient.Request(null, report =>
            {
                Interlocked.Increment(ref calls);
                received = report;
                done.Set();
            });

            Assert.True(done.Wait(10_000));
            Thread.Sleep(100);
            Assert.Equal(1, calls);
            Assert.Equal(FotaResult.InvalidOptions, received.Result);
        }
    }
}
