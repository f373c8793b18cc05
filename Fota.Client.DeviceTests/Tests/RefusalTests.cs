using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // "No upgrade" answers through the whole request path: the report carries the platform's code and message, and
    // the region is never touched.
    [TestClass]
    public class RefusalTests
    {
        private static FotaReport Refusal(string statusLine, byte[] body, MemoryRegion region)
        {
            return Requests.Run(Requests.WithBody(statusLine, body), region, null);
        }

        [TestMethod]
        public static void AlreadyLatest_IsUpToDate()
        {
            MemoryRegion region = new MemoryRegion(16);
            FotaReport report = Refusal("HTTP/1.1 409 Conflict",
                Bytes.Ascii("{\"code\":27,\"msg\":\"\\u5df2\\u662f\\u6700\\u65b0\\u7248\\u672c\"}"), region);
            Assert.AreEqual(FotaResult.UpToDate, report.Result, report.ToString());
            Assert.AreEqual(4, report.LegacyCode);
            Assert.AreEqual(409, report.HttpStatus);
            Assert.AreEqual(27, report.PlatformCode);
            Assert.AreEqual("5DF2 662F 6700 65B0 7248 672C", Bytes.Units(report.PlatformMessage));
            Assert.AreEqual("", region.Calls);
        }

        [TestMethod]
        public static void OtherCodes_AreRefusedWithAHint()
        {
            int[] codes = { 3, 17, 21, 25, 26, 40, 43, 44 };
            for (int i = 0; i < codes.Length; i++)
            {
                FotaReport report = Refusal("HTTP/1.1 403 Forbidden", Bytes.Ascii("{\"code\":" + codes[i].ToString() + ",\"msg\":\"m\"}"),
                    new MemoryRegion(0));
                Assert.AreEqual(FotaResult.Refused, report.Result, report.ToString());
                Assert.AreEqual(codes[i], report.PlatformCode);
                Assert.IsTrue(report.ToString().IndexOf(". Hint: ") > 0, report.ToString());
            }
        }

        [TestMethod]
        public static void NonBmpMessage_RawUtf8_ReachesTheReport()
        {
            // {"code":26,"msg":"固件😀"} with the message as raw UTF-8.
            byte[] body = Bytes.FromHex("7b22636f6465223a32362c226d7367223a22" + "e59bbae4bbb6f09f9880" + "227d");
            FotaReport report = Refusal("HTTP/1.1 404 Not Found", body, new MemoryRegion(0));
            Assert.AreEqual(26, report.PlatformCode);
            Assert.AreEqual("56FA 4EF6 D83D DE00", Bytes.Units(report.PlatformMessage));
        }

        [TestMethod]
        public static void NonBmpMessage_Escaped_ReachesTheReport()
        {
            FotaReport report = Refusal("HTTP/1.1 404 Not Found", Bytes.Ascii("{\"code\":26,\"msg\":\"\\ud83d\\ude00\"}"), new MemoryRegion(0));
            Assert.AreEqual("D83D DE00", Bytes.Units(report.PlatformMessage));
        }

        [TestMethod]
        public static void HtmlErrorPage_KeptAsAnExcerpt()
        {
            FotaReport report = Refusal("HTTP/1.1 502 Bad Gateway", Bytes.Ascii("<html><body>502 Bad Gateway</body></html>"), new MemoryRegion(0));
            Assert.AreEqual(FotaResult.Refused, report.Result);
            Assert.AreEqual(-1, report.PlatformCode);
            Assert.IsNull(report.PlatformMessage);
            Assert.AreEqual("reply: <html><body>502 Bad Gateway</body></html>", report.Detail);
        }

        [TestMethod]
        public static void ChunkedRefusal_Decoded()
        {
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 409 Conflict", new string[] { "Transfer-Encoding: chunked" }),
                Requests.Chunked(Bytes.Ascii("{\"code\": 27, \"msg\": \"latest\"}"), 5));
            FotaReport report = Requests.Run(reply, new MemoryRegion(0), null);
            Assert.AreEqual(FotaResult.UpToDate, report.Result, report.ToString());
            Assert.AreEqual("latest", report.PlatformMessage);
        }

        [TestMethod]
        public static void RefusalWithoutBody()
        {
            FotaReport report = Requests.Run(Requests.Head("HTTP/1.1 404 Not Found", new string[] { "Content-Length: 0" }),
                new MemoryRegion(0), null);
            Assert.AreEqual(FotaResult.Refused, report.Result);
            Assert.AreEqual(404, report.HttpStatus);
            Assert.AreEqual(-1, report.PlatformCode);
        }

        [TestMethod]
        public static void RefusalCutShort_StillARefusal()
        {
            // The status already says "no upgrade"; a broken body only loses the explanation.
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 409 Conflict", new string[] { "Content-Length: 100" }),
                Bytes.Ascii("{\"code\":27"));
            Assert.AreEqual(FotaResult.Refused, Requests.Run(reply, new MemoryRegion(0), null).Result);
        }
    }
}
