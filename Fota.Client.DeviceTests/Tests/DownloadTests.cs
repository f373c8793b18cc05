using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // The whole request path (FotaClient.Run) over an in-memory connection into an in-memory region, for every
    // framing a server may use; the image must arrive byte for byte and be committed once.
    [TestClass]
    public class DownloadTests
    {
        private const int ImageLength = 10000;

        // SHA-256 and CRC-32 of Bytes.Counting(10000), from Python's hashlib and zlib.
        private const string ImageSha256 = "3421d9aa928a94decb191ab8e8b76c1d8434bf602c5b3ba10ad42f54c8199c34";
        private const uint ImageCrc32 = 0xD1FFC4FC;

        private static void AssertStored(MemoryRegion region, FotaReport report, int length)
        {
            Assert.AreEqual(FotaResult.Success, report.Result, report.ToString());
            Assert.AreEqual(0, report.LegacyCode);
            Assert.IsTrue(region.Committed, region.Calls);
            Assert.IsFalse(region.Aborted, region.Calls);
            Assert.AreEqual(1, region.Clears, "the request's first call clears leftovers");
            Assert.AreEqual(length, region.Length);
            Assert.AreEqual((long)length, report.BytesReceived);
            for (int i = 0; i < length; i++)
            {
                if (region.At(i) != (byte)i)
                {
                    Assert.AreEqual((int)(byte)i, (int)region.At(i), "image byte " + i.ToString());
                }
            }
        }

        [TestMethod]
        public static void ContentLength_StoredAndCommitted()
        {
            MemoryRegion region = new MemoryRegion(ImageLength);
            FotaReport report = Requests.Run(Requests.Ok(Bytes.Counting(ImageLength)), region, null);
            AssertStored(region, report, ImageLength);
            Assert.AreEqual(200, report.HttpStatus);
            Assert.AreEqual((long)ImageLength, report.BytesExpected);
            Assert.AreEqual((long)ImageLength, region.ExpectedLength);
            Assert.AreEqual("B", region.Calls.Substring(0, 1));
            Assert.AreEqual("C", region.Calls.Substring(region.Calls.Length - 1));
        }

        [TestMethod]
        public static void RepliesArrivingInTinyPieces()
        {
            MemoryRegion region = new MemoryRegion(ImageLength);
            MemoryConnection connection = new MemoryConnection(Requests.Ok(Bytes.Counting(ImageLength)));
            connection.MaxRead = 7;
            FotaOptions options = Requests.Options(new MemoryConnector(connection), region);
            AssertStored(region, FotaClient.Run(options), ImageLength);
            Assert.AreEqual(1, connection.CloseCount);
        }

        [TestMethod]
        public static void Chunked_StoredAndCommitted()
        {
            MemoryRegion region = new MemoryRegion(ImageLength);
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: chunked" }),
                Requests.Chunked(Bytes.Counting(ImageLength), 1000));
            FotaReport report = Requests.Run(reply, region, null);
            AssertStored(region, report, ImageLength);
            Assert.AreEqual(-1L, report.BytesExpected);
            Assert.AreEqual(-1L, region.ExpectedLength);
        }

        [TestMethod]
        public static void Chunked_ExtensionsAndTrailersIgnored()
        {
            MemoryRegion region = new MemoryRegion(16);
            // Image bytes 00 01 02 03 04 05 as explicit bytes: a string cannot carry U+0000 on nanoCLR (C strings inside).
            byte[] body = Bytes.Concat(Bytes.Ascii("4;name=value\r\n"), Bytes.Counting(4));
            body = Bytes.Concat(body, Bytes.Ascii("\r\n2\r\n"));
            body = Bytes.Concat(body, Bytes.FromHex("0405"));
            body = Bytes.Concat(body, Bytes.Ascii("\r\n0\r\nX-Checksum: none\r\n\r\n"));
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Transfer-Encoding: chunked" }), body);
            AssertStored(region, Requests.Run(reply, region, null), 6);
        }

        [TestMethod]
        public static void InterimReplies_Skipped()
        {
            MemoryRegion region = new MemoryRegion(64);
            byte[] reply = Bytes.Concat(Bytes.Ascii("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n"),
                Requests.Ok(Bytes.Counting(64)));
            AssertStored(region, Requests.Run(reply, region, null), 64);
        }

        [TestMethod]
        public static void PartialContent_CoveringTheWholeImage()
        {
            MemoryRegion region = new MemoryRegion(100);
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 206 Partial Content",
                new string[] { "Content-Range: bytes 0-99/100", "Content-Length: 100" }), Bytes.Counting(100));
            FotaReport report = Requests.Run(reply, region, null);
            AssertStored(region, report, 100);
            Assert.AreEqual(206, report.HttpStatus);
        }

        // A body ended by the close, checked by a verifier that knows the length: complete, so accepted.
        [TestMethod]
        public static void CloseDelimited_WithALengthCheck()
        {
            MemoryRegion region = new MemoryRegion(300);
            byte[] reply = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", null), Bytes.Counting(300));
            FotaReport report = Requests.Run(reply, region, new IFotaVerifier[] { new LengthVerifier(300) });
            AssertStored(region, report, 300);
        }

        [TestMethod]
        public static void EveryVerifierPasses_Committed()
        {
            MemoryRegion region = new MemoryRegion(ImageLength);
            IFotaVerifier[] verifiers =
            {
                new LengthVerifier(ImageLength), new Crc32Verifier(ImageCrc32), new Sha256Verifier(ImageSha256),
            };
            AssertStored(region, Requests.Run(Requests.Ok(Bytes.Counting(ImageLength)), region, verifiers), ImageLength);
        }

        [TestMethod]
        public static void SmallestBuffer_LongImage()
        {
            MemoryRegion region = new MemoryRegion(ImageLength);
            MemoryConnection connection = new MemoryConnection(Requests.Ok(Bytes.Counting(ImageLength)));
            FotaOptions options = Requests.Options(new MemoryConnector(connection), region);
            options.ChunkSize = FotaOptions.MinChunkSize;
            options.Verifiers = new IFotaVerifier[] { new Sha256Verifier(ImageSha256) };
            AssertStored(region, FotaClient.Run(options), ImageLength);
        }

        [TestMethod]
        public static void RequestHead_AsSent()
        {
            MemoryConnection connection = new MemoryConnection(Requests.Ok(Bytes.Counting(1)));
            FotaOptions options = Requests.Options(new MemoryConnector(connection), new MemoryRegion(1));
            options.Method = "POST";
            options.Headers = new string[] { "X-Device: \u00e9\U0001F600", "Authorization: Bearer t" };
            options.Body = Bytes.Ascii("{\"a\":1}");
            Assert.AreEqual(FotaResult.Success, FotaClient.Run(options).Result);

            string written = connection.WrittenText;
            Assert.IsTrue(written.IndexOf("POST /api/site/firmware_upgrade?imei=") == 0, written);
            Assert.IsTrue(written.IndexOf("\r\nConnection: close\r\n") > 0, written);
            Assert.IsTrue(written.IndexOf("\r\nAuthorization: Bearer t\r\n") > 0, written);
            Assert.IsTrue(written.IndexOf("\r\nContent-Length: 7\r\n\r\n{\"a\":1}") > 0, written);
            Assert.AreEqual(written.Length, written.IndexOf("\r\n\r\n") + 4 + 7, "the body follows the head and nothing else");

            // The header value in UTF-8 on the wire: C3 A9 for U+00E9, F0 9F 98 80 for U+1F600.
            int value = written.IndexOf("X-Device: ") + "X-Device: ".Length;
            byte[] sent = new byte[8];
            for (int i = 0; i < sent.Length; i++)
            {
                sent[i] = connection.WrittenAt(value + i);
            }

            Assert.AreEqual("c3a9f09f98800d0a", Bytes.ToHex(sent));
        }
    }
}
