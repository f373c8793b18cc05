using System;
using System.IO;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>Chunked bodies as real servers send them: thousands of small chunks, trailers, and their limits.</summary>
    public sealed class ChunkedFramingTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private FotaOptions Options(string url) => TestOptions.For(url, new FileRegion(folder.File("update.bin")));

        // nginx streaming from an HTTP/1.0 upstream with proxy_buffering off sends one chunk per upstream read: the
        // chunk-size lines and CRLFs of 10 000 chunks are far more than the 16 KB head limit, and are not the head.
        [Fact]
        public void TenThousandTinyChunksAreReassembled()
        {
            byte[] image = Firmware.Make(85_000);
            var wire = new MemoryStream();
            int at = 0;
            for (int i = 0; at < image.Length; i++)
            {
                int size = Math.Min(1 + i % 16, image.Length - at);
                wire.Write(Encoding.ASCII.GetBytes(size.ToString("x") + "\r\n"));
                wire.Write(image, at, size);
                wire.Write(Encoding.ASCII.GetBytes("\r\n"));
                at += size;
            }

            wire.Write(Encoding.ASCII.GetBytes("0\r\n\r\n"));
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n");
                c.Send(wire.ToArray());
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Theory]
        [InlineData(101, 0, "more than 100 trailer lines")]
        [InlineData(90, 200, "trailer larger than 16384 bytes")]
        public void TrailersAreLimitedLikeAHead(int lines, int valueLength, string mention)
        {
            var trailers = new StringBuilder();
            for (int i = 0; i < lines; i++)
            {
                trailers.Append("X-T-" + i + ": " + new string('t', valueLength) + "\r\n");
            }

            using var server = new ScriptedServer(c =>
                c.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n0\r\n" + trailers + "\r\n"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains(mention, report.Detail);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AChunkSizeLineLongerThanTheBufferIsRefused()
        {
            using var server = new ScriptedServer(c =>
                c.Send("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;" + new string('e', 5000) + "\r\nabc\r\n0\r\n\r\n"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("a chunk-size line is longer than 4096 bytes", report.Detail);
        }
    }
}
