using System;
using System.IO;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>
    /// A body without Content-Length or chunked framing ends when the server closes the connection, so a body cut short
    /// by a normal close looks complete. It is accepted only when a verifier checks completeness.
    /// </summary>
    public sealed class CloseDelimitedBodyTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private static ScriptedServer ServerSending(byte[] body) => new ScriptedServer(c =>
        {
            c.Send("HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\n\r\n");
            c.Send(body);
        });

        [Fact]
        public void ABodyCutShortByANormalCloseIsNotCommittedWithoutACompletenessCheck()
        {
            byte[] image = Firmware.Make(10_000);
            using var server = ServerSending(image.AsSpan(0, 5000).ToArray());
            var region = new RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("neither Content-Length nor chunked", report.Detail);
            Assert.Contains("no verifier checks completeness", report.Detail);
            Assert.Contains("LengthVerifier", report.Detail);
            Assert.Equal(0, region.Begins);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AVerifierThatDoesNotCheckCompletenessIsNotEnough()
        {
            using var server = ServerSending(Firmware.Make(5000));
            var region = new RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, region, new CountingVerifier()));

            Assert.Equal(FotaResult.ProtocolError, report.Result);
            Assert.Contains("no verifier checks completeness", report.Detail);
            Assert.Equal(0, region.Begins);
        }

        public static TheoryData<string> CompletenessCheckers => new TheoryData<string> { "length", "CRC-32", "SHA-256" };

        [Theory]
        [MemberData(nameof(CompletenessCheckers))]
        public void AWholeBodyIsCommittedWhenAVerifierChecksCompleteness(string name)
        {
            byte[] image = Firmware.Make(20_000);
            using var server = ServerSending(image);

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")),
                new CountingVerifier(), Checker(name, image)));

            Assert.True(FotaResult.Success == report.Result, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
        }

        [Theory]
        [MemberData(nameof(CompletenessCheckers))]
        public void ABodyCutShortIsRejectedByTheCompletenessCheck(string name)
        {
            byte[] image = Firmware.Make(20_000);
            using var server = ServerSending(image.AsSpan(0, 12_000).ToArray());

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")), Checker(name, image)));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AnEmptyBodyIsStillAnEmptyBody()
        {
            using var server = ServerSending(new byte[0]);

            FotaReport report = FotaClient.Run(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")), new LengthVerifier(10)));

            Assert.Equal(FotaResult.EmptyBody, report.Result);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void TheLibrarysVerifiersSayWhatTheyCheck()
        {
            Assert.True(new LengthVerifier(1).ChecksCompleteness);
            Assert.True(new Crc32Verifier(0).ChecksCompleteness);
            Assert.True(new Sha256Verifier(new byte[32]).ChecksCompleteness);
            Assert.Equal("length", new LengthVerifier(1).Name);
            Assert.Equal("CRC-32", new Crc32Verifier(0).Name);
            Assert.Equal("SHA-256", new Sha256Verifier(new byte[32]).Name);
        }

        private static IFotaVerifier Checker(string name, byte[] image) => name switch
        {
            "length" => new LengthVerifier(image.Length),
            "CRC-32" => new Crc32Verifier(Crc32.Compute(image, 0, image.Length)),
            _ => new Sha256Verifier(Firmware.Sha256Hex(image)),
        };

        /// <summary>Counts bytes and accepts anything: it cannot tell a whole image from a cut one.</summary>
        private sealed class CountingVerifier : IFotaVerifier
        {
            public string Name => "counting";

            public bool ChecksCompleteness => false;

            public long Seen { get; private set; }

            public void Begin(long expectedLength) => Seen = 0;

            public void Update(byte[] buffer, int offset, int count) => Seen += count;

            public bool Finish(out string failure)
            {
                failure = null;
                return true;
            }
        }
    }
}
