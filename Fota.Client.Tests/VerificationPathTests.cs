using System;
using System.IO;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>Verifiers and regions in the real download path: commit only when every check passes.</summary>
    public sealed class VerificationPathTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private static FotaOptions Options(string url, IFotaRegion region, params IFotaVerifier[] verifiers) => TestOptions.For(url, region, verifiers);

        [Fact]
        public void AllVerifiersAcceptingCommitsTheImage()
        {
            byte[] image = Firmware.Make(300_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));
            var region = new FileRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, region,
                new LengthVerifier(image.Length),
                new Crc32Verifier(Crc32.Compute(image, 0, image.Length)),
                new Sha256Verifier(Firmware.Sha256Hex(image))));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(image, File.ReadAllBytes(region.Path));
        }

        [Fact]
        public void SuccessSaysExactlyWhatWasChecked()
        {
            byte[] image = Firmware.Make(10_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, new FileRegion(folder.File("update.bin")),
                new LengthVerifier(image.Length), new Sha256Verifier(Firmware.Sha256Hex(image))));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal("length, SHA-256 verified; authenticity not checked (no public key); image committed", report.Detail);
        }

        [Theory]
        [InlineData(false)]
        [InlineData(true)]
        public void SuccessWithoutChecksSaysIntegrityWasNotChecked(bool withObserver)
        {
            byte[] image = Firmware.Make(10_000);
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));
            IFotaVerifier[] verifiers = withObserver ? new IFotaVerifier[] { new ObservingVerifier() } : new IFotaVerifier[0];

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, new FileRegion(folder.File("update.bin")), verifiers));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal("integrity not checked (no verifier); authenticity not checked (no public key); image committed", report.Detail);
            Assert.DoesNotContain("verified", report.ToString());
        }

        [Fact]
        public void DigestMismatchFailsAndLeavesNothing()
        {
            byte[] image = Firmware.Make(300_000);
            byte[] tampered = (byte[])image.Clone();
            tampered[123_456] ^= 0x01;
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, tampered)));
            var region = new FileRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, region,
                new LengthVerifier(image.Length),
                new Sha256Verifier(Firmware.Sha256Hex(image))));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.Equal(4, report.LegacyCode);
            Assert.Equal(image.Length, report.BytesReceived);
            Assert.Contains(Firmware.Sha256Hex(image), report.Detail);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void LengthMismatchOnAnUnannouncedBodyFails()
        {
            byte[] image = Firmware.Make(5000);
            using var server = new ScriptedServer(c =>
            {
                c.Send("HTTP/1.1 200 OK\r\n\r\n");
                c.Send(image);
            });

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, new FileRegion(folder.File("update.bin")), new LengthVerifier(6000)));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void FailingRegionWriteIsAStorageFailureAndTheRegionIsAborted()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, Firmware.Make(20_000))));
            var region = new FullDiskRegion(folder.File("update.bin"), failAfter: 8192);

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, region));

            Assert.Equal(FotaResult.StorageFailed, report.Result);
            Assert.Contains("region write failed: No space left", report.Detail);
            Assert.True(region.Aborted);
            Assert.False(region.Committed);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void ThrowingVerifierIsAnInternalErrorAndTheRegionIsAborted()
        {
            using var server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, Firmware.Make(20_000))));
            var region = new FullDiskRegion(folder.File("update.bin"), failAfter: long.MaxValue);

            FotaReport report = FotaClient.Run(Options(server.BaseUrl, region, new ThrowingVerifier()));

            Assert.Equal(FotaResult.InternalError, report.Result);
            Assert.Contains("InvalidOperationException: verifier bug", report.Detail);
            Assert.True(region.Aborted);
            Assert.Empty(folder.Files());
        }

        /// <summary>A file region on a disk that fills up after some bytes, like a full littlefs volume.</summary>
        private sealed class FullDiskRegion : IFotaRegion
        {
            private readonly FileRegion file;
            private readonly long failAfter;
            private long written;

            public FullDiskRegion(string path, long failAfter)
            {
                file = new FileRegion(path);
                this.failAfter = failAfter;
            }

            // Every request also aborts before connecting, to clear leftovers: only an abort after Begin counts here.
            public bool Aborted { get; private set; }

            private bool begun;

            public bool Committed { get; private set; }

            public long Capacity => -1;

            public void Begin(long expectedLength)
            {
                begun = true;
                file.Begin(expectedLength);
            }

            public void Write(byte[] buffer, int offset, int count)
            {
                if (written + count > failAfter)
                {
                    throw new IOException("No space left on device");
                }

                file.Write(buffer, offset, count);
                written += count;
            }

            public void Commit()
            {
                Committed = true;
                file.Commit();
            }

            public void Abort()
            {
                Aborted = begun;
                file.Abort();
            }
        }

        private sealed class ThrowingVerifier : IFotaVerifier
        {
            public string Name => "throwing";

            public bool ChecksCompleteness => false;

            public void Begin(long expectedLength)
            {
            }

            public void Update(byte[] buffer, int offset, int count) => throw new InvalidOperationException("verifier bug");

            public bool Finish(out string failure)
            {
                failure = null;
                return true;
            }
        }
    }
}
