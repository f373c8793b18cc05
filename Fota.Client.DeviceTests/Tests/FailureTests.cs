using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // Every failure result the request path produces from what the network and the server do, each with nothing
    // committed: the region is either never begun or aborted.
    [TestClass]
    public class FailureTests
    {
        private static void AssertNothingCommitted(MemoryRegion region)
        {
            Assert.IsFalse(region.Committed, region.Calls);
            Assert.IsTrue(region.Calls == "" || region.Aborted, "a begun region must be aborted: " + region.Calls);
        }

        private static FotaReport Fails(FotaResult expected, byte[] reply, int end, MemoryRegion region)
        {
            MemoryConnection connection = new MemoryConnection(reply);
            connection.End = end;
            FotaOptions options = Requests.Options(new MemoryConnector(connection), region);
            FotaReport report = FotaClient.Run(options);
            Assert.AreEqual(FotaReport.NameOf(expected), report.ResultName, report.ToString());
            Assert.AreEqual(1, connection.CloseCount, "the connection is closed once");
            AssertNothingCommitted(region);
            Assert.IsNotNull(report.Detail);
            return report;
        }

        private static byte[] CutShort(int announced, int sent)
        {
            return Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Content-Length: " + announced.ToString() }),
                Bytes.Counting(sent));
        }

        [TestMethod]
        public static void ConnectFails_ConnectionFailed()
        {
            MemoryConnector connector = new MemoryConnector((MemoryConnection)null);
            connector.Failure = new InvalidOperationException("no route to host");
            MemoryRegion region = new MemoryRegion(0);
            FotaReport report = FotaClient.Run(Requests.Options(connector, region));
            Assert.AreEqual(FotaResult.ConnectionFailed, report.Result, report.ToString());
            Assert.AreEqual(1, report.LegacyCode);
            Assert.IsTrue(report.Detail.IndexOf("no route to host") >= 0, report.Detail);
            Assert.AreEqual("", region.Calls);
        }

        [TestMethod]
        public static void ConnectTimesOut_Timeout()
        {
            MemoryConnector connector = new MemoryConnector((MemoryConnection)null);
            connector.Failure = new FotaException(FotaResult.Timeout, "connect timed out");
            FotaReport report = FotaClient.Run(Requests.Options(connector, new MemoryRegion(0)));
            Assert.AreEqual(FotaResult.Timeout, report.Result, report.ToString());
            Assert.AreEqual(4, report.LegacyCode);
        }

        [TestMethod]
        public static void ReadTimeout_IsTheConnectorsLimit()
        {
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(1))));
            FotaOptions options = Requests.Options(connector, new MemoryRegion(1));
            options.ReadTimeout = 1234;
            FotaClient.Run(options);
            Assert.AreEqual(1234, connector.TimeoutMilliseconds);
        }

        [TestMethod]
        public static void ClosedBeforeAnyReply_ClosedEarly()
        {
            FotaReport report = Fails(FotaResult.ClosedEarly, new byte[0], MemoryConnection.EndClose, new MemoryRegion(0));
            Assert.AreEqual(3, report.LegacyCode);
        }

        [TestMethod]
        public static void ClosedInTheHead_ClosedEarly()
        {
            Fails(FotaResult.ClosedEarly, Bytes.Ascii("HTTP/1.1 200 OK\r\nContent-Len"), MemoryConnection.EndClose, new MemoryRegion(0));
        }

        [TestMethod]
        public static void ClosedMidBody_ClosedEarly_Aborted()
        {
            MemoryRegion region = new MemoryRegion(100);
            FotaReport report = Fails(FotaResult.ClosedEarly, CutShort(100, 50), MemoryConnection.EndClose, region);
            Assert.AreEqual(50L, report.BytesReceived);
            Assert.AreEqual(100L, report.BytesExpected);
            Assert.IsTrue(region.Aborted);
        }

        [TestMethod]
        public static void ClosedInsideAChunk_ClosedEarly()
        {
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: chunked" }),
                Bytes.Concat(Bytes.Ascii("64\r\n"), Bytes.Counting(40)));
            Fails(FotaResult.ClosedEarly, reply, MemoryConnection.EndClose, new MemoryRegion(100));
        }

        [TestMethod]
        public static void ChunkedWithoutTheLastChunk_ClosedEarly()
        {
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: chunked" }),
                Bytes.Concat(Bytes.Ascii("4\r\n"), Bytes.Concat(Bytes.Counting(4), Bytes.Ascii("\r\n"))));
            Fails(FotaResult.ClosedEarly, reply, MemoryConnection.EndClose, new MemoryRegion(4));
        }

        [TestMethod]
        public static void SilenceMidBody_Timeout_Aborted()
        {
            MemoryRegion region = new MemoryRegion(100);
            Fails(FotaResult.Timeout, CutShort(100, 50), MemoryConnection.EndTimeout, region);
            Assert.IsTrue(region.Aborted);
        }

        [TestMethod]
        public static void ResetMidBody_ClosedEarly()
        {
            Fails(FotaResult.ClosedEarly, CutShort(100, 50), MemoryConnection.EndReset, new MemoryRegion(100));
        }

        [TestMethod]
        public static void NotHttp_ProtocolError()
        {
            Fails(FotaResult.ProtocolError, Bytes.Ascii("SSH-2.0-OpenSSH_9.2\r\n\r\n"), MemoryConnection.EndClose, new MemoryRegion(0));
        }

        [TestMethod]
        public static void ConflictingLengths_ProtocolError()
        {
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Content-Length: 4", "Content-Length: 5" }),
                Bytes.Counting(5));
            Fails(FotaResult.ProtocolError, reply, MemoryConnection.EndClose, new MemoryRegion(5));
        }

        [TestMethod]
        public static void MalformedChunkSize_ProtocolError()
        {
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: chunked" }),
                Bytes.Ascii("zz\r\nabc\r\n0\r\n\r\n"));
            Fails(FotaResult.ProtocolError, reply, MemoryConnection.EndClose, new MemoryRegion(4));
        }

        [TestMethod]
        public static void UnknownTransferCoding_ProtocolError()
        {
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: gzip, chunked" }),
                Bytes.Ascii("0\r\n\r\n"));
            Fails(FotaResult.ProtocolError, reply, MemoryConnection.EndClose, new MemoryRegion(4));
        }

        [TestMethod]
        public static void HeaderLineLongerThanTheBuffer_ProtocolError()
        {
            string longValue = "";
            for (int i = 0; i < 60; i++)
            {
                longValue += "0123456789";
            }

            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "X-Long: " + longValue, "Content-Length: 1" }),
                Bytes.Counting(1));
            MemoryConnection connection = new MemoryConnection(reply);
            MemoryRegion region = new MemoryRegion(1);
            FotaOptions options = Requests.Options(new MemoryConnector(connection), region);
            options.ChunkSize = FotaOptions.MinChunkSize;
            FotaReport report = FotaClient.Run(options);
            Assert.AreEqual(FotaResult.ProtocolError, report.Result, report.ToString());
            AssertNothingCommitted(region);
        }

        [TestMethod]
        public static void NoContent_UnexpectedStatus()
        {
            Fails(FotaResult.UnexpectedStatus, Requests.Head("HTTP/1.1 204 No Content", null), MemoryConnection.EndClose, new MemoryRegion(0));
        }

        [TestMethod]
        public static void SwitchingProtocols_UnexpectedStatus()
        {
            Fails(FotaResult.UnexpectedStatus, Requests.Head("HTTP/1.1 101 Switching Protocols", new string[] { "Upgrade: websocket" }),
                MemoryConnection.EndClose, new MemoryRegion(0));
        }

        [TestMethod]
        public static void EmptyFirmware_EmptyBody_RegionUntouched()
        {
            MemoryRegion region = new MemoryRegion(0);
            Fails(FotaResult.EmptyBody, Requests.Ok(new byte[0]), MemoryConnection.EndClose, region);
            Assert.AreEqual("", region.Calls);
        }
    }
}
