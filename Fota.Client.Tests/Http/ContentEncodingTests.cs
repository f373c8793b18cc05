using System;
using System.IO;
using System.IO.Compression;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>
    /// A firmware is stored byte for byte as sent: a compressed body (nginx's gzip_static always, a proxy's gzip) is not
    /// the image, and is refused before anything is written.
    /// </summary>
    public sealed class ContentEncodingTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private static byte[] Gzip(byte[] data)
        {
            var packed = new MemoryStream();
            using (var gzip = new GZipStream(packed, CompressionLevel.Fastest, leaveOpen: true))
            {
                gzip.Write(data);
            }

            return packed.ToArray();
        }

        [Theory]
        [InlineData("gzip")]
        [InlineData("GZIP")]
        [InlineData("br")]
        [InlineData("deflate")]
        [InlineData("gzip, identity")]
        [InlineData("identity, gzip")]
        public void ACompressedFirmwareIsRefusedBeforeAnythingIsWritten(string coding)
        {
            byte[] image = Firmware.Make(20_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, Gzip(image), "Content-Encoding: " + coding)));
            var region = new RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region, new LengthVerifier(image.Length)));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("Content-Encoding: " + coding, report.Detail);
            Assert.Contains("gzip_static", report.Detail);
            Assert.Equal(0, region.Begins);
            Assert.Equal(0, report.BytesReceived);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void ASecondContentEncodingHeaderCountsToo()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, Firmware.Make(100),
                "Content-Encoding: identity", "Content-Encoding: gzip")));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("Content-Encoding: gzip", report.Detail);
        }

        [Theory]
        [InlineData("Content-Encoding: identity")]
        [InlineData("Content-Encoding: IDENTITY")]
        [InlineData("Content-Encoding:")]
        public void IdentityIsNoEncoding(string header)
        {
            byte[] image = Firmware.Make(20_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image, header)));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void TheRequestAsksForTheBytesAsTheyAre()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(409, "{\"code\":27}")));

            FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));

            Assert.True(server.Requests.TryDequeue(out string head));
            Assert.Contains("\r\nAccept-Encoding: identity\r\n", head);
        }

        [Fact]
        public void ACompressedRefusalIsNotDecodedAsText()
        {
            byte[] page = Gzip(Encoding.UTF8.GetBytes("<html><body>404 Not Found</body></html>"));
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(404, page, "Content-Encoding: gzip")));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(404, report.HttpStatus);
            Assert.Equal(-1, report.PlatformCode);
            Assert.Equal("reply body compressed (Content-Encoding: gzip), not shown", report.Detail);
            Assert.Contains("no such endpoint", report.ToString());
        }
    }
}
