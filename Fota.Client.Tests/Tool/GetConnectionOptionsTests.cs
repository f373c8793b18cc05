using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography.X509Certificates;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary>
    /// <c>fota get --ca / --client-cert / --client-key / --client-key-password / --chunk-size</c> against real https
    /// servers on loopback whose CA, server and client certificates are made in the test.
    /// </summary>
    public sealed class GetConnectionOptionsTests : IDisposable
    {
        private static readonly byte[] Image = Firmware.Make(300_000, seed: 17);

        private readonly TempFolder work = new TempFolder();
        private readonly TestCertificates certificates = new TestCertificates();

        public void Dispose()
        {
            certificates.Dispose();
            work.Dispose();
        }

        [Fact]
        public void APrivateCaGivenWithCaIsTrustedAndNothingElseIs()
        {
            using X509Certificate2 serverCertificate = certificates.Server("127.0.0.1");
            using var server = new TlsServer(serverCertificate, ScriptedServer.Reply(200, Image));
            File.WriteAllText(work.File("ca.pem"), certificates.Ca.ExportCertificatePem());
            File.WriteAllBytes(work.File("ca.der"), certificates.Ca.Export(X509ContentType.Cert));
            using var stranger = new TestCertificates("Another CA");
            File.WriteAllText(work.File("other.pem"), stranger.Ca.ExportCertificatePem());

            var pem = Get(server.BaseUrl, "pem.bin", "--ca", "ca.pem");
            var der = Get(server.BaseUrl, "der.bin", "--ca", "ca.der");
            var system = Get(server.BaseUrl, "system.bin");
            var other = Get(server.BaseUrl, "other.bin", "--ca", "other.pem");
            var check = FotaProcess.Run(work.Path, "check", "--url", server.BaseUrl, "--imei", "d", "--project-key", "K",
                "--firmware-name", "app", "--version", "1.0.1", "--ca", "ca.pem");

            Assert.True(pem.Exit == 0, pem.Err);
            Assert.Equal(Image, File.ReadAllBytes(work.File("pem.bin")));
            Assert.True(der.Exit == 0, der.Err);
            Assert.Equal(Image, File.ReadAllBytes(work.File("der.bin")));
            Assert.Equal(9, system.Exit);
            Assert.Contains("ConnectionFailed", system.Err);
            Assert.Equal(9, other.Exit);
            Assert.False(File.Exists(work.File("system.bin")));
            Assert.False(File.Exists(work.File("other.bin")));
            Assert.True(check.Exit == 0, check.Out + check.Err);
            Assert.Contains("HTTP 200, a firmware of 300000 bytes", check.Out);
        }

        [Fact]
        public void AClientCertificateIsPresentedWhenTheServerAsksForOne()
        {
            using X509Certificate2 serverCertificate = certificates.Server("127.0.0.1");
            using X509Certificate2 device = certificates.Client("device-7");
            using var server = new TlsServer(serverCertificate, ScriptedServer.Reply(200, Image), clientCa: certificates.Ca);
            File.WriteAllText(work.File("ca.pem"), certificates.Ca.ExportCertificatePem());
            File.WriteAllText(work.File("device.pem"), device.ExportCertificatePem());
            File.WriteAllText(work.File("device.key"), TestCertificates.KeyPem(device));
            File.WriteAllText(work.File("device-encrypted.key"), TestCertificates.KeyPem(device, "s3cret"));
            File.WriteAllText(work.File("both.pem"), device.ExportCertificatePem() + "\n" + TestCertificates.KeyPem(device));

            var plain = Get(server.BaseUrl, "plain.bin", "--ca", "ca.pem", "--client-cert", "device.pem", "--client-key", "device.key");
            var encrypted = Get(server.BaseUrl, "encrypted.bin", "--ca", "ca.pem", "--client-cert", "device.pem",
                "--client-key", "device-encrypted.key", "--client-key-password", "s3cret");
            var combined = Get(server.BaseUrl, "combined.bin", "--ca", "ca.pem", "--client-cert", "both.pem");
            int answeredBefore = server.Answered;
            var without = Get(server.BaseUrl, "without.bin", "--ca", "ca.pem");

            Assert.True(plain.Exit == 0, plain.Err);
            Assert.True(encrypted.Exit == 0, encrypted.Err);
            Assert.True(combined.Exit == 0, combined.Err);
            Assert.Equal(Image, File.ReadAllBytes(work.File("encrypted.bin")));
            Assert.Equal(new[] { "CN=device-7", "CN=device-7", "CN=device-7" }, server.ClientSubjects.ToArray());
            Assert.NotEqual(0, without.Exit);
            Assert.Equal(answeredBefore, server.Answered);
            Assert.False(File.Exists(work.File("without.bin")));
        }

        [Theory]
        [InlineData("holds no certificate in PEM or DER form", "--ca", "junk.txt")]
        [InlineData("holds 2 certificates", "--ca", "bundle.pem")]
        [InlineData("File does not exist", "--ca", "missing.pem")]
        [InlineData("--client-key and --client-key-password go with --client-cert.", "--client-key", "device.key")]
        [InlineData("an encrypted key needs --client-key-password", "--client-cert", "device.pem", "--client-key", "device-encrypted.key")]
        [InlineData("--client-cert '", "--client-cert", "device.pem", "--client-key", "device-encrypted.key", "--client-key-password", "wrong")]
        [InlineData("--client-cert '", "--client-cert", "device.pem", "--client-key", "other.key")]
        [InlineData("--chunk-size must be a whole number from 512 to 65536, not '511'.", "--chunk-size", "511")]
        [InlineData("--chunk-size must be a whole number from 512 to 65536, not '65537'.", "--chunk-size", "65537")]
        public void UnusableFilesAndSizesAreUsageErrorsBeforeAnyTraffic(string message, params string[] options)
        {
            using X509Certificate2 device = certificates.Client("device-7");
            using X509Certificate2 other = certificates.Client("someone-else");
            File.WriteAllText(work.File("junk.txt"), "not a certificate");
            File.WriteAllText(work.File("bundle.pem"), certificates.Ca.ExportCertificatePem() + device.ExportCertificatePem());
            File.WriteAllText(work.File("device.pem"), device.ExportCertificatePem());
            File.WriteAllText(work.File("device.key"), TestCertificates.KeyPem(device));
            File.WriteAllText(work.File("device-encrypted.key"), TestCertificates.KeyPem(device, "s3cret"));
            File.WriteAllText(work.File("other.key"), TestCertificates.KeyPem(other));
            using var listener = new ScriptedServer(c => c.Close());

            var result = Get("https://127.0.0.1:" + listener.Port + "/u", "x.bin", options);

            Assert.Equal(2, result.Exit);
            Assert.StartsWith("fota: ", result.Err);
            Assert.Contains(message, result.Err);
            Assert.Equal("", result.Out);
            Assert.Empty(listener.Requests);
        }

        [Fact]
        public void ChunkSizeIsTheBufferAndSoTheLongestHeaderLine()
        {
            string longHeader = "X-Padding: " + new string('p', 1000);
            using var server = new ScriptedServer(c => { c.Send(ScriptedServer.Reply(200, Image, longHeader)); c.Close(); });

            var small = Get(server.BaseUrl, "small.bin", "--chunk-size", "512");
            var fits = Get(server.BaseUrl, "fits.bin", "--chunk-size", "1024");

            Assert.Equal(12, small.Exit);
            Assert.Contains("512 bytes", small.Err);
            Assert.True(fits.Exit == 0, fits.Err);
            Assert.Equal(Image, File.ReadAllBytes(work.File("fits.bin")));
        }

        private (int Exit, string Out, string Err) Get(string url, string output, params string[] options)
        {
            string[] args = new[] { "get", "--url", url, "--imei", "d", "--project-key", "K", "--firmware-name", "app", "--version", "1.0.1",
                "--out", output, "--timeout", "20" };
            return FotaProcess.Run(work.Path, args.Concat(options).ToArray());
        }
    }
}
