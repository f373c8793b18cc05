using System;
using System.IO;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>One request per result path against a real server on 127.0.0.1; after every failure nothing is left on disk.</summary>
    public sealed class ResultPathTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private FotaOptions Options(string url, long capacity = -1)
        {
            return new FotaOptions
            {
                Url = url,
                Imei = "C81234567830",
                ProjectKey = "b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM",
                FirmwareName = "fotademo_LuatOS-SoC_AIR601",
                Version = "1025.1.0",
                Region = new FileRegion(folder.File("update.bin"), capacity),
                ReadTimeout = 5000,
                Timeout = 20000,
                MaxAttempts = 1,
            };
        }

        private void AssertNothingStored()
        {
            Assert.Empty(folder.Files());
        }

        /// <summary>
        /// Connects without a time limit and hands out a real <see cref="SocketConnection"/> whose first read waits until
        /// the server says it has sent what the test needs.
        /// </summary>
        private sealed class ConnectorAfter : IConnector
        {
            private readonly System.Threading.ManualResetEventSlim ready;

            public ConnectorAfter(System.Threading.ManualResetEventSlim ready) => this.ready = ready;

            public IConnection Open(string host, int port, bool secure, FotaOptions options, int timeoutMilliseconds)
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                socket.Connect(host, port);
                return new Gated(new SocketConnection(socket, timeoutMilliseconds), ready);
            }

            private sealed class Gated : IConnection
            {
                private readonly IConnection inner;
                private readonly System.Threading.ManualResetEventSlim ready;

                public Gated(IConnection inner, System.Threading.ManualResetEventSlim ready)
                {
                    this.inner = inner;
                    this.ready = ready;
                }

                public int Read(byte[] buffer, int offset, int count)
                {
                    Assert.True(ready.Wait(TimeSpan.FromSeconds(60)), "the server never sent its part");
                    return inner.Read(buffer, offset, count);
                }

                public void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

                public void Close() => inner.Close();
            }
        }

        [Fact]
        public void SuccessStoresTheVerifiedImageAndSendsTheComposedRequest()
        {
            byte[] image = Firmware.Make(100_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(0, report.LegacyCode);
            Assert.Equal(200, report.HttpStatus);
            Assert.Equal(image.Length, report.BytesReceived);
            Assert.Equal(image.Length, report.BytesExpected);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
            Assert.Single(folder.Files());
            Assert.True(server.Requests.TryDequeue(out string head));
            Assert.StartsWith("GET /api/site/firmware_upgrade?imei=C81234567830&project_key=b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM"
                + "&firmware_name=fotademo_LuatOS-SoC_AIR601&version=1025.1.0 HTTP/1.1\r\n", head);
            Assert.Contains("\r\nHost: 127.0.0.1:" + server.Port + "\r\n", head);
        }

        [Fact]
        public void PartialContentIsAFirmwareToo()
        {
            byte[] image = Firmware.Make(5000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(206, image, "Content-Range: bytes 0-4999/5000")));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(206, report.HttpStatus);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void ChunkedBodyIsReassembled()
        {
            byte[] image = Firmware.Make(70_000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                int[] sizes = { 1, 4095, 4096, 4097, 10, 30_000, 27_701 };
                int at = 0;
                foreach (int size in sizes)
                {
                    c.Send(size.ToString("x") + (size == 10 ? ";name=value" : "") + "\r\n");
                    c.Send(image.AsSpan(at, size).ToArray());
                    c.Send("\r\n");
                    at += size;
                }

                c.Send("0\r\nX-Trailer: yes\r\n\r\n");
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(-1, report.BytesExpected);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void BodyEndingAtCloseIsAcceptedWhenItsLengthIsChecked()
        {
            byte[] image = Firmware.Make(20_000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
                c.SendSlowly(image, 3000, 2);
            });
            FotaOptions options = Options(server.BaseUrl);
            options.Verifiers = new IFotaVerifier[] { new LengthVerifier(image.Length) };

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void InformationalRepliesAreSkippedAndHeadersAreCaseInsensitive()
        {
            byte[] image = Firmware.Make(3000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </x>\r\n\r\n");
                c.Send("HTTP/1.1 200 OK\r\ncOnTeNt-LeNgTh:   3000  \r\nX-Other: a:b\r\n\r\n");
                c.Send(image);
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(3000, report.BytesExpected);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Theory]
        [InlineData(409, "{\"code\": 27, \"msg\": \"\\u5df2\\u662f\\u6700\\u65b0\\u7248\\u672c\"}", FotaResult.UpToDate, 27, "已是最新版本", "already latest")]
        [InlineData(403, "{\"code\":25,\"msg\":\"invalid project\"}", FotaResult.Refused, 25, "invalid project", "another account")]
        [InlineData(409, "{\"code\":25,\"msg\":\"invalid project\"}", FotaResult.Refused, 25, "invalid project", "another account")]
        [InlineData(403, "{\"msg\":\"no permission\",\"code\":17}", FotaResult.Refused, 17, "no permission", "one account")]
        [InlineData(404, "{\"code\":26,\"msg\":\"invalid firmware\",\"data\":{\"a\":[1,2,{\"b\":null}]}}", FotaResult.Refused, 26, "invalid firmware", "not a firmware name")]
        [InlineData(400, "{\"code\":\"3\",\"msg\":\"invalid device\"}", FotaResult.Refused, 3, "invalid device", "lower-case 'imei'")]
        [InlineData(403, "{\"code\":21,\"msg\":\"\\u7981\\u6b62\\u5347\\u7ea7\"}", FotaResult.Refused, 21, "禁止升级", "banned")]
        [InlineData(429, "{\"code\":40,\"msg\":\"too many\"}", FotaResult.Refused, 40, "too many", "every few hours")]
        [InlineData(503, "{\"code\":43,\"msg\":\"wait\"}", FotaResult.Refused, 43, "1 to 3 minutes", null)]
        [InlineData(400, "{\"code\":44,\"msg\":\"no base\"}", FotaResult.Refused, 44, "no base", "custom firmware")]
        [InlineData(500, "{ \"code\" : 99 , \"msg\" : \"tab\\tquote\\\" slash\\/ \\ud83d\\ude00\" }", FotaResult.Refused, 99, "tab\tquote\" slash/ 😀", null)]
        public void PlatformRefusalsAreDecodedWithAHint(int status, string body, FotaResult result, int code, string message, string hint)
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(status, body, "Content-Type: application/json")));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(result, report.Result);
            Assert.Equal(4, report.LegacyCode);
            Assert.Equal(status, report.HttpStatus);
            Assert.Equal(code, report.PlatformCode);
            if (code != 43)
            {
                Assert.Equal(message, report.PlatformMessage);
            }

            string line = report.ToString();
            Assert.DoesNotContain("\n", line);
            Assert.Contains("HTTP " + status, line);
            Assert.Contains("platform code " + code, line);
            Assert.Contains(hint ?? message, line);
            AssertNothingStored();
        }

        [Fact]
        public void DiagnosisIsOneReadableLine()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409,
                "{\"code\": 27, \"msg\": \"\\u5df2\\u662f\\u6700\\u65b0\\u7248\\u672c\"}")));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(-1, report.BytesExpected);
            Assert.Matches("^UpToDate \\(HTTP 409\\): platform code 27 \"已是最新版本\" in [0-9]+ ms\\. Hint: already latest: ", report.ToString());
        }

        [Fact]
        public void NonJsonRefusalKeepsAnExcerptAndTheStatusHint()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(404, "<html>\n<body>Not Found</body></html>")));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(-1, report.PlatformCode);
            Assert.Contains("<html> <body>Not Found", report.Detail);
            Assert.Contains("no such endpoint", report.ToString());
            AssertNothingStored();
        }

        [Fact]
        public void A409WithoutPlatformCodeIsARefusalNotUpToDate()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409, "<html>Conflict</html>")));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(-1, report.PlatformCode);
        }

        [Fact]
        public void ChunkedRefusalBodyIsDecoded()
        {
            using var server = new ScriptedServer(c =>
                c.Send("HTTP/1.1 409 Conflict\r\nTransfer-Encoding: chunked\r\n\r\n5\r\n{\"cod\r\n10\r\ne\":27,\"msg\":\"x\"}\r\n0\r\n\r\n"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.UpToDate, report.Result);
            Assert.Equal(27, report.PlatformCode);
        }

        [Theory]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
        [InlineData("HTTP/1.1 206 Partial\r\nContent-Range: bytes 0-0/1\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")]
        public void EmptyFirmwareBodyFails(string reply)
        {
            using var server = new ScriptedServer(c => c.Send(reply));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.EmptyBody, report.Result);
            Assert.Equal(4, report.LegacyCode);
            AssertNothingStored();
        }

        [Fact]
        public void BodyShorterThanContentLengthFailsWithoutCommitting()
        {
            byte[] image = Firmware.Make(50_000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nContent-Length: 50000\r\n\r\n");
                c.Send(image.AsSpan(0, 30_000).ToArray());
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            Assert.Equal(3, report.LegacyCode);
            Assert.Equal(30_000, report.BytesReceived);
            Assert.Equal(50_000, report.BytesExpected);
            Assert.Contains("30000 bytes of a 50000-byte body", report.Detail);
            AssertNothingStored();
        }

        [Fact]
        public void ServerResettingMidBodyFailsWithoutCommitting()
        {
            byte[] image = Firmware.Make(50_000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nContent-Length: 50000\r\n\r\n");
                c.Send(image.AsSpan(0, 10_000).ToArray());
                System.Threading.Thread.Sleep(100);
                c.Reset();
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            Assert.Equal(3, report.LegacyCode);
            AssertNothingStored();
        }

        [Fact]
        public void ServerClosingInsideAChunkFails()
        {
            using var server = new ScriptedServer(c => c.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000\r\nabc"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            AssertNothingStored();
        }

        [Fact]
        public void ServerClosingBeforeAnyReplyFails()
        {
            using var server = new ScriptedServer(c => { });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            Assert.Equal(0, report.HttpStatus);
            AssertNothingStored();
        }

        [Fact]
        public void ConnectionRefusedIsAConnectionFailure()
        {
            FotaReport report = FotaClient.Run(Options("http://127.0.0.1:" + ScriptedServer.UnusedPort() + "/api"));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Equal(1, report.LegacyCode);
            Assert.Equal(0, report.HttpStatus);
            AssertNothingStored();
        }

        [Fact]
        public void StallingServerTimesOutInsteadOfBlocking()
        {
            using var sent = new System.Threading.ManualResetEventSlim();
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nContent-Length: 10000\r\n\r\n");
                c.Send(Firmware.Make(4000));
                sent.Set();
                c.Stall();
            });
            FotaOptions options = Options(server.BaseUrl);
            options.ReadTimeout = 400;

            // Connecting and the first read wait as long as the server takes to send its 4000 bytes: only the stall
            // after them meets the 400 ms limit, however slow the machine.
            options.Connector = new ConnectorAfter(sent);

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.Timeout, report.Result);
            Assert.Equal(4, report.LegacyCode);
            Assert.Equal(4000, report.BytesReceived);
            Assert.Contains("no answer from the server for 400 ms while receiving", report.Detail);
            AssertNothingStored();
        }

        [Fact]
        public void SilentServerTimesOutBeforeTheStatusLine()
        {
            using var server = new ScriptedServer(c => c.Stall());
            FotaOptions options = Options(server.BaseUrl);
            options.ReadTimeout = 300;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.Timeout, report.Result);
            AssertNothingStored();
        }

        [Fact]
        public void WholeRequestTimeoutStopsASlowTrickle()
        {
            byte[] image = Firmware.Make(200_000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nContent-Length: 200000\r\n\r\n");
                try
                {
                    c.SendSlowly(image, 100, 20);
                }
                catch (System.Net.Sockets.SocketException)
                {
                }
            });
            FotaOptions options = Options(server.BaseUrl);
            options.Timeout = 60_000;
            options.ReadTimeout = 5_000;

            // Every read answers within ReadTimeout, and the clock says each took 5 s: the whole request runs out after
            // 12 of them, while even 4 KiB reads need 49 for the body. No real timer is raced.
            long now = 0;
            options.Clock = () => now += 5 * TimeSpan.TicksPerSecond;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.Timeout, report.Result);
            Assert.Contains("Timeout of 60000 ms", report.Detail);
            Assert.True(report.BytesReceived < image.Length);
            AssertNothingStored();
        }

        [Fact]
        public void ImageLargerThanTheRegionIsRefusedBeforeWriting()
        {
            byte[] image = Firmware.Make(10_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, capacity: 9_999));

            Assert.Equal(FotaResult.StorageFailed, report.Result);
            Assert.Equal(0, report.BytesReceived);
            Assert.Contains("does not fit", report.Detail);
            AssertNothingStored();
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void AnImageExactlyAsLargeAsTheRegionFits(bool chunked)
        {
            byte[] image = Firmware.Make(10_000);
            using var server = new ScriptedServer(c => c.Send(chunked
                ? ScriptedServer.Concat(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2710\r\n"), image,
                    Encoding.ASCII.GetBytes("\r\n0\r\n\r\n"))
                : ScriptedServer.Reply(200, image)));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, capacity: 10_000));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void UnannouncedBodyOverflowingTheRegionFails()
        {
            byte[] image = Firmware.Make(10_000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2710\r\n");
                c.Send(image);
                c.Send("\r\n0\r\n\r\n");
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, capacity: 6_000));

            Assert.Equal(FotaResult.StorageFailed, report.Result);
            Assert.True(report.BytesReceived <= 6_000);
            AssertNothingStored();
        }

        [Fact]
        public void EarlierImageSurvivesALaterFailure()
        {
            File.WriteAllBytes(folder.File("update.bin"), new byte[] { 1, 2, 3 });
            using var server = new ScriptedServer(c => c.Send("HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nshort"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(folder.File("update.bin")));
            Assert.Single(folder.Files());
        }

        [Fact]
        public void UnexpectedSuccessStatusIsNotAFirmware()
        {
            using var server = new ScriptedServer(c => c.Send("HTTP/1.1 204 No Content\r\n\r\n"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.UnexpectedStatus, report.Result);
            Assert.Equal(204, report.HttpStatus);
            AssertNothingStored();
        }

        [Theory]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 12x\r\n\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, chunked\r\n\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabcXX\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n1000000000000000\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\n folded: x\r\n\r\n")]
        [InlineData("HTTP/1.1 200 OK\r\nno colon here\r\n\r\n")]
        [InlineData("ICY 200 OK\r\n\r\n")]
        [InlineData("HTTP/1.1 2000 OK\r\n\r\n")]
        [InlineData("HTTP/1.1 099 Low\r\n\r\n")]
        public void MalformedRepliesAreProtocolErrors(string reply)
        {
            using var server = new ScriptedServer(c => c.Send(reply));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Equal(4, report.LegacyCode);
            AssertNothingStored();
        }

        [Fact]
        public void HeaderLineLongerThanTheBufferIsRefused()
        {
            using var server = new ScriptedServer(c => c.Send("HTTP/1.1 200 OK\r\nX-Long: " + new string('a', 5000) + "\r\n\r\n"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("longer than 4096 bytes", report.Detail);
        }

        [Fact]
        public void HeadLargerThanTheLimitIsRefused()
        {
            var head = new StringBuilder("HTTP/1.1 200 OK\r\n");
            for (int i = 0; i < 90; i++)
            {
                head.Append("X-Filler-" + i + ": " + new string('b', 200) + "\r\n");
            }

            using var server = new ScriptedServer(c => c.Send(head + "\r\n"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("larger than 16384", report.Detail);
        }

        [Theory]
        [InlineData(100, FotaResult.Success)]
        [InlineData(101, FotaResult.ProtocolError)]
        public void AHeadHoldsAtMostAHundredHeaderLines(int lines, FotaResult expected)
        {
            var head = new StringBuilder("HTTP/1.1 200 OK\r\nContent-Length: 3\r\n");
            for (int i = 1; i < lines; i++)
            {
                head.Append("X: " + i + "\r\n");
            }

            using var server = new ScriptedServer(c => c.Send(head + "\r\nabc"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(expected, report.Result);
            if (expected != FotaResult.Success)
            {
                Assert.Contains("more than 100 header lines", report.Detail);
            }
        }
    }
}
