using System;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>Redirects are not followed yet: the refusal shows where the server points; a 304 is no redirect.</summary>
    public sealed class RedirectTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private FotaReport Run(byte[] reply)
        {
            using var server = new ScriptedServer(c => c.Send(reply));
            return FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));
        }

        [Theory]
        [InlineData(301)]
        [InlineData(302)]
        [InlineData(303)]
        [InlineData(307)]
        [InlineData(308)]
        public void ARedirectIsRefusedWithItsLocation(int status)
        {
            const string location = "https://fota.example.com/api/site/firmware_upgrade?imei=1&project_key=k";

            FotaReport report = Run(ScriptedServer.Reply(status, "<html>Moved</html>", "Location:  " + location + " "));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(status, report.HttpStatus);
            Assert.Equal("redirected to " + location, report.Detail);
            Assert.Contains("Hint: the server redirects", report.ToString());
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void ARedirectWithoutLocationSaysSo()
        {
            FotaReport report = Run(ScriptedServer.Reply(302, ""));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal("redirect without a Location header", report.Detail);
        }

        [Fact]
        public void NotModifiedIsNotCalledARedirect()
        {
            FotaReport report = Run(System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 304 Not Modified\r\nLocation: /elsewhere\r\n\r\n"));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(304, report.HttpStatus);
            string line = report.ToString();
            Assert.DoesNotContain("redirect", line);
            Assert.Contains("Hint: 304 Not Modified", line);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void HintsTellRedirectsFromNotModified()
        {
            Assert.Contains("redirects", PlatformHints.For(-1, 301));
            Assert.DoesNotContain("redirect", PlatformHints.For(-1, 304));
            Assert.Null(PlatformHints.For(-1, 300));
        }
    }
}
