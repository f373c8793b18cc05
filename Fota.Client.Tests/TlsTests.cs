using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>https through the host connector against a real TLS server on loopback with its own CA.</summary>
    public sealed class TlsTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        [Fact]
        public void DownloadsOverTlsWhenTheServerChainsToTheGivenCa()
        {
            var (ca, server) = Certificates("127.0.0.1");
            byte[] image = Firmware.Make(50_000);
            using var tls = new TlsServer(server, ScriptedServer.Reply(200, image));

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.ExportCertificatePem()));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(image, System.IO.File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void AnotherCaIsRefusedAsAConnectionFailure()
        {
            var (_, server) = Certificates("127.0.0.1");
            var (otherCa, _) = Certificates("127.0.0.1");
            using var tls = new TlsServer(server, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, otherCa.ExportCertificatePem()));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("TLS handshake", report.Detail);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void CertificateForAnotherHostIsRefused()
        {
            var (ca, server) = Certificates("device.example");
            using var tls = new TlsServer(server, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.ExportCertificatePem()));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
        }

        private FotaOptions Options(int port, string caPem)
        {
            FotaOptions options = TestOptions.For("https://127.0.0.1:" + port + "/api/site/firmware_upgrade", new FileRegion(folder.File("update.bin")));
            options.ServerCaCertificate = caPem;
            return options;
        }

        private static (X509Certificate2 Ca, X509Certificate2 Server) Certificates(string hostName)
        {
            using RSA caKey = RSA.Create(2048);
            var caRequest = new CertificateRequest("CN=Fota Test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            X509Certificate2 ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));

            using RSA serverKey = RSA.Create(2048);
            var request = new CertificateRequest("CN=" + hostName, serverKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            var names = new SubjectAlternativeNameBuilder();
            if (IPAddress.TryParse(hostName, out IPAddress address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(hostName);
            }

            request.CertificateExtensions.Add(names.Build());
            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
            byte[] serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            using X509Certificate2 signed = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
            X509Certificate2 withKey = signed.CopyWithPrivateKey(serverKey);
            // Round-trip through PKCS#12 so SslStream on Linux can use the private key.
            X509Certificate2 server = X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
            return (ca, server);
        }

        /// <summary>A one-connection-at-a-time TLS server on loopback that answers every request with the same bytes.</summary>
        private sealed class TlsServer : IDisposable
        {
            private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly Thread thread;

            public TlsServer(X509Certificate2 certificate, byte[] reply)
            {
                listener.Start();
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
                thread = new Thread(() =>
                {
                    try
                    {
                        using TcpClient client = listener.AcceptTcpClient();
                        using var ssl = new SslStream(client.GetStream());
                        ssl.AuthenticateAsServer(certificate);
                        var head = new StringBuilder();
                        var one = new byte[1];
                        while (!head.ToString().EndsWith("\r\n\r\n") && ssl.Read(one, 0, 1) == 1)
                        {
                            head.Append((char)one[0]);
                        }

                        ssl.Write(reply);
                    }
                    catch (Exception)
                    {
                        // Handshake refusals are the client's verdict; the test checks the report.
                    }
                })
                { IsBackground = true };
                thread.Start();
            }

            public int Port { get; }

            public void Dispose()
            {
                listener.Stop();
                thread.Join(5000);
            }
        }
    }
}
