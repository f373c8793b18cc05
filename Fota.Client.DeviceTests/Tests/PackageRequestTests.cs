using System;
using Fota.NanoRsaBench;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // A signed package through the whole request path (FotaClient.Run with FotaOptions.PublicKey) on the interpreter:
    // the package of tools/NanoRsaBench (made by fota keygen and fota pack: bench_nanoFramework 1.0.1, 200 bytes of
    // firmware) is accepted and only its payload stored; every refusal leaves the region untouched or aborted.
    [TestClass]
    public class PackageRequestTests
    {
        private const int PayloadLength = 200;

        private const string Name = "bench_nanoFramework";

        private static byte[] Package()
        {
            return Convert.FromBase64String(Vectors.Package2048);
        }

        private static FotaReport Run(byte[] body, string key, string name, string running, MemoryRegion region)
        {
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(Requests.Ok(body)));
            FotaOptions options = Requests.Options(connector, region);
            options.FirmwareName = name;
            options.Version = running;
            options.PublicKey = RsaPublicKey.FromPem(key);
            return FotaClient.Run(options);
        }

        private static void AssertRefused(FotaReport report, string detailStart, MemoryRegion region, string calls)
        {
            Assert.AreEqual(FotaResult.VerificationFailed, report.Result, report.ToString());
            Assert.IsTrue(report.Detail.IndexOf(detailStart) == 0, report.Detail);
            Assert.AreEqual(calls, region.Calls);
            Assert.IsFalse(region.Committed);
        }

        [TestMethod]
        public static void SignedPackage_PayloadStoredAndCommitted()
        {
            byte[] package = Package();
            MemoryRegion region = new MemoryRegion(PayloadLength);
            FotaReport report = Run(package, Vectors.Key2048, Name, "1.0.0", region);
            Assert.AreEqual(FotaResult.Success, report.Result, report.ToString());
            Assert.AreEqual("BWC", region.Calls);
            Assert.AreEqual((long)PayloadLength, region.ExpectedLength);
            Assert.AreEqual((long)PayloadLength, region.Length);
            Assert.AreEqual((long)package.Length, report.BytesReceived);
            int start = package.Length - PayloadLength;
            for (int i = 0; i < PayloadLength; i++)
            {
                if (region.At(i) != package[start + i])
                {
                    Assert.AreEqual(package[start + i], region.At(i), "payload byte " + i.ToString());
                }
            }

            Assert.IsTrue(report.Detail.IndexOf("package signature verified (key id ") == 0, report.Detail);
        }

        [TestMethod]
        public static void OtherKey_RefusedBeforeTheRegion()
        {
            MemoryRegion region = new MemoryRegion(0);
            AssertRefused(Run(Package(), Vectors.Other2048Pkcs1, Name, "1.0.0", region), "package is signed with key id ", region, "");
        }

        [TestMethod]
        public static void Downgrade_RefusedBeforeTheRegion()
        {
            MemoryRegion region = new MemoryRegion(0);
            AssertRefused(Run(Package(), Vectors.Key2048, Name, "1.0.1", region), "package version 1.0.1 is not newer", region, "");
        }

        [TestMethod]
        public static void Renamed_RefusedBeforeTheRegion()
        {
            MemoryRegion region = new MemoryRegion(0);
            AssertRefused(Run(Package(), Vectors.Key2048, "other_nanoFramework", "1.0.0", region), "package is for firmware 'bench_nanoFramework'",
                region, "");
        }

        [TestMethod]
        public static void TruncatedInThePayload_RefusedAndAborted()
        {
            // The reply announces only what it sends, so HTTP framing sees a whole body; the package's own length does not.
            byte[] package = Package();
            byte[] cut = new byte[package.Length - 50];
            Array.Copy(package, cut, cut.Length);
            MemoryRegion region = new MemoryRegion(0);
            AssertRefused(Run(cut, Vectors.Key2048, Name, "1.0.0", region), "package body ended after 150 of 200 payload bytes",
                region, "BWA");
        }

        [TestMethod]
        public static void TruncatedInTheSignature_NothingWritten()
        {
            byte[] package = Package();
            byte[] cut = new byte[package.Length - PayloadLength - 10];
            Array.Copy(package, cut, cut.Length);
            MemoryRegion region = new MemoryRegion(0);
            AssertRefused(Run(cut, Vectors.Key2048, Name, "1.0.0", region), "package body ended after ", region, "");
        }
    }
}
