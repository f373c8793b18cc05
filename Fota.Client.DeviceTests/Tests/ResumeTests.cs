using System;
using Fota.NanoRsaBench;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // Resume on the interpreter: digests that save and restore their midstate, a dropped body continued with Range in
    // the same request, a new file started over, and a download continued by the next request from a checkpoint (plain
    // image and signed package, whose header is verified again).
    [TestClass]
    public class ResumeTests
    {
        private const int ImageLength = 10000;
        private const int Cut = 4000;

        // SHA-256 of Bytes.Counting(10000), from Python's hashlib (as in DownloadTests).
        private const string ImageSha256 = "3421d9aa928a94decb191ab8e8b76c1d8434bf602c5b3ba10ad42f54c8199c34";
        private const string MillionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

        private static byte[] Slice(byte[] bytes, int from, int count)
        {
            byte[] slice = new byte[count];
            Array.Copy(bytes, from, slice, 0, count);
            return slice;
        }

        // The first `sent` bytes of a 200 that announces all of `body`, with an ETag; the connection then closes.
        private static MemoryConnection Cut200(byte[] body, int sent, string etag)
        {
            byte[] head = Requests.Head("HTTP/1.1 200 OK", new string[] { "Content-Length: " + body.Length.ToString(), "ETag: " + etag });
            return new MemoryConnection(Bytes.Concat(head, Slice(body, 0, sent)));
        }

        private static MemoryConnection Rest206(byte[] body, int from, string etag)
        {
            byte[] head = Requests.Head("HTTP/1.1 206 Partial Content", new string[]
            {
                "Content-Length: " + (body.Length - from).ToString(),
                "Content-Range: bytes " + from.ToString() + "-" + (body.Length - 1).ToString() + "/" + body.Length.ToString(),
                "ETag: " + etag,
            });
            return new MemoryConnection(Bytes.Concat(head, Slice(body, from, body.Length - from)));
        }

        private static MemoryConnection Whole200(byte[] body, string etag)
        {
            byte[] head = Requests.Head("HTTP/1.1 200 OK", new string[] { "Content-Length: " + body.Length.ToString(), "ETag: " + etag });
            return new MemoryConnection(Bytes.Concat(head, body));
        }

        private static FotaOptions Options(MemoryConnection[] connections, IFotaRegion region, int attempts)
        {
            FotaOptions options = Requests.Options(new MemoryConnector(connections), region);
            options.MaxAttempts = attempts;
            options.RetryDelay = 0;
            options.Verifiers = new IFotaVerifier[] { new Sha256Verifier(ImageSha256), new LengthVerifier(ImageLength) };
            return options;
        }

        private static void AssertImage(ResumableMemoryRegion region, byte[] expected, int offset)
        {
            Assert.IsTrue(region.Committed, region.Calls);
            Assert.AreEqual((long)(expected.Length - offset), region.Length);
            for (int i = offset; i < expected.Length; i++)
            {
                if (region.At(i - offset) != expected[i])
                {
                    Assert.AreEqual(expected[i], region.At(i - offset), "image byte " + (i - offset).ToString());
                }
            }
        }

        [TestMethod]
        public static void Sha256_SavedHalfWay_ContinuesInAnotherInstance()
        {
            byte[] piece = Bytes.Repeat((byte)'a', 1000);
            Sha256 first = new Sha256();
            for (int i = 0; i < 500; i++)
            {
                first.Update(piece, 0, piece.Length);
            }

            first.Update(piece, 0, 17);
            byte[] state = new byte[Sha256.StateLength];
            first.SaveState(state, 0);

            Sha256 second = new Sha256();
            Assert.IsTrue(second.RestoreState(state, 0));
            second.Update(piece, 0, 1000 - 17);
            for (int i = 501; i < 1000; i++)
            {
                second.Update(piece, 0, piece.Length);
            }

            Assert.AreEqual(MillionA, Bytes.ToHex(second.Finish()));
        }

        [TestMethod]
        public static void Crc32AndVerifiers_RestoredMidway_GiveThePublishedVerdicts()
        {
            byte[] digits = Bytes.Ascii("123456789");
            Crc32 first = new Crc32();
            first.Update(digits, 0, 4);
            byte[] state = new byte[Crc32.StateLength];
            first.SaveState(state, 0);
            Crc32 second = new Crc32();
            second.RestoreState(state, 0);
            second.Update(digits, 4, 5);
            Assert.AreEqual(0xCBF43926u, second.Value);

            byte[] abc = Bytes.Ascii("abc");
            IResumableVerifier[] before = { new Sha256Verifier("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), new LengthVerifier(3) };
            IResumableVerifier[] after = { new Sha256Verifier("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"), new LengthVerifier(3) };
            for (int i = 0; i < before.Length; i++)
            {
                ((IFotaVerifier)before[i]).Begin(3);
                ((IFotaVerifier)before[i]).Update(abc, 0, 1);
                byte[] saved = new byte[before[i].StateLength];
                before[i].SaveState(saved, 0);
                Assert.IsTrue(after[i].RestoreState(saved, 0));
                ((IFotaVerifier)after[i]).Update(abc, 1, 2);
                string failure;
                Assert.IsTrue(((IFotaVerifier)after[i]).Finish(out failure), failure);
            }
        }

        [TestMethod]
        public static void DroppedBody_ContinuesWithRangeAndIfRange()
        {
            byte[] image = Bytes.Counting(ImageLength);
            MemoryConnection resumed = Rest206(image, Cut, "\"v1\"");
            ResumableMemoryRegion region = new ResumableMemoryRegion(ImageLength);
            FotaReport report = FotaClient.Run(Options(new MemoryConnection[] { Cut200(image, Cut, "\"v1\""), resumed }, region, 2));
            Assert.AreEqual(FotaResult.Success, report.Result, report.ToString());
            AssertImage(region, image, 0);
            Assert.IsTrue(resumed.WrittenText.IndexOf("\r\nRange: bytes=4000-\r\nIf-Range: \"v1\"\r\n") > 0, resumed.WrittenText);
            Assert.AreEqual("BKC", region.Calls, "a checkpoint before the second attempt");
        }

        [TestMethod]
        public static void RangeIgnoredOrFileChanged_StartsOverNeverSplices()
        {
            byte[] image = Bytes.Counting(ImageLength);
            ResumableMemoryRegion ignored = new ResumableMemoryRegion(ImageLength);
            FotaReport report = FotaClient.Run(Options(new MemoryConnection[] { Cut200(image, Cut, "\"v1\""), Whole200(image, "\"v1\"") }, ignored, 2));
            Assert.AreEqual(FotaResult.Success, report.Result, report.ToString());
            AssertImage(ignored, image, 0);
            Assert.AreEqual("BKABC", ignored.Calls);

            // A 206 of another version of the file: not used; the third attempt asks for the whole file.
            MemoryConnection whole = Whole200(image, "\"v2\"");
            ResumableMemoryRegion changed = new ResumableMemoryRegion(ImageLength);
            report = FotaClient.Run(Options(new MemoryConnection[] { Cut200(image, Cut, "\"v1\""), Rest206(image, Cut, "\"v2\""), whole }, changed, 3));
            Assert.AreEqual(FotaResult.Success, report.Result, report.ToString());
            AssertImage(changed, image, 0);
            Assert.IsTrue(whole.WrittenText.IndexOf("Range:") < 0, whole.WrittenText);
        }

        [TestMethod]
        public static void NextRequest_ContinuesFromTheCheckpoint()
        {
            byte[] image = Bytes.Counting(ImageLength);
            ResumableMemoryRegion region = new ResumableMemoryRegion(ImageLength);
            FotaReport first = FotaClient.Run(Options(new MemoryConnection[] { Cut200(image, Cut, "\"v1\"") }, region, 1));
            Assert.AreEqual(FotaResult.ClosedEarly, first.Result, first.ToString());
            Assert.AreEqual("BKS", region.Calls);

            MemoryConnection resumed = Rest206(image, Cut, "\"v1\"");
            FotaReport second = FotaClient.Run(Options(new MemoryConnection[] { resumed }, region, 1));
            Assert.AreEqual(FotaResult.Success, second.Result, second.ToString());
            AssertImage(region, image, 0);
            Assert.AreEqual("BKSRC", region.Calls);
            Assert.IsTrue(resumed.WrittenText.IndexOf("Range: bytes=4000-") > 0, resumed.WrittenText);
        }

        [TestMethod]
        public static void SignedPackage_NextRequestVerifiesTheSavedHeaderAgainAndContinues()
        {
            byte[] package = Convert.FromBase64String(Vectors.Package2048);
            int payloadStart = package.Length - 200;
            ResumableMemoryRegion region = new ResumableMemoryRegion(200);
            FotaOptions options = Options(new MemoryConnection[] { Cut200(package, payloadStart + 50, "\"p\"") }, region, 1);
            options.Verifiers = null;
            options.FirmwareName = "bench_nanoFramework";
            options.Version = "1.0.0";
            options.PublicKey = RsaPublicKey.FromPem(Vectors.Key2048);
            Assert.AreEqual(FotaResult.ClosedEarly, FotaClient.Run(options).Result);

            options.Connector = new MemoryConnector(Rest206(package, payloadStart + 50, "\"p\""));
            FotaReport report = FotaClient.Run(options);
            Assert.AreEqual(FotaResult.Success, report.Result, report.ToString());
            AssertImage(region, package, payloadStart);
            Assert.IsTrue(report.Detail.IndexOf("package signature verified") == 0, report.Detail);
            Assert.IsTrue(report.Detail.IndexOf("continued an interrupted download at byte " + (payloadStart + 50).ToString()) > 0, report.Detail);
        }
    }
}
