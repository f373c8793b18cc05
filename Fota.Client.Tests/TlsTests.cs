using System;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>
    /// https through the host connector against a real TLS server on loopback, with certificates made by the test:
    /// a refused handshake says why and what to do.
    /// </summary>
    public sealed class TlsTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();
        private readonly TestCa ca = new TestCa();

        public void Dispose()
        {
            ca.Dispose();
            folder.Dispose();
        }

        [Fact]
        public void DownloadsOverTlsWhenTheServerChainsToTheGivenCa()
        {
            byte[] image = Firmware.Make(50_000);
            using var tls = new TlsServer(ca.Issue("127.0.0.1"), SslProtocols.None, ScriptedServer.Reply(200, image));

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.Pem));

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.Equal(image, System.IO.File.ReadAllBytes(folder.File("update.bin")));
        }

        [Fact]
        public void AnotherCaSaysTheCertificateDoesNotChainToTheGivenOne()
        {
            using var other = new TestCa("Another CA");
            using var tls = new TlsServer(ca.Issue("127.0.0.1"), SslProtocols.None, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, other.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.StartsWith("TLS handshake with 127.0.0.1 failed: the server's certificate (CN=127.0.0.1, issued by CN=Fota Test CA)"
                + " does not chain to the CA in ServerCaCertificate (CN=Another CA)", report.Detail);
            Assert.Contains("give the CA that issued it", report.Detail);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AnotherCaOfTheSameNameIsRefusedToo()
        {
            using var impostor = new TestCa();
            using var tls = new TlsServer(ca.Issue("127.0.0.1"), SslProtocols.None, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, impostor.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("does not chain to the CA in ServerCaCertificate", report.Detail);
        }

        [Fact]
        public void WithoutAGivenCaTheSystemStoreDecidesAndTheAdviceNamesTheOption()
        {
            using var tls = new TlsServer(ca.Issue("127.0.0.1"), SslProtocols.None, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, null));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("the server's certificate (CN=127.0.0.1, issued by CN=Fota Test CA) is not trusted by this system's CA store", report.Detail);
            Assert.Contains("set ServerCaCertificate", report.Detail);
        }

        [Fact]
        public void ACertificateForAnotherHostSaysWhichNamesItHas()
        {
            using var tls = new TlsServer(ca.Issue("device.example"), SslProtocols.None, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("the server's certificate is for device.example, not for 127.0.0.1", report.Detail);
            Assert.Contains("use the name the certificate has in Url, or reissue it", report.Detail);
        }

        [Fact]
        public void AnExpiredCertificateSaysWhen()
        {
            X509Certificate2 expired = ca.Issue("127.0.0.1", validFromDays: -10, validToDays: -2);
            using var tls = new TlsServer(expired, SslProtocols.None, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("the server's certificate expired on " + expired.NotAfter.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " UTC", report.Detail);
            Assert.Contains("renew it on the server", report.Detail);
            Assert.Contains("clock", report.Detail);
        }

        [Fact]
        public void ACertificateNotValidYetPointsAtTheClock()
        {
            X509Certificate2 early = ca.Issue("127.0.0.1", validFromDays: 2, validToDays: 10);
            using var tls = new TlsServer(early, SslProtocols.None, ScriptedServer.Reply(200, "image"));

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("the server's certificate is not valid before " + early.NotBefore.ToUniversalTime().ToString("yyyy-MM-dd HH:mm") + " UTC", report.Detail);
            Assert.Contains("clock", report.Detail);
        }

        // This machine's OpenSSL cannot offer TLS 1.0/1.1 ciphers (security level), so a server limited to TLS 1.1 ends
        // the handshake with a handshake_failure alert.
        [Fact]
        public void AServerWithoutTls12Or13SaysNoCommonVersion()
        {
#pragma warning disable SYSLIB0039 // the point of this server is an obsolete protocol
            using var tls = new TlsServer(ca.Issue("127.0.0.1"), SslProtocols.Tls11, ScriptedServer.Reply(200, "image"));
#pragma warning restore SYSLIB0039

            FotaReport report = FotaClient.Run(Options(tls.Port, ca.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("no TLS version or cipher suite in common with the server", report.Detail);
            Assert.Contains("TLS 1.2", report.Detail);
        }

        // What a server that knows only older versions answers a TLS 1.2/1.3 ClientHello (RFC 8446 4.2.1, RFC 5246 E.1):
        // a fatal protocol_version alert, sent here as those exact bytes.
        [Fact]
        public void AProtocolVersionAlertSaysNoCommonVersion()
        {
            using var server = new ScriptedServer(c =>
            {
                Assert.Equal(0x16, c.ReadSome()[0]); // a handshake record: the ClientHello
                c.Send(new byte[] { 0x15, 0x03, 0x01, 0x00, 0x02, 0x02, 0x46 });
            }, readsHead: false);

            FotaReport report = FotaClient.Run(Options(server.Port, ca.Pem));

            Assert.Equal(FotaResult.ConnectionFailed, report.Result);
            Assert.Contains("no TLS version in common with the server", report.Detail);
            Assert.Contains("enable TLS 1.2 or 1.3 on the server", report.Detail);
        }

        private FotaOptions Options(int port, string caPem)
        {
            FotaOptions options = TestOptions.For("https://127.0.0.1:" + port + "/api/site/firmware_upgrade", new FileRegion(folder.File("update.bin")));
            options.ServerCaCertificate = caPem;
            return options;
        }

        /// <summary>A one-connection TLS server on loopback that answers the request with the given bytes.</summary>
        private sealed class TlsServer : IDisposable
        {
            private readonly TcpListener listener = new TcpListener(IPAddress.Loopback, 0);
            private readonly Thread thread;

            public TlsServer(X509Certificate2 certificate, SslProtocols protocols, byte[] reply)
            {
                listener.Start();
                Port = ((IPEndPoint)listener.LocalEndpoint).Port;
                thread = new Thread(() =>
                {
                    try
                    {
                        using TcpClient client = listener.AcceptTcpClient();
                        using var ssl = new SslStream(client.GetStream());
                        ssl.AuthenticateAsServer(certificate, false, protocols, false);
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
