using System;
using System.IO;
using System.Linq;
using System.Text;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Resilience
{
    /// <summary>
    /// The fault matrix of issue 9: the real client and the real <c>fota serve</c> with a fault-injecting loopback proxy
    /// between them: drops at seeded offsets, resets, stalls, a trickle, Range ignored, a wrong Content-Range, 416, the
    /// firmware replaced between attempts, 5xx and 43 before success, redirect chains. Every case ends in one report, and
    /// a committed image is always byte for byte the file the server holds. Waits run on virtual time.
    /// </summary>
    public sealed class FaultMatrixTests : IDisposable
    {
        private const int Size = 400_000;

        private readonly ServerHarness server = new ServerHarness();
        private readonly TempFolder folder = new TempFolder();
        private readonly VirtualTime time = new VirtualTime();
        private readonly byte[] image;

        public FaultMatrixTests()
        {
            server.AddFirmware("Alpha", server.KeyA, "big", "1.0.1", Size);
            image = server.File("Alpha", "big", "1.0.1");
        }

        public void Dispose()
        {
            server.Dispose();
            folder.Dispose();
        }

        private int ServerPort => new Uri(server.Server.BaseUrl).Port;

        private string Stored => folder.File("update.bin");

        private FotaOptions Options(string url, string imei = "matrix", string name = "big", byte[] expected = null)
        {
            return time.Apply(new FotaOptions
            {
                Url = url,
                Imei = imei,
                ProjectKey = server.KeyA,
                FirmwareName = name,
                Version = "1.0.0",
                Region = new FileRegion(Stored),
                Verifiers = new IFotaVerifier[] { new Sha256Verifier(Firmware.Sha256Hex(expected ?? image)) },
                MaxAttempts = 5,
                RetryDelay = 200,
                ReadTimeout = 2000,
                Timeout = 300_000,
            });
        }

        private FotaReport Through(Func<int, ProxyFault> plan, out FaultProxy proxy, Action<FotaOptions> change = null)
        {
            proxy = new FaultProxy(ServerPort, plan);
            FotaOptions options = Options(proxy.Through(server.Server.UpgradeUrl));
            change?.Invoke(options);
            return FotaClient.Run(options);
        }

        private void AssertStored(FotaReport report, byte[] served)
        {
            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(served, File.ReadAllBytes(Stored));
            Assert.Equal(new[] { Stored }, folder.Files());
        }

        private static string Request(FaultProxy proxy, int index) => proxy.Requests.ToArray()[index];

        private static ProxyFault Reply(string statusLine, string body, params string[] headers) =>
            new ProxyFault { Reply = FaultProxy.Answer(statusLine, body, headers) };

        [Fact]
        public void DropsAtTwentySeededOffsetsEachContinueWhereTheyStopped()
        {
            var random = new Random(2026);
            for (int i = 0; i < 20; i++)
            {
                int offset = random.Next(1, Size);
                bool reset = i % 2 == 1;
                FotaReport report = Through(c => c == 0 ? new ProxyFault { DropAt = offset, Reset = reset } : null, out FaultProxy proxy);
                using (proxy)
                {
                    AssertStored(report, image);
                    Assert.Equal(2, proxy.Connections);
                    string resumed = Request(proxy, 1);
                    long from = long.Parse(resumed.Split("Range: bytes=")[1].Split('-')[0]);

                    // A reset may lose what the socket still held; a close loses nothing.
                    Assert.True(reset ? from <= offset : from == offset, "offset " + offset + ", resumed at " + from);
                    Assert.Contains("If-Range: \"" + Firmware.Sha256Hex(image) + "\"", resumed);
                    Assert.Equal(206, report.HttpStatus);
                    Assert.EndsWith("; 2 attempts, 1 resumed with Range", report.Detail);

                    // Every byte of the image crossed the wire once, plus what a reset lost, plus two heads.
                    Assert.InRange(proxy.BytesToClient, Size, Size + (offset - from) + 2000);
                }

                File.Delete(Stored);
            }
        }

        [Fact]
        public void FiveDropsInOneDownloadStillEndInTheServedImage()
        {
            FotaReport report = Through(c => c < 5 ? new ProxyFault { DropAt = 30_000 + c * 1000 } : null, out FaultProxy proxy,
                o => o.MaxAttempts = 6);
            using (proxy)
            {
                AssertStored(report, image);
                Assert.Equal(6, proxy.Connections);
                Assert.InRange(proxy.BytesToClient, Size, Size + 6 * 1000);
                Assert.EndsWith("; 6 attempts, 5 resumed with Range", report.Detail);
            }
        }

        [Fact]
        public void AStallEndsInAReadTimeoutAndTheDownloadContinues()
        {
            FotaReport report = Through(c => c == 0 ? new ProxyFault { StallAt = Size / 3 } : null, out FaultProxy proxy,
                o => o.ReadTimeout = 300);
            using (proxy)
            {
                AssertStored(report, image);

                // Normally all Size / 3 bytes; fewer only if the proxy itself stalled longer than the read timeout.
                long from = long.Parse(Request(proxy, 1).Split("Range: bytes=")[1].Split('-')[0]);
                Assert.InRange(from, 1, Size / 3);
            }
        }

        [Fact]
        public void ASlowTrickleIsNoFailure()
        {
            byte[] small = server.File("Alpha", "app", "1.0.5");
            using var proxy = new FaultProxy(ServerPort, c => new ProxyFault { Trickle = 97, TricklePause = 1 });
            FotaOptions options = Options(proxy.Through(server.Server.UpgradeUrl), name: "app", expected: small);

            FotaReport report = FotaClient.Run(options);

            AssertStored(report, small);
            Assert.Equal(1, proxy.Connections);
        }

        [Fact]
        public void AServerThatIgnoresRangeSendsTheWholeFileAndTheDownloadStartsOver()
        {
            FotaReport report = Through(c => c switch
            {
                0 => new ProxyFault { DropAt = Size / 2 },
                1 => new ProxyFault { Request = head => Without(head, "Range") },
                _ => null,
            }, out FaultProxy proxy);
            using (proxy)
            {
                AssertStored(report, image);
                Assert.Equal(200, report.HttpStatus);
                Assert.Equal(2, proxy.Connections);
                Assert.InRange(proxy.BytesToClient, Size + Size / 2, Size + Size / 2 + 2000);
            }
        }

        [Theory]
        [InlineData("a Content-Range with another total")]
        [InlineData("a Content-Range that starts elsewhere")]
        [InlineData("416")]
        public void AnAnswerThatDoesNotContinueTheFileStartsOverWithoutRange(string answer)
        {
            ProxyFault second = answer switch
            {
                "416" => Reply("HTTP/1.1 416 Range Not Satisfiable", "", "Content-Range: bytes */" + Size),
                "a Content-Range with another total" => new ProxyFault { Head = head => head.Replace("/" + Size + "\r\n", "/" + (Size + 1) + "\r\n") },
                _ => new ProxyFault { Head = head => head.Replace("bytes " + Size / 2 + "-", "bytes " + (Size / 2 - 1) + "-") },
            };
            FotaReport report = Through(c => c switch
            {
                0 => new ProxyFault { DropAt = Size / 2 },
                1 => second,
                _ => null,
            }, out FaultProxy proxy);
            using (proxy)
            {
                AssertStored(report, image);
                Assert.Equal(3, proxy.Connections);
                Assert.DoesNotContain("Range:", Request(proxy, 2));
            }
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void AFirmwareReplacedBetweenAttemptsIsDownloadedWholeNeverSpliced(bool serverIgnoresIfRange)
        {
            byte[] replaced = null;
            FotaReport report = Through(c =>
            {
                if (c == 0)
                {
                    return new ProxyFault { DropAt = Size / 2 };
                }

                if (c == 1)
                {
                    server.AddFirmware("Alpha", server.KeyA, "big", "1.0.2", Size);
                    replaced = server.File("Alpha", "big", "1.0.2");
                    return serverIgnoresIfRange ? new ProxyFault { Request = head => Without(head, "If-Range") } : null;
                }

                return null;
            }, out FaultProxy proxy, o => o.Verifiers = new IFotaVerifier[] { new LengthVerifier(Size) });
            using (proxy)
            {
                AssertStored(report, replaced);

                // Without If-Range the server sent the new file's second half (206) and the client refused to splice it.
                Assert.Equal(serverIgnoresIfRange ? 3 : 2, proxy.Connections);
            }
        }

        [Theory]
        [InlineData("HTTP/1.1 500 Internal Server Error", "")]
        [InlineData("HTTP/1.1 502 Bad Gateway", "<html>bad gateway</html>")]
        public void AServerErrorIsTriedAgainAfterABackOff(string statusLine, string body)
        {
            FotaReport report = Through(c => c < 2 ? Reply(statusLine, body) : null, out FaultProxy proxy);
            using (proxy)
            {
                AssertStored(report, image);
                Assert.Equal(3, proxy.Connections);

                // Two back-offs from 200 ms with jitter: 100-200 ms, then 200-400 ms.
                Assert.InRange(time.Waited, 300, 600);
            }
        }

        [Fact]
        public void A503WithRetryAfterWaitsWhatTheServerAsked()
        {
            FotaReport report = Through(c => c == 0 ? Reply("HTTP/1.1 503 Service Unavailable", "", "Retry-After: 7") : null, out FaultProxy proxy);
            using (proxy)
            {
                AssertStored(report, image);
                Assert.Equal(7000, time.Waited);
            }
        }

        [Fact]
        public void PleaseWaitFromFotaServeIsWaitedOutAndThenTheFirmwareComes()
        {
            // slow 2.0.0 is pending: fota serve answers 503, code 43, Retry-After 90; it is ready when asked again.
            byte[] slow = server.File("Alpha", "slow", "2.0.0");
            using var proxy = new FaultProxy(ServerPort, c =>
            {
                if (c == 1)
                {
                    server.Catalog.MarkFirmwareReady(server.PendingId);
                }

                return null;
            });
            FotaOptions options = Options(proxy.Through(server.Server.UpgradeUrl), name: "slow", expected: slow);

            FotaReport report = FotaClient.Run(options);

            AssertStored(report, slow);
            Assert.Equal(90_000, time.Waited);
            Assert.Equal(-1, report.PlatformCode);
            Assert.Equal(-1, report.RetryAfterMilliseconds);
        }

        [Fact]
        public void PleaseWaitWithoutRetryAfterWaitsOneToThreeMinutes()
        {
            FotaReport report = Through(c => c == 0 ? Reply("HTTP/1.1 503 Service Unavailable", "{\"code\":43,\"msg\":\"wait\"}") : null,
                out FaultProxy proxy);
            using (proxy)
            {
                AssertStored(report, image);
                Assert.InRange(time.Waited, 60_000, 180_000);
            }
        }

        [Fact]
        public void PleaseWaitLongerThanTheTimeoutIsReportedWithItsWait()
        {
            FotaReport report = Through(c => Reply("HTTP/1.1 503 Service Unavailable", "{\"code\":43,\"msg\":\"wait\"}", "Retry-After: 120"),
                out FaultProxy proxy, o => o.Timeout = 60_000);
            using (proxy)
            {
                Assert.Equal(FotaResult.Refused, report.Result);
                Assert.Equal(43, report.PlatformCode);
                Assert.Equal(120_000, report.RetryAfterMilliseconds);
                Assert.EndsWith("; not tried again: waiting 120 s would pass the Timeout", report.Detail);
                Assert.Equal(1, proxy.Connections);
                Assert.Equal(0, time.Waited);
                Assert.Empty(folder.Files());
            }
        }

        [Theory]
        [InlineData(26, 404)]
        [InlineData(25, 403)]
        [InlineData(21, 403)]
        [InlineData(17, 403)]
        [InlineData(3, 400)]
        [InlineData(44, 400)]
        [InlineData(27, 409)]
        public void ARefusalThatCannotChangeIsNotTriedAgain(int code, int status)
        {
            FotaReport report = Through(c => Reply("HTTP/1.1 " + status + " No", "{\"code\":" + code + ",\"msg\":\"no\"}"), out FaultProxy proxy);
            using (proxy)
            {
                Assert.Equal(code == 27 ? FotaResult.UpToDate : FotaResult.Refused, report.Result);
                Assert.Equal(code, report.PlatformCode);
                Assert.Equal(1, proxy.Connections);
                Assert.Equal(0, time.Waited);
            }
        }

        [Fact]
        public void TheDailyLimitIsNotTriedAgainAndSaysHowLongToWait()
        {
            using var limited = new ServerHarness(maxUpgradesPerDay: 1);
            using var proxy = new FaultProxy(new Uri(limited.Server.BaseUrl).Port, c => c == 0 ? new ProxyFault { DropAt = 1000 } : null);
            FotaOptions Again() => time.Apply(new FotaOptions
            {
                Url = proxy.Through(limited.Server.UpgradeUrl), Imei = "looping", ProjectKey = limited.KeyA, FirmwareName = "app",
                Version = "1.0.0", Region = new FileRegion(Stored), RetryDelay = 10,
            });

            // A resumed request (Range from byte 1000) is no new download: the day's one download is the first.
            FotaReport first = FotaClient.Run(Again());
            FotaReport second = FotaClient.Run(Again());

            Assert.True(first.Result == FotaResult.Success, first.ToString());
            Assert.Equal(FotaResult.Refused, second.Result);
            Assert.Equal(40, second.PlatformCode);
            Assert.Equal(429, second.HttpStatus);
            Assert.InRange(second.RetryAfterMilliseconds, 1, 86_400_000);
            Assert.Equal(3, proxy.Connections);
        }

        [Fact]
        public void ARedirectChainIsFollowedAgainByEveryAttempt()
        {
            using var proxy = new FaultProxy(ServerPort, c => c == 0 ? new ProxyFault { DropAt = Size / 4 } : null);
            string target = proxy.Through(server.Server.UpgradeUrl) + "?imei=chain&project_key=" + server.KeyA + "&firmware_name=big&version=1.0.0";
            using var chain = new ScriptedServer(c => c.Send(c.RequestLine.Contains("/two")
                ? ScriptedServer.Reply(307, "", "Location: " + target)
                : ScriptedServer.Reply(302, "", "Location: /two")));
            FotaOptions options = Options("###" + chain.BaseUrl);

            FotaReport report = FotaClient.Run(options);

            AssertStored(report, image);
            Assert.Equal(target, report.Url);
            Assert.Equal(4, chain.Requests.Count);
            Assert.Contains("Range: bytes=" + Size / 4 + "-", Request(proxy, 1));
        }

        [Fact]
        public void ARedirectLoopIsOneRefusal()
        {
            using var loop = new ScriptedServer(c => c.Send(ScriptedServer.Reply(302, "", "Location: " + (c.RequestLine.Contains("/a ") ? "/b" : "/a"))));

            FotaReport report = FotaClient.Run(Options("###http://127.0.0.1:" + loop.Port + "/a"));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.StartsWith("redirect loop", report.Detail);
            Assert.Equal(2, loop.Requests.Count);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AttemptsRunOutWithTheLastFailureReported()
        {
            FotaReport report = Through(c => new ProxyFault { DropAt = 1000 + c }, out FaultProxy proxy, o => o.MaxAttempts = 3);
            using (proxy)
            {
                Assert.Equal(FotaResult.ClosedEarly, report.Result);
                Assert.Equal(3, proxy.Connections);
                Assert.EndsWith("; after 3 attempts", report.Detail);
                Assert.Equal(3003, report.BytesReceived);

                // The server's file can be continued: the part and its checkpoint wait for the next request.
                Assert.True(File.Exists(Stored + ".part"));
                Assert.True(File.Exists(Stored + ".resume"));
            }
        }

        private static string Without(string head, string header)
        {
            return string.Join("\r\n", head.Split("\r\n").Where(line => !line.StartsWith(header + ":", StringComparison.OrdinalIgnoreCase)));
        }
    }
}
