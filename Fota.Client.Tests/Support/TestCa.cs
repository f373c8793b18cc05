using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fota.Client.Tests.Support
{
    /// <summary>A certificate authority made for one test, issuing real server certificates.</summary>
    public sealed class TestCa : IDisposable
    {
        // ECDSA P-256: real certificates, and keys made in microseconds where RSA takes a good part of a second.
        private readonly ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);

        public TestCa(string name = "Fota Test CA")
        {
            var request = new CertificateRequest("CN=" + name, key, HashAlgorithmName.SHA256);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            Certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-30), DateTimeOffset.UtcNow.AddDays(30));
        }

        public X509Certificate2 Certificate { get; }

        public string Pem => Certificate.ExportCertificatePem();

        /// <summary>A server certificate for <paramref name="hostName"/> (a DNS name or an IP address), valid for the given days around now.</summary>
        public X509Certificate2 Issue(string hostName, double validFromDays = -1, double validToDays = 1)
        {
            using ECDsa serverKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
            var request = new CertificateRequest("CN=" + hostName, serverKey, HashAlgorithmName.SHA256);
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
            using X509Certificate2 signed = request.Create(Certificate, DateTimeOffset.UtcNow.AddDays(validFromDays),
                DateTimeOffset.UtcNow.AddDays(validToDays), serial);
            using X509Certificate2 withKey = signed.CopyWithPrivateKey(serverKey);

            // Round-trip through PKCS#12 so SslStream on Linux can use the private key.
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }

        /// <summary>PEM of a certificate and of its private key, for servers that read files (nginx).</summary>
        public static (string Certificate, string Key) ToPem(X509Certificate2 certificate)
        {
            using ECDsa key = certificate.GetECDsaPrivateKey();
            return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
        }

        public void Dispose()
        {
            Certificate.Dispose();
            key.Dispose();
        }
    }
}
