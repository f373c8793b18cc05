using System;
using System.IO;
using System.Linq;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Fota.Client.Tests.Tool;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// <see cref="FotaOptions.PublicKey"/> in the real request path: a package made by <c>fota keygen</c>/<c>fota pack</c>,
    /// served by the real <c>fota serve</c> (or a scripted server for what it never sends), through a tampering proxy,
    /// into real files. The region holds only the payload, and only what verified is committed.
    /// </summary>
    public sealed class SignedRequestTests : IClassFixture<ToolPackage>, IDisposable
    {
        private const string Imei = "C81234567830";

        private readonly ToolPackage package;
        private readonly TempFolder folder = new TempFolder();
        private readonly ServerHarness server = new ServerHarness(seed: false);
        private readonly string key;

        public SignedRequestTests(ToolPackage package)
        {
            this.package = package;
            key = server.Catalog.CreateProject("signed").Key;
            string file = Path.Combine(server.DataDirectory, "upload.pkg");
            File.WriteAllBytes(file, package.Bytes);
            server.Catalog.AddFirmware(key, ToolPackage.Name, ToolPackage.Version, file);
        }

        public void Dispose()
        {
            server.Dispose();
            folder.Dispose();
        }

        private FotaOptions Options(string url, IFotaRegion region, RsaPublicKey publicKey)
        {
            return new FotaOptions
            {
                Url = url,
                Imei = Imei,
                ProjectKey = key,
                FirmwareName = ToolPackage.Name,
                Version = "1.0.6",
                Region = region,
                PublicKey = publicKey,
                ReadTimeout = 5000,
                Timeout = 20000,
            };
        }

        [Fact]
        public void ASignedPackageFromFotaServeIsVerifiedAndOnlyItsPayloadIsStored()
        {
            var region = new FileRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(server.Server.UpgradeUrl, region, package.PublicKey));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(package.Payload, File.ReadAllBytes(region.Path));
            Assert.Equal(package.Bytes.Length, report.BytesReceived);
            Assert.Equal("package signature verified (key id " + package.PublicKey.KeyIdHex
                + "), with its name, newer version, length and SHA-256; image committed", report.Detail);
        }

        [Fact]
        public void APayloadByteRewrittenOnThePathIsCaughtAndNothingIsKept()
        {
            using var proxy = new FaultProxy(new Uri(server.Server.BaseUrl).Port,
                _ => new ProxyFault { Flips = new long[] { package.PayloadStart + 1234 } });
            var region = new FileRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(proxy.Through(server.Server.UpgradeUrl), region, package.PublicKey));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.StartsWith("package payload SHA-256 ", report.Detail);
            Assert.Contains("differs from the signed " + Firmware.Sha256Hex(package.Payload), report.Detail);
            Assert.Empty(folder.Files());
        }

        [Theory]
        [InlineData(1, "not a signed package: byte 1")]
        [InlineData(5, "package flags")]
        [InlineData(12, "package signature does not verify")]
        [InlineData(40, "package signature does not verify")]
        [InlineData(52, "package is signed with key id")]
        [InlineData(60, "package signature does not verify")]
        [InlineData(70, "package firmware name holds")]
        [InlineData(-1, "package signature does not verify")]
        [InlineData(-256, "package signature does not verify")]
        public void AHeaderOrSignatureRewrittenOnThePathNeverReachesTheRegion(int offset, string refusal)
        {
            // Negative offsets count back from the end of the signature.
            long flip = offset >= 0 ? offset : package.PayloadStart + offset;
            using var proxy = new FaultProxy(new Uri(server.Server.BaseUrl).Port, _ => new ProxyFault { Flips = new[] { flip } });
            Support.RecordingRegion region = new Support.RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(proxy.Through(server.Server.UpgradeUrl), region, package.PublicKey));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.StartsWith(refusal, report.Detail);
            Assert.Equal(0, region.Begins);
            Assert.Equal(0, region.Written);
            Assert.False(region.Committed);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void APackageSignedByAnotherKeyIsRefusedBeforeAnythingIsWritten()
        {
            Support.RecordingRegion region = new Support.RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(server.Server.UpgradeUrl, region, TestKeys.Public(TestKeys.Other2048)));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.StartsWith("package is signed with key id " + package.PublicKey.KeyIdHex + "; the device holds key id "
                + TestKeys.Public(TestKeys.Other2048).KeyIdHex, report.Detail);
            Assert.Equal(0, region.Begins);
        }

        [Fact]
        public void WithAKeyAPlainImageIsRefusedAtItsFirstByte()
        {
            byte[] image = Firmware.Make(5000);
            using var scripted = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, image)));
            Support.RecordingRegion region = new Support.RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(scripted.BaseUrl, region, package.PublicKey));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.StartsWith("not a signed package: byte 0 is 0x", report.Detail);
            Assert.Equal(0, region.Begins);
            Assert.Empty(folder.Files());
        }

        [Theory]
        [InlineData(ToolPackage.Name, "1.0.7", "package version 1.0.7 is not newer than the running 1.0.7")]
        [InlineData(ToolPackage.Name, "2.0.0", "package version 1.0.7 is not newer than the running 2.0.0")]
        [InlineData("other_app", "1.0.6", "package is for firmware '" + ToolPackage.Name + "', not 'other_app'")]
        public void AnOlderOrRenamedPackageIsRefusedBeforeTheRegionIsBegun(string name, string running, string refusal)
        {
            using var scripted = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, package.Bytes)));
            Support.RecordingRegion region = new Support.RecordingRegion(folder.File("update.bin"));
            FotaOptions options = Options(scripted.BaseUrl, region, package.PublicKey);
            options.FirmwareName = name;
            options.Version = running;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.StartsWith(refusal, report.Detail);
            Assert.Equal(0, region.Begins);
        }

        [Theory]
        [InlineData(100)]
        [InlineData(300)]
        [InlineData(-1)]
        public void ATruncatedPackageIsRefusedAndTheBegunRegionAborted(int cutFromEnd)
        {
            // A close-delimited body: only the package's own length says it was cut.
            int length = cutFromEnd < 0 ? 200 : package.Bytes.Length - cutFromEnd;
            byte[] head = System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            using var scripted = new ScriptedServer(c => c.Send(ScriptedServer.Concat(head, package.Bytes.Take(length).ToArray())));
            Support.RecordingRegion region = new Support.RecordingRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(scripted.BaseUrl, region, package.PublicKey));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.StartsWith("package body ended after ", report.Detail);
            Assert.False(region.Committed);
            Assert.Equal(length > package.PayloadStart ? 1 : 0, region.Begins);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AWholePackageEndingAtCloseNeedsNoOtherVerifier()
        {
            byte[] head = System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nConnection: close\r\n\r\n");
            using var scripted = new ScriptedServer(c => c.Send(ScriptedServer.Concat(head, package.Bytes)));
            var region = new FileRegion(folder.File("update.bin"));

            FotaReport report = FotaClient.Run(Options(scripted.BaseUrl, region, package.PublicKey));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(package.Payload, File.ReadAllBytes(region.Path));
        }

        [Fact]
        public void TheRegionMustHoldTheSignedPayloadNotTheWholePackage()
        {
            var fits = new FileRegion(folder.File("fits.bin"), package.Payload.Length);
            var tooSmall = new FileRegion(folder.File("small.bin"), package.Payload.Length - 1);

            FotaReport stored = FotaClient.Run(Options(server.Server.UpgradeUrl, fits, package.PublicKey));
            FotaReport refused = FotaClient.Run(Options(server.Server.UpgradeUrl, tooSmall, package.PublicKey));

            Assert.Equal(FotaResult.Success, stored.Result);
            Assert.Equal(FotaResult.StorageFailed, refused.Result);
            Assert.Equal("the image of " + package.Payload.Length + " bytes does not fit the region (" + (package.Payload.Length - 1)
                + " bytes)", refused.Detail);
            Assert.False(File.Exists(tooSmall.TemporaryPath));
        }

        [Fact]
        public void OtherVerifiersSeeThePayloadAndAreNamedBesideTheSignature()
        {
            var region = new FileRegion(folder.File("update.bin"));
            FotaOptions options = Options(server.Server.UpgradeUrl, region, package.PublicKey);
            options.Verifiers = new IFotaVerifier[]
            {
                new LengthVerifier(package.Payload.Length), new Crc32Verifier(Crc32.Compute(package.Payload, 0, package.Payload.Length)),
            };

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.EndsWith("length and SHA-256; length, CRC-32 verified; image committed", report.Detail);
        }

        [Fact]
        public void AVerbatimUrlWithAKeyStillNeedsTheFirmwareName()
        {
            var region = new FileRegion(folder.File("update.bin"));
            FotaOptions options = Options("###" + server.Server.UpgradeUrl, region, package.PublicKey);
            options.FirmwareName = null;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.InvalidOptions, report.Result);
            Assert.Contains("FirmwareName", report.Detail);
        }

        [Fact]
        public void FotaGetWithThePublicKeyStoresThePayloadAndRefusesATamperedBody()
        {
            File.WriteAllText(folder.File("public.pem"), package.PublicPem);
            File.WriteAllText(folder.File("broken.pem"), "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n");
            using var proxy = new FaultProxy(new Uri(server.Server.BaseUrl).Port,
                _ => new ProxyFault { Flips = new long[] { package.Bytes.Length - 1 } });
            string[] Get(string url, string output, string pem) => new[]
            {
                "get", "--url", url, "--imei", Imei, "--project-key", key, "--firmware-name", ToolPackage.Name, "--version", "1.0.6",
                "--out", folder.File(output), "--public-key", folder.File(pem),
            };

            var got = FotaProcess.Run(folder.Path, Get(server.Server.UpgradeUrl, "app.bin", "public.pem"));
            var tampered = FotaProcess.Run(folder.Path, Get(proxy.Through(server.Server.UpgradeUrl), "tampered.bin", "public.pem"));
            var broken = FotaProcess.Run(folder.Path, Get(server.Server.UpgradeUrl, "never.bin", "broken.pem"));

            Assert.Equal(0, got.Exit);
            Assert.Equal(package.Payload, File.ReadAllBytes(folder.File("app.bin")));
            Assert.Contains("Saved " + folder.File("app.bin") + ": " + package.Payload.Length + " bytes, sha256 "
                + Firmware.Sha256Hex(package.Payload) + ".", got.Out);
            Assert.Contains("package signature verified (key id " + package.PublicKey.KeyIdHex + ")", got.Out);
            Assert.Equal(15, tampered.Exit);
            Assert.Contains("VerificationFailed", tampered.Err);
            Assert.Contains("package payload SHA-256", tampered.Err);
            Assert.False(File.Exists(folder.File("tampered.bin")));
            Assert.Equal(2, broken.Exit);
            Assert.Contains("--public-key '" + folder.File("broken.pem") + "'", broken.Err);
            Assert.False(File.Exists(folder.File("never.bin")));
        }
    }
}
