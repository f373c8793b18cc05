using System;
using System.IO;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>
    /// A 206 is a firmware only when its Content-Range covers exactly what was asked: the whole file, since the client
    /// sends no Range. Anything else is part of some file and must never be committed as the image.
    /// </summary>
    public sealed class PartialContentTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        [Fact]
        public void AnUnsolicitedHalfIsRefusedAndNothingIsStored()
        {
            byte[] half = Firmware.Make(2000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(206, half, "Content-Range: bytes 0-1999/4000")));
            var region = new RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Equal(206, report.HttpStatus);
            Assert.Contains("bytes 0-1999/4000", report.Detail);
            Assert.Contains("whole file", report.Detail);
            Assert.Equal(0, region.Begins);
            Assert.False(region.Committed);
            Assert.Empty(folder.Files());
        }

        [Theory]
        [InlineData("Content-Range: bytes 0-4999/5000")]
        [InlineData("content-range:   BYTES 0-4999/5000  ")]
        public void A206CoveringTheWholeFileIsTheImage(string contentRange)
        {
            byte[] image = Firmware.Make(5000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(206, image, contentRange)));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(5000, report.BytesExpected);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void AChunked206TakesItsLengthFromContentRange()
        {
            byte[] image = Firmware.Make(5000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-4999/5000\r\nTransfer-Encoding: chunked\r\n\r\n");
                c.Send("1388\r\n");
                c.Send(image);
                c.Send("\r\n0\r\n\r\n");
            });

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(5000, report.BytesExpected);
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Theory]
        [InlineData(5000, null, "without a Content-Range")]
        [InlineData(4900, "Content-Range: bytes 100-4999/5000", "bytes 100-4999/5000")]
        [InlineData(5000, "Content-Range: bytes 0-4999/6000", "bytes 0-4999/6000")]
        [InlineData(5000, "Content-Range: bytes 0-4999/*", "bytes 0-4999/*")]
        [InlineData(5000, "Content-Range: bytes */5000", "unusable Content-Range")]
        [InlineData(5000, "Content-Range: bytes=0-4999/5000", "unusable Content-Range")]
        [InlineData(5000, "Content-Range: bytes 0-4999/4999", "unusable Content-Range")]
        [InlineData(5000, "Content-Range: bytes 4999-0/5000", "unusable Content-Range")]
        [InlineData(5000, "Content-Range: bytes 0-4999/5000x", "unusable Content-Range")]
        [InlineData(5000, "Content-Range: pages 0-4999/5000", "unusable Content-Range")]
        [InlineData(4000, "Content-Range: bytes 0-4999/5000", "Content-Length 4000")]
        public void Other206RepliesAreProtocolErrors(int bodyLength, string contentRange, string mention)
        {
            byte[] body = Firmware.Make(bodyLength);
            using var server = new ScriptedServer(c => c.Send(contentRange == null
                ? ScriptedServer.Reply(206, body, "Content-Type: multipart/byteranges; boundary=x")
                : ScriptedServer.Reply(206, body, contentRange)));
            var region = new RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains(mention, report.Detail);
            Assert.Equal(0, region.Begins);
            Assert.Empty(folder.Files());
        }

        [Theory]
        [InlineData(4000)]
        [InlineData(6000)]
        public void AChunked206WhoseBodyDisagreesWithItsRangeIsNotCommitted(int sent)
        {
            byte[] body = Firmware.Make(sent);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes 0-4999/5000\r\nTransfer-Encoding: chunked\r\n\r\n");
                c.Send(sent.ToString("x") + "\r\n");
                c.Send(body);
                c.Send("\r\n0\r\n\r\n");
            });
            var region = new RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("5000", report.Detail);
            Assert.False(region.Committed);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void ARangeHeaderIsTheLibrarysToSend()
        {
            FotaOptions options = TestOptions.For("http://127.0.0.1:" + ScriptedServer.UnusedPort() + "/", new FileRegion(folder.File("update.bin")));
            options.Headers = new[] { "Range: bytes=0-99" };

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.InvalidOptions, report.Result);
            Assert.Contains("'Range' is set by the library", report.Detail);
        }
    }
}
