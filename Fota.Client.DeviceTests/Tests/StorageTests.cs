using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // What the verifiers, the region and the options can refuse: nothing is ever committed, and a begun region is
    // aborted once.
    [TestClass]
    public class StorageTests
    {
        private static FotaReport Run(byte[] reply, MemoryRegion region, IFotaVerifier[] verifiers)
        {
            FotaReport report = Requests.Run(reply, region, verifiers);
            Assert.IsFalse(region.Committed, region.Calls);
            return report;
        }

        [TestMethod]
        public static void WrongDigest_VerificationFailed_Aborted()
        {
            MemoryRegion region = new MemoryRegion(3);
            FotaReport report = Run(Requests.Ok(Bytes.Ascii("abd")), region,
                new IFotaVerifier[] { new Sha256Verifier("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad") });
            Assert.AreEqual(FotaResult.VerificationFailed, report.Result, report.ToString());
            Assert.AreEqual(4, report.LegacyCode);
            Assert.IsTrue(report.Detail.IndexOf("SHA-256") >= 0, report.Detail);
            Assert.AreEqual("BWA", region.Calls);
        }

        [TestMethod]
        public static void OneVerifierOfSeveralRefuses_VerificationFailed()
        {
            MemoryRegion region = new MemoryRegion(3);
            FotaReport report = Run(Requests.Ok(Bytes.Ascii("abc")), region,
                new IFotaVerifier[] { new Crc32Verifier(0x352441C2), new LengthVerifier(4) });
            Assert.AreEqual(FotaResult.VerificationFailed, report.Result, report.ToString());
            Assert.IsTrue(region.Aborted);
        }

        [TestMethod]
        public static void AnnouncedImageLargerThanTheRegion_StorageFailed_NeverBegun()
        {
            MemoryRegion region = new MemoryRegion(0);
            region.Capacity = 100;
            FotaReport report = Run(Requests.Ok(Bytes.Counting(101)), region, null);
            Assert.AreEqual(FotaResult.StorageFailed, report.Result, report.ToString());
            Assert.AreEqual("", region.Calls);
        }

        [TestMethod]
        public static void ExactFit_Accepted()
        {
            MemoryRegion region = new MemoryRegion(100);
            region.Capacity = 100;
            Assert.AreEqual(FotaResult.Success, Requests.Run(Requests.Ok(Bytes.Counting(100)), region, null).Result);
        }

        [TestMethod]
        public static void UnannouncedImageOutgrowingTheRegion_StorageFailed_Aborted()
        {
            MemoryRegion region = new MemoryRegion(0);
            region.Capacity = 1000;
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: chunked" }),
                Requests.Chunked(Bytes.Counting(1500), 500));
            FotaReport report = Run(reply, region, null);
            Assert.AreEqual(FotaResult.StorageFailed, report.Result, report.ToString());
            Assert.IsTrue(region.Aborted);
            Assert.IsTrue(region.Length <= 1000, "never written past its capacity: " + region.Length.ToString());
        }

        [TestMethod]
        public static void RegionFailsAtEachStep_StorageFailed()
        {
            int[] steps = { MemoryRegion.FailBegin, MemoryRegion.FailWrite, MemoryRegion.FailCommit };
            string[] names = { "begin", "write", "commit" };
            for (int i = 0; i < steps.Length; i++)
            {
                MemoryRegion region = new MemoryRegion(10);
                region.FailAt = steps[i];
                FotaReport report = Run(Requests.Ok(Bytes.Counting(10)), region, null);
                Assert.AreEqual(FotaResult.StorageFailed, report.Result, report.ToString());
                Assert.IsTrue(report.Detail.IndexOf(names[i]) >= 0, report.Detail);
                Assert.IsTrue(region.Aborted, names[i] + ": " + region.Calls);
            }
        }

        [TestMethod]
        public static void VerifierThatThrows_InternalError_Aborted()
        {
            MemoryRegion region = new MemoryRegion(10);
            // A mismatch is a verdict; an exception out of a verifier is a bug in the plug-in and reported as one.
            FotaReport report = Run(Requests.Ok(Bytes.Counting(10)), region, new IFotaVerifier[] { new Sha256Verifier(new byte[32]) });
            Assert.AreEqual(FotaResult.VerificationFailed, report.Result, "a plain mismatch is no internal error");

            region = new MemoryRegion(10);
            ThrowingVerifier broken = new ThrowingVerifier();
            report = Run(Requests.Ok(Bytes.Counting(10)), region, new IFotaVerifier[] { broken });
            Assert.AreEqual(FotaResult.InternalError, report.Result, report.ToString());
            Assert.IsTrue(report.Detail.IndexOf("verifier bug") >= 0, report.Detail);
            Assert.IsTrue(region.Aborted);
        }

        [TestMethod]
        public static void MalformedOptions_InvalidOptions_NothingSent()
        {
            FotaOptions[] all = new FotaOptions[6];
            for (int i = 0; i < all.Length; i++)
            {
                all[i] = Requests.Options(new MemoryConnector(new MemoryConnection(Requests.Ok(Bytes.Counting(1)))), new MemoryRegion(1));
            }

            all[0].Region = null;
            all[1].ChunkSize = FotaOptions.MinChunkSize - 1;
            all[2].ChunkSize = FotaOptions.MaxChunkSize + 1;
            all[3].Timeout = 0;
            all[4].Verifiers = new IFotaVerifier[] { null };
            all[5].Headers = new string[] { "X-Evil: a\r\nHost: other" };
            for (int i = 0; i < all.Length; i++)
            {
                FotaReport report = FotaClient.Run(all[i]);
                Assert.AreEqual(FotaResult.InvalidOptions, report.Result, "case " + i.ToString() + ": " + report.ToString());
                Assert.AreEqual(0, ((MemoryConnector)all[i].Connector).OpenCount, "case " + i.ToString());
            }

            Assert.AreEqual(FotaResult.InvalidOptions, FotaClient.Run(null).Result);
        }

        [TestMethod]
        public static void HeadersTheLibrarySets_Refused()
        {
            string[] headers = { "Host: x", "content-length: 5", "Connection: keep-alive", "Transfer-Encoding: chunked", "No colon", ": empty name", "Bad Name: x" };
            for (int i = 0; i < headers.Length; i++)
            {
                FotaOptions options = Requests.Options(new MemoryConnector(new MemoryConnection(new byte[0])), new MemoryRegion(0));
                options.Headers = new string[] { headers[i] };
                Assert.AreEqual(FotaResult.InvalidOptions, FotaClient.Run(options).Result, headers[i]);
            }

            FotaOptions method = Requests.Options(new MemoryConnector(new MemoryConnection(new byte[0])), new MemoryRegion(0));
            method.Method = "GE T";
            Assert.AreEqual(FotaResult.InvalidOptions, FotaClient.Run(method).Result);
        }

        private class ThrowingVerifier : IFotaVerifier
        {
            public string Name
            {
                get { return "throwing"; }
            }

            public bool ChecksCompleteness
            {
                get { return false; }
            }

            public void Begin(long expectedLength)
            {
            }

            public void Update(byte[] buffer, int offset, int count)
            {
                throw new InvalidOperationException("verifier bug");
            }

            public bool Finish(out string failure)
            {
                failure = null;
                return true;
            }
        }
    }
}
