using System;
using System.IO;
using System.Linq;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>
    /// Redirects (301, 302, 303, 307, 308) are followed: relative Locations resolved, at most 5 hops, loops and https to
    /// http refused, the report naming the final URL. Real loopback servers whose scripts answer by path.
    /// </summary>
    public sealed class RedirectTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();
        private readonly byte[] image = Firmware.Make(20_000);

        public void Dispose() => folder.Dispose();

        // A server whose answer depends on the request line's path: one with "/fw" is the image, others what `route` says.
        private ScriptedServer Server(Func<string, byte[]> route)
        {
            return new ScriptedServer(c =>
            {
                string path = c.RequestLine.Split(' ')[1];
                c.Send(path.Contains("/fw", StringComparison.Ordinal) ? ScriptedServer.Reply(200, image) : route(path));
            });
        }

        private static byte[] Moved(int status, string location) => ScriptedServer.Reply(status, "<html>Moved</html>", "Location: " + location);

        private FotaReport Run(string url, Action<FotaOptions> change = null)
        {
            FotaOptions options = TestOptions.For(url, new FileRegion(folder.File("update.bin")), new Sha256Verifier(Firmware.Sha256Hex(image)));
            change?.Invoke(options);
            return FotaClient.Run(options);
        }

        [Theory]
        [InlineData(301, "/fw/image.bin", "/fw/image.bin")]
        [InlineData(302, "fw/image.bin", "/api/site/fw/image.bin")]
        [InlineData(303, "../fw/a/./b/../image.bin?x=1", "/api/fw/a/image.bin?x=1")]
        [InlineData(307, "http://127.0.0.1:PORT/fw", "/fw")]
        [InlineData(308, "//127.0.0.1:PORT/fw#part", "/fw")]
        public void EveryRedirectStatusIsFollowedAndRelativeLocationsAreResolved(int status, string location, string finalPath)
        {
            ScriptedServer server = null;
            server = Server(path => Moved(status, location.Replace("PORT", server.Port.ToString())));
            using (server)
            {
                FotaReport report = Run(server.BaseUrl);

                Assert.True(report.Result == FotaResult.Success, report.ToString());
                Assert.Equal(200, report.HttpStatus);
                Assert.Equal("http://127.0.0.1:" + server.Port + finalPath, report.Url);
                Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
            }
        }

        [Fact]
        public void AQueryOnlyLocationKeepsThePath()
        {
            using var server = new ScriptedServer(c => c.Send(c.RequestLine.Contains("?fw=1 ") ? ScriptedServer.Reply(200, image) : Moved(302, "?fw=1")));

            FotaReport report = Run(server.BaseUrl);

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal("http://127.0.0.1:" + server.Port + "/api/site/firmware_upgrade?fw=1", report.Url);
        }

        [Fact]
        public void FiveHopsAreFollowedASixthIsRefused()
        {
            // /r1 → /r2 → … ; the image sits at the end of the chain.
            using var five = Server(path => Moved(302, path == "/r5" ? "/fw" : "/r" + (int.Parse(path.Substring(2, 1)) + 1)));
            using var six = Server(path => Moved(302, path == "/r6" ? "/fw" : "/r" + (int.Parse(path.Substring(2, 1)) + 1)));

            FotaReport followed = Run("###http://127.0.0.1:" + five.Port + "/r1");
            FotaReport refused = Run("###http://127.0.0.1:" + six.Port + "/r1");

            Assert.True(followed.Result == FotaResult.Success, followed.ToString());
            Assert.Equal(FotaResult.Refused, refused.Result);
            Assert.Equal(302, refused.HttpStatus);
            Assert.Equal("more than 5 redirects (the last to http://127.0.0.1:" + six.Port + "/fw)", refused.Detail);
            Assert.Equal(6, six.Requests.Count);
        }

        [Fact]
        public void ALoopEndsAtOnce()
        {
            using var server = Server(path => Moved(301, path == "/a" ? "/b" : "/a"));

            FotaReport report = Run("###http://127.0.0.1:" + server.Port + "/a");

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal("redirect loop: http://127.0.0.1:" + server.Port + "/b leads back to http://127.0.0.1:" + server.Port + "/a", report.Detail);
            Assert.Equal(2, server.Requests.Count);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void HttpsToHttpIsRefusedWithoutConnectingToTheHttpServer()
        {
            using var plain = Server(path => Moved(302, "/fw"));
            using var ca = new TestCa();
            using var tls = new TlsServer(ca.Issue("127.0.0.1"), Moved(302, "http://127.0.0.1:" + plain.Port + "/fw"));

            FotaReport report = Run(tls.BaseUrl, o => o.ServerCaCertificate = ca.Pem);

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(302, report.HttpStatus);
            Assert.StartsWith("redirected from https to http (http://127.0.0.1:" + plain.Port + "/fw): refused", report.Detail);
            Assert.Empty(plain.Requests);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void ARedirectWithoutLocationSaysSo()
        {
            using var server = Server(path => ScriptedServer.Reply(302, ""));

            FotaReport report = Run(server.BaseUrl);

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal("redirect without a Location header", report.Detail);
        }

        [Fact]
        public void A303TurnsAPostIntoAGetAnd307KeepsIt()
        {
            using var server = Server(path => Moved(path.StartsWith("/api") ? 303 : 307, path.StartsWith("/api") ? "/see" : "/fw"));
            FotaReport report = Run(server.BaseUrl, o =>
            {
                o.Method = "POST";
                o.Body = new byte[] { 1, 2, 3 };
            });

            string[] requests = server.Requests.ToArray();
            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.StartsWith("POST /api/", requests[0]);
            Assert.StartsWith("GET /see ", requests[1]);
            Assert.StartsWith("GET /fw ", requests[2]);
        }

        [Fact]
        public void CredentialsAreNotSentToAnotherHost()
        {
            using var other = Server(path => ScriptedServer.Reply(404, ""));
            using var first = Server(path => Moved(302, "http://localhost:" + other.Port + "/fw"));

            FotaReport report = Run(first.BaseUrl, o => o.Headers = new[] { "Authorization: Bearer secret", "Cookie: a=b", "X-Tenant: 7" });

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Contains("Authorization: Bearer secret", first.Requests.Single());
            string second = other.Requests.Single();
            Assert.DoesNotContain("Authorization", second);
            Assert.DoesNotContain("Cookie", second);
            Assert.Contains("X-Tenant: 7", second);
        }

        [Fact]
        public void NotModifiedIsNotCalledARedirect()
        {
            using var server = new ScriptedServer(c => c.Send(System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 304 Not Modified\r\nLocation: /elsewhere\r\n\r\n")));

            FotaReport report = Run(server.BaseUrl);

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(304, report.HttpStatus);
            string line = report.ToString();
            Assert.DoesNotContain("redirect", line);
            Assert.Contains("Hint: 304 Not Modified", line);
            Assert.Single(server.Requests);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void HintsTellRedirectsFromNotModified()
        {
            Assert.Contains("redirect", PlatformHints.For(-1, 301));
            Assert.DoesNotContain("redirect", PlatformHints.For(-1, 304));
            Assert.Null(PlatformHints.For(-1, 300));
        }
    }
}
