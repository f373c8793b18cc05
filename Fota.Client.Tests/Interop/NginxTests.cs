using System;
using System.IO;
using System.Net.Sockets;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Interop
{
    /// <summary>The client against a real nginx: what it serves, streams, compresses, redirects, fails with, and its TLS.</summary>
    public sealed class NginxTests : IClassFixture<NginxFixture>, IDisposable
    {
        private readonly NginxFixture nginx;
        private readonly TempFolder folder;

        public NginxTests(NginxFixture nginx)
        {
            // First, so that a missing nginx leaves no folder behind (a failing constructor is never disposed).
            nginx.Require();
            this.nginx = nginx;
            folder = new TempFolder();
        }

        public void Dispose() => folder.Dispose();

        private FotaOptions Options(string url, params IFotaVerifier[] verifiers) =>
            TestOptions.For(url, new FileRegion(folder.File("update.bin")), verifiers);

        [NginxFact]
        public void AStaticFileIsDownloadedWithItsContentLength()
        {
            FotaReport report = FotaClient.Run(Options(nginx.Http(NginxFixture.FirmwarePath), new Sha256Verifier(Firmware.Sha256Hex(nginx.Image))));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(nginx.Image.Length, report.BytesExpected);
            Assert.Equal("SHA-256 verified; authenticity not checked (no public key); image committed", report.Detail);
            Assert.Equal(nginx.Image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [NginxFact]
        public void ABodyStreamedFromAnHttp10UpstreamArrivesInThousandsOfChunks()
        {
            FotaReport report = FotaClient.Run(Options(nginx.Http("/stream"), new Sha256Verifier(Firmware.Sha256Hex(nginx.Streamed))));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(-1, report.BytesExpected);
            Assert.Equal(nginx.Streamed, File.ReadAllBytes(folder.File("update.bin")));

            // The same reply as raw bytes: chunked, and far more chunks than the 16 KB head limit once allowed (~2,300).
            Assert.True(CountChunks(nginx.HttpPort, "/stream") > 3000);
        }

        [NginxFact]
        public void GzipStaticAlwaysIsRefusedBeforeAnythingIsWritten()
        {
            FotaReport report = FotaClient.Run(Options(nginx.Http("/gz/firmware.bin"), new LengthVerifier(nginx.Image.Length)));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Equal(200, report.HttpStatus);
            Assert.Contains("Content-Encoding: gzip", report.Detail);
            Assert.Equal(0, report.BytesReceived);
            Assert.Empty(folder.Files());
        }

        [NginxTheory]
        [InlineData("/moved")]
        [InlineData("/found")]
        [InlineData("/relative")]
        public void ARedirectIsFollowedToTheFirmware(string path)
        {
            FotaReport report = FotaClient.Run(Options(nginx.Http(path), new Sha256Verifier(Firmware.Sha256Hex(nginx.Image))));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(200, report.HttpStatus);
            Assert.Equal(nginx.Http(NginxFixture.FirmwarePath), report.Url);
            Assert.Equal(nginx.Image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [NginxFact]
        public void ARedirectLoopEndsInARefusal()
        {
            FotaReport report = FotaClient.Run(Options(nginx.Http("/loop")));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(302, report.HttpStatus);
            Assert.Equal("redirect loop: " + nginx.Http("/loop") + " leads back to " + nginx.Http("/loop"), report.Detail);
            Assert.Empty(folder.Files());
        }

        [NginxFact]
        public void ADownloadDroppedHalfWayContinuesWithRangeFromNginx()
        {
            using var proxy = new FaultProxy(nginx.HttpPort, i => i == 0 ? new ProxyFault { DropAt = nginx.Image.Length / 2 } : null);
            FotaOptions options = Options(proxy.Through(nginx.Http(NginxFixture.FirmwarePath)), new Sha256Verifier(Firmware.Sha256Hex(nginx.Image)));
            options.MaxAttempts = 2;
            options.RetryDelay = 1;

            FotaReport report = FotaClient.Run(options);

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(206, report.HttpStatus);
            Assert.Equal(nginx.Image, File.ReadAllBytes(folder.File("update.bin")));
            Assert.Contains("If-Range: \"", proxy.Requests.ToArray()[1]);
            Assert.Contains("Range: bytes=" + nginx.Image.Length / 2 + "-", proxy.Requests.ToArray()[1]);
        }

        [NginxTheory]
        [InlineData("/api/site/firmware_upgrade", 404, "404 Not Found", "Hint: the server has no such endpoint")]
        [InlineData("/fail", 500, "500 Internal Server Error", "Hint: the server failed; retry later.")]
        public void AnErrorPageIsARefusalWithTheStatusHint(string path, int status, string title, string hint)
        {
            FotaReport report = FotaClient.Run(Options(nginx.Http(path)));

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(status, report.HttpStatus);
            Assert.Equal(-1, report.PlatformCode);
            Assert.StartsWith("reply: <html>", report.Detail);
            Assert.Contains(title, report.Detail);
            Assert.Contains(hint, report.ToString());
            Assert.Empty(folder.Files());
        }

        [NginxFact]
        public void ATls12OnlyServerIsReachedOverTls12()
        {
            AssertTlsDownload(nginx.Tls12Port, "TLSv1.2");
        }

        [NginxFact]
        public void ATls13OnlyServerIsReachedOverTls13()
        {
            AssertTlsDownload(nginx.Tls13Port, "TLSv1.3");
        }

        [NginxFact]
        public void AServerLimitedToTls11SaysNoCommonVersion()
        {
            FotaOptions options = Options("https://127.0.0.1:" + nginx.Tls11Port + NginxFixture.FirmwarePath);
            options.ServerCaCertificate = nginx.Ca.Pem;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("no TLS version in common with the server", report.Detail);
            Assert.Empty(folder.Files());
        }

        private void AssertTlsDownload(int port, string protocol)
        {
            FotaOptions options = Options("https://127.0.0.1:" + port + NginxFixture.FirmwarePath, new LengthVerifier(nginx.Image.Length));
            options.ServerCaCertificate = nginx.Ca.Pem;

            FotaReport report = FotaClient.Run(options);

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(nginx.Image, File.ReadAllBytes(folder.File("update.bin")));
            Assert.Contains(port + " " + NginxFixture.FirmwarePath + "?imei=1&project_key=k&firmware_name=f&version=1.0.0 200 " + protocol,
                nginx.AccessLog);
        }

        // Asks for the path over a raw socket and counts the chunks of the reply.
        private static int CountChunks(int port, string path)
        {
            using var client = new TcpClient("127.0.0.1", port);
            using NetworkStream stream = client.GetStream();
            byte[] request = Encoding.ASCII.GetBytes("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            stream.Write(request);
            var reader = new BinaryReader(new BufferedStream(stream));
            string line;
            bool chunked = false;
            while ((line = ReadLine(reader)).Length > 0)
            {
                chunked |= line.Equals("Transfer-Encoding: chunked", StringComparison.OrdinalIgnoreCase);
            }

            Assert.True(chunked, "nginx did not stream the body chunked");
            int chunks = 0;
            while (true)
            {
                int size = Convert.ToInt32(ReadLine(reader).Split(';')[0], 16);
                if (size == 0)
                {
                    return chunks;
                }

                reader.ReadBytes(size);
                ReadLine(reader);
                chunks++;
            }
        }

        private static string ReadLine(BinaryReader reader)
        {
            var line = new StringBuilder();
            char c;
            while ((c = (char)reader.ReadByte()) != '\n')
            {
                if (c != '\r')
                {
                    line.Append(c);
                }
            }

            return line.ToString();
        }
    }
}
