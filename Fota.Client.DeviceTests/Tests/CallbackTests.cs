using System.Threading;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // FotaClient.Request on nanoCLR's own threads: it returns at once, runs the request on its thread, and calls back
    // exactly once there, whatever the callback does; a second request meanwhile is answered Busy.
    [TestClass]
    public class CallbackTests
    {
        private const int Patience = 10000;

        private static int calls;
        private static int callbackThread;
        private static FotaReport delivered;
        private static ManualResetEvent done;

        private static void Reset()
        {
            calls = 0;
            callbackThread = -1;
            delivered = null;
            done = new ManualResetEvent(false);
        }

        private static void Record(FotaReport report)
        {
            Interlocked.Increment(ref calls);
            callbackThread = Thread.CurrentThread.ManagedThreadId;
            delivered = report;
            done.Set();
        }

        // After the callback has run, the request's thread has nothing left to do but end; a second call would come
        // from it at once. Waiting for IsBusy to clear (so that the next test is not answered Busy) and then a little
        // longer lets any such call show.
        private static void AssertCalledOnce()
        {
            Assert.IsTrue(done.WaitOne(Patience, false), "no callback within " + Patience.ToString() + " ms");
            for (int i = 0; i < 100 && FotaClient.IsBusy; i++)
            {
                Thread.Sleep(10);
            }

            Thread.Sleep(50);
            Assert.AreEqual(1, calls, "callback calls");
        }

        [TestMethod]
        public static void Success_CalledBackOnceOnTheRequestThread()
        {
            Reset();
            MemoryRegion region = new MemoryRegion(100);
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(100))));
            FotaClient.Request(Requests.Options(connector, region), Record);
            AssertCalledOnce();
            Assert.AreEqual(FotaResult.Success, delivered.Result, delivered.ToString());
            Assert.IsTrue(region.Committed);
            Assert.AreNotEqual(Thread.CurrentThread.ManagedThreadId, callbackThread, "the callback runs on the request's thread");
            Assert.AreEqual(connector.ThreadId, callbackThread, "the request and its callback share one thread");
        }

        [TestMethod]
        public static void Failure_CalledBackOnceToo()
        {
            Reset();
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(new byte[0]));
            FotaClient.Request(Requests.Options(connector, new MemoryRegion(0)), Record);
            AssertCalledOnce();
            Assert.AreEqual(FotaResult.ClosedEarly, delivered.Result, delivered.ToString());
        }

        [TestMethod]
        public static void Request_ReturnsBeforeTheRequestRuns_AndASecondIsBusy()
        {
            Reset();
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(10))));
            connector.Gate = new ManualResetEvent(false);
            FotaClient.Request(Requests.Options(connector, new MemoryRegion(10)), Record);
            Assert.IsTrue(connector.Entered.WaitOne(Patience, false), "the request never connected");
            Assert.IsTrue(FotaClient.IsBusy);
            Assert.AreEqual(0, calls, "no report while the request still waits to connect");

            FotaReport second = FotaClient.Run(Requests.Options(new MemoryConnector(new MemoryConnection(new byte[0])), new MemoryRegion(0)));
            Assert.AreEqual(FotaResult.Busy, second.Result);

            int busyCalls = 0;
            int busyThread = -1;
            FotaResult busyResult = FotaResult.Success;
            FotaClient.Request(Requests.Options(connector, new MemoryRegion(0)), report =>
            {
                busyCalls++;
                busyThread = Thread.CurrentThread.ManagedThreadId;
                busyResult = report.Result;
            });
            Assert.AreEqual(1, busyCalls, "Busy is reported at once");
            Assert.AreEqual(FotaResult.Busy, busyResult);
            Assert.AreEqual(Thread.CurrentThread.ManagedThreadId, busyThread, "on the caller's thread");

            connector.Gate.Set();
            AssertCalledOnce();
            Assert.AreEqual(FotaResult.Success, delivered.Result, delivered.ToString());
            Assert.AreEqual(1, connector.OpenCount, "the Busy requests never connected");
        }

        [TestMethod]
        public static void ThrowingCallback_CalledOnce_NextRequestRuns()
        {
            Reset();
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(10))));
            FotaClient.Request(Requests.Options(connector, new MemoryRegion(10)), report =>
            {
                Record(report);
                throw new System.InvalidOperationException("the application's bug");
            });
            AssertCalledOnce();
            Assert.IsFalse(FotaClient.IsBusy);

            Reset();
            FotaClient.Request(Requests.Options(new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(10)))), new MemoryRegion(10)), Record);
            AssertCalledOnce();
            Assert.AreEqual(FotaResult.Success, delivered.Result);
        }

        [TestMethod]
        public static void NullCallback_RequestStillRuns()
        {
            MemoryRegion region = new MemoryRegion(10);
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(10))));
            FotaClient.Request(Requests.Options(connector, region), null);
            Assert.IsTrue(connector.Entered.WaitOne(Patience, false));
            for (int i = 0; i < 1000 && (FotaClient.IsBusy || !region.Committed); i++)
            {
                Thread.Sleep(10);
            }

            Assert.IsTrue(region.Committed);
            Assert.IsFalse(FotaClient.IsBusy);
        }
    }
}
