using System;
using System.IO;
using System.Linq;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary>
    /// fota url, check and get run as processes against a server started in the test (the real one, or a scripted
    /// one for the failures a good server never produces): output and one exit status per result.
    /// </summary>
    public class DeviceCommandTests : IDisposable
    {
        private const string Reference = "http://iot.openluat.com/api/site/firmware_upgrade?imei=C81234567830&project_key=b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM&firmware_name=fotademo_LuatOS-SoC_AIR601&version=1025.1.0";

        private readonly TempFolder work = new TempFolder();

        public void Dispose()
        {
            work.Dispose();
        }

        [Fact]
        public void UrlReproducesTheReferenceUrlByteForByte()
        {
            var result = Fota("url", "--imei", "C81234567830", "--project-key", "b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM",
                "--firmware-name", "fotademo_LuatOS-SoC_AIR601", "--version", "1025.1.0");

            Assert.Equal(0, result.Exit);
            Assert.Equal(Reference + "\n", result.Out);
            Assert.Equal("", result.Err);
        }

        [Fact]
        public void UrlJoinsACustomBaseAndWarnsOnStderrOnly()
        {
            var result = Fota("url", "--url", "http://127.0.0.1:5080/x?tenant=1", "--imei", "dev 1", "--project-key", "K",
                "--firmware-name", "app", "--version", "1.0.2");

            Assert.Equal(0, result.Exit);
            Assert.Equal("http://127.0.0.1:5080/x?tenant=1&imei=dev%201&project_key=K&firmware_name=app&version=1.0.2\n", result.Out);
            Assert.Contains("percent-encoded", result.Err);
        }

        [Fact]
        public void UrlSendsTheDeviceIdUnderTheChosenParameter()
        {
            // libfota2 on a Wi-Fi module sends its MAC as mac=...; the platform's reference URL uses imei=.
            var result = Fota("url", "--id-parameter", "mac", "--imei", "C81234567830", "--project-key", "K",
                "--firmware-name", "app", "--version", "1.0.2");

            Assert.Equal(0, result.Exit);
            Assert.Equal("http://iot.openluat.com/api/site/firmware_upgrade?mac=C81234567830&project_key=K&firmware_name=app&version=1.0.2\n",
                result.Out);
        }

        [Theory]
        [InlineData("version", "is the name of another parameter")]
        [InlineData("im ei", "must be 1-32 letters")]
        [InlineData("", "is empty")]
        public void UrlRefusesAnIdParameterThatCannotNameTheId(string name, string why)
        {
            var result = Fota("url", "--id-parameter", name, "--imei", "d", "--project-key", "K", "--firmware-name", "app", "--version", "1.0.2");

            Assert.Equal(2, result.Exit);
            Assert.Equal("", result.Out);
            Assert.Contains("--id-parameter", result.Err);
            Assert.Contains(why, result.Err);
        }

        [Fact]
        public void UrlVerbatimIsPrintedWithoutItsPrefix()
        {
            var result = Fota("url", "--url", "###http://127.0.0.1/fixed.bin");

            Assert.Equal(0, result.Exit);
            Assert.Equal("http://127.0.0.1/fixed.bin\n", result.Out);
            Assert.Contains("###", result.Err);
        }

        [Theory]
        [InlineData(7, "MissingProjectKey", "--imei", "d", "--firmware-name", "app", "--version", "1.0.2")]
        [InlineData(6, "InvalidVersion", "--url", "http://127.0.0.1:1/u", "--imei", "d", "--firmware-name", "app", "--version", "1.0")]
        [InlineData(5, "InvalidOptions", "--url", "http://127.0.0.1:1/u", "--firmware-name", "app", "--version", "1.0.2")]
        [InlineData(8, "InvalidUrl", "--url", "http://127.0.0.1:1/u#top", "--imei", "d", "--firmware-name", "app", "--version", "1.0.2")]
        [InlineData(2, "--version", "--imei", "d", "--version")]
        public void UrlRefusesWhatADeviceWouldRefuseBeforeAnyTraffic(int exit, string expected, params string[] args)
        {
            var result = Fota(new[] { "url" }.Concat(args).ToArray());

            Assert.Equal(exit, result.Exit);
            Assert.Equal("", result.Out);
            Assert.Contains(expected, result.Err);
        }

        [Fact]
        public void CheckTellsOfferedFromAlreadyLatestFromRefused()
        {
            using var harness = new ServerHarness();
            string[] device = { "--url", harness.Server.UpgradeUrl, "--imei", "checker", "--project-key", harness.KeyA };

            var offered = Fota(Args("check", device, "--firmware-name", "app", "--version", "1.0.1"));
            var latest = Fota(Args("check", device, "--firmware-name", "app", "--version", "1.0.5"));
            var refused = Fota(Args("check", device, "--firmware-name", "nope", "--version", "1.0.1"));
            var wait = Fota(Args("check", device, "--firmware-name", "slow", "--version", "1.0.1"));

            Assert.Equal(0, offered.Exit);
            Assert.Contains("HTTP 200, a firmware of 5000 bytes", offered.Out);
            Assert.Equal(3, latest.Exit);
            Assert.Contains("HTTP 409, platform code 27 \"已是最新版本\"", latest.Out);
            Assert.Contains("Diagnosis: UpToDate (HTTP 409)", latest.Out);
            Assert.Equal(4, refused.Exit);
            Assert.Contains("platform code 26", refused.Out);
            Assert.Contains("Hint: invalid firmware", refused.Out);
            Assert.Equal(4, wait.Exit);
            Assert.Contains("platform code 43", wait.Out);
            Assert.Empty(Directory.GetFiles(work.Path));
        }

        [Fact]
        public void CheckReportsBadOptionsWithoutTraffic()
        {
            var missingKey = Fota("check", "--imei", "d", "--firmware-name", "app", "--version", "1.0.2");
            var badVersion = Fota("check", "--url", "http://127.0.0.1:1/u", "--imei", "d", "--firmware-name", "app", "--version", "x");
            var noImei = Fota("check", "--url", "http://127.0.0.1:1/u", "--firmware-name", "app", "--version", "1.0.2");
            var badUrl = Fota("check", "--url", "ftp://127.0.0.1/u", "--imei", "d", "--firmware-name", "app", "--version", "1.0.2");

            Assert.Equal(7, missingKey.Exit);
            Assert.Equal(6, badVersion.Exit);
            Assert.Equal(5, noImei.Exit);
            Assert.Equal(8, badUrl.Exit);
            Assert.Contains("Answer:    none", missingKey.Out);
        }

        [Fact]
        public void CheckTellsNetworkFailuresApart()
        {
            var refused = Fota(Args("check", Device("http://127.0.0.1:" + ScriptedServer.UnusedPort() + "/u")));
            using var closing = new ScriptedServer(c => c.Close());
            var closed = Fota(Args("check", Device(closing.BaseUrl)));
            using var silent = new ScriptedServer(c => c.Stall());
            var timeout = Fota(Args("check", Device(silent.BaseUrl), "--timeout", "1"));
            using var garbage = new ScriptedServer(c => { c.Send("HELLO THERE\r\n\r\n"); c.Close(); });
            var protocol = Fota(Args("check", Device(garbage.BaseUrl)));
            using var noContent = new ScriptedServer(c => { c.Send("HTTP/1.1 204 No Content\r\n\r\n"); c.Close(); });
            var unexpected = Fota(Args("check", Device(noContent.BaseUrl)));
            using var empty = new ScriptedServer(c => { c.Send(ScriptedServer.Reply(200, "")); c.Close(); });
            var emptyBody = Fota(Args("check", Device(empty.BaseUrl)));

            Assert.Equal(9, refused.Exit);
            Assert.Equal(10, closed.Exit);
            Assert.Equal(11, timeout.Exit);
            Assert.Equal(12, protocol.Exit);
            Assert.Equal(13, unexpected.Exit);
            Assert.Equal(14, emptyBody.Exit);
            Assert.Contains("Diagnosis: ConnectionFailed", refused.Out);
            Assert.Contains("Diagnosis: EmptyBody", emptyBody.Out);
        }

        [Fact]
        public void GetDownloadsVerifiesAndWritesTheFileOnlyOnSuccess()
        {
            using var harness = new ServerHarness();
            byte[] firmware = harness.File("Alpha", "app", "1.0.5");
            string[] device = { "--url", harness.Server.UpgradeUrl, "--imei", "getter", "--project-key", harness.KeyA, "--firmware-name", "app" };
            string sha = Firmware.Sha256Hex(firmware);
            string crc = Crc32.Compute(firmware, 0, firmware.Length).ToString("x8");

            var got = Fota(Args("get", device, "--version", "1.0.1", "--out", work.File("ok.bin"), "--sha256", sha, "--crc32", crc));
            var wrongSha = Fota(Args("get", device, "--version", "1.0.1", "--out", work.File("bad.bin"), "--sha256", new string('0', 64)));
            var latest = Fota(Args("get", device, "--version", "1.0.5", "--out", work.File("latest.bin")));
            Directory.CreateDirectory(work.File("taken"));
            var storage = Fota(Args("get", device, "--version", "1.0.1", "--out", work.File("taken")));
            var badHex = Fota(Args("get", device, "--version", "1.0.1", "--out", work.File("x.bin"), "--crc32", "xyz"));

            Assert.Equal(0, got.Exit);
            Assert.Equal(firmware, File.ReadAllBytes(work.File("ok.bin")));
            Assert.Contains("sha256 " + sha, got.Out);
            Assert.Contains("100%", got.Err);
            Assert.Equal(15, wrongSha.Exit);
            Assert.Contains("VerificationFailed", wrongSha.Err);
            Assert.Contains("SHA-256 mismatch: expected " + new string('0', 64) + ", got " + sha, wrongSha.Err);
            Assert.Equal(3, latest.Exit);
            Assert.Equal(16, storage.Exit);
            Assert.Equal(2, badHex.Exit);
            Assert.Equal(new[] { "ok.bin" }, Directory.GetFiles(work.Path).Select(Path.GetFileName));
        }

        [Theory]
        [InlineData("65536")]
        [InlineData("512")] // some 1,400 segments through the hashing thread's 8 buffers
        public void GetPrintsTheDigestOfTheStreamWithoutReadingTheFileAgain(string chunkSize)
        {
            using var harness = new ServerHarness();
            harness.AddFirmware("Alpha", harness.KeyA, "big", "1.0.2", 700_000);
            byte[] firmware = harness.File("Alpha", "big", "1.0.2");
            File.WriteAllText(work.File("sentinel"), "read last");
            var reads = new System.Collections.Concurrent.ConcurrentQueue<string>();
            using var sentinelRead = new System.Threading.ManualResetEventSlim();
            using var watcher = new FileSystemWatcher(work.Path) { NotifyFilter = NotifyFilters.LastAccess };
            watcher.Changed += (_, e) =>
            {
                if (e.Name == "sentinel")
                {
                    sentinelRead.Set();
                }
                else if (e.Name == "big.bin")
                {
                    reads.Enqueue(e.Name); // the stored file: fota only writes big.bin.part and renames it
                }
            };
            watcher.EnableRaisingEvents = true;

            var got = Fota("get", "--url", harness.Server.UpgradeUrl, "--imei", "hasher", "--project-key", harness.KeyA,
                "--firmware-name", "big", "--version", "1.0.1", "--out", work.File("big.bin"), "--chunk-size", chunkSize);

            // inotify reports in order: once the sentinel's read is seen, any read of big.bin by fota was seen before it.
            File.ReadAllBytes(work.File("sentinel"));
            Assert.True(sentinelRead.Wait(30000), "no inotify event for the sentinel");
            watcher.EnableRaisingEvents = false;
            string[] readByFota = reads.ToArray();
            Assert.Equal(0, got.Exit);
            Assert.Contains("Saved " + work.File("big.bin") + ": 700000 bytes, sha256 " + Firmware.Sha256Hex(firmware) + ".", got.Out);
            Assert.Empty(readByFota);
            Assert.Equal(firmware, File.ReadAllBytes(work.File("big.bin")));
        }

        [Fact]
        public void GetHashesAChunkedBodyOfOddPieces()
        {
            byte[] body = Firmware.Make(300_000, seed: 23);
            int[] sizes = { 1, 7, 500, 4093, 65536, 65535, 3 };
            var reply = new System.Collections.Generic.List<byte>(System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n"));
            for (int at = 0, i = 0; at < body.Length; i++)
            {
                int size = Math.Min(sizes[i % sizes.Length], body.Length - at);
                reply.AddRange(System.Text.Encoding.ASCII.GetBytes(size.ToString("x") + "\r\n"));
                reply.AddRange(body.Skip(at).Take(size));
                reply.AddRange(System.Text.Encoding.ASCII.GetBytes("\r\n"));
                at += size;
            }

            reply.AddRange(System.Text.Encoding.ASCII.GetBytes("0\r\n\r\n"));
            using var server = new ScriptedServer(c => { c.Send(reply.ToArray()); c.Close(); });

            var good = Fota(Args("get", Device(server.BaseUrl), "--out", work.File("odd.bin"), "--sha256", Firmware.Sha256Hex(body)));

            Assert.True(good.Exit == 0, good.Err);
            Assert.Contains("300000 bytes, sha256 " + Firmware.Sha256Hex(body), good.Out);
            Assert.Equal(body, File.ReadAllBytes(work.File("odd.bin")));
        }

        [Fact]
        public void GetLeavesNothingWhenTheServerHangsUpMidBody()
        {
            byte[] body = Firmware.Make(100000);
            using var cut = new ScriptedServer(c =>
            {
                c.Send(ScriptedServer.Concat(System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 100000\r\n\r\n"),
                    body.Take(30000).ToArray()));
                c.Close();
            });

            var result = Fota(Args("get", Device(cut.BaseUrl), "--out", work.File("cut.bin")));

            Assert.Equal(10, result.Exit);
            Assert.Contains("ClosedEarly", result.Err);
            Assert.Empty(Directory.GetFiles(work.Path));
        }

        private static string[] Device(string url)
        {
            return new[] { "--url", url, "--imei", "d", "--project-key", "K", "--firmware-name", "app", "--version", "1.0.1" };
        }

        private static string[] Args(string command, string[] device, params string[] more)
        {
            return new[] { command }.Concat(device).Concat(more).ToArray();
        }

        private (int Exit, string Out, string Err) Fota(params string[] args)
        {
            return FotaProcess.Run(work.Path, args);
        }
    }
}
