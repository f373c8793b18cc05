using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    [TestClass]
    public class ReportTests
    {
        // protocol.md §4: libfota2's 0 success, 1 connection failed or bad URL, 3 closed early, 5 bad version or missing
        // key, 4 for everything else (no upgrade included); 2 never.
        [TestMethod]
        public static void LegacyCodes_AsLibfota2()
        {
            Assert.AreEqual(0, FotaReport.ToLegacyCode(FotaResult.Success));
            Assert.AreEqual(1, FotaReport.ToLegacyCode(FotaResult.ConnectionFailed));
            Assert.AreEqual(1, FotaReport.ToLegacyCode(FotaResult.InvalidUrl));
            Assert.AreEqual(3, FotaReport.ToLegacyCode(FotaResult.ClosedEarly));
            Assert.AreEqual(5, FotaReport.ToLegacyCode(FotaResult.InvalidVersion));
            Assert.AreEqual(5, FotaReport.ToLegacyCode(FotaResult.MissingProjectKey));
            FotaResult[] four =
            {
                FotaResult.UpToDate, FotaResult.Refused, FotaResult.InvalidOptions, FotaResult.Timeout, FotaResult.ProtocolError,
                FotaResult.UnexpectedStatus, FotaResult.EmptyBody, FotaResult.VerificationFailed, FotaResult.StorageFailed,
                FotaResult.Busy, FotaResult.InternalError,
            };
            for (int i = 0; i < four.Length; i++)
            {
                Assert.AreEqual(4, FotaReport.ToLegacyCode(four[i]), FotaReport.NameOf(four[i]));
            }
        }

        // On nanoCLR enum.ToString() gives digits: the report must spell every result out itself.
        [TestMethod]
        public static void ResultNames_SpelledOutOnTheDevice()
        {
            string[] names =
            {
                "Success", "UpToDate", "Refused", "InvalidOptions", "InvalidVersion", "MissingProjectKey", "InvalidUrl",
                "ConnectionFailed", "ClosedEarly", "Timeout", "ProtocolError", "UnexpectedStatus", "EmptyBody",
                "VerificationFailed", "StorageFailed", "Busy", "InternalError",
            };
            for (int i = 0; i < names.Length; i++)
            {
                Assert.AreEqual(names[i], FotaReport.NameOf((FotaResult)i));
            }

            Assert.AreEqual("9", FotaResult.Timeout.ToString(), "if nanoCLR starts naming enums, NameOf can go");
        }

        [TestMethod]
        public static void ToString_OneLineWithStatusCodeAndMessage()
        {
            FotaReport report = Requests.Run(Requests.WithBody("HTTP/1.1 409 Conflict",
                Bytes.Ascii("{\"code\":27,\"msg\":\"latest\"}")), new MemoryRegion(0), null);
            string line = report.ToString();
            Assert.AreEqual(0, line.IndexOf("UpToDate (HTTP 409): platform code 27 \"latest\""), line);
            Assert.IsTrue(line.IndexOf('\n') < 0 && line.IndexOf('\r') < 0, line);
        }
    }
}
