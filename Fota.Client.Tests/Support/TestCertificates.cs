using System;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Fota.Client.Tests.Support
{
    /// <summary>A private CA made in the test, and server and client certificates it signs (RSA 2048, valid for a day).</summary>
    public sealed class TestCertificates : IDisposable
    {
        private const string ServerAuth = "1.3.6.1.5.5.7.3.1";
        private const string ClientAuth = "1.3.6.1.5.5.7.3.2";

        private readonly RSA caKey = RSA.Create(2048);

        public TestCertificates(string caName = "Fota Test CA")
        {
            var request = new CertificateRequest("CN=" + caName, caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
            request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
            Ca = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        }

        /// <summary>The CA certificate, with its private key.</summary>
        public X509Certificate2 Ca { get; }

        /// <summary>A server certificate for an IP address or DNS name, with its private key.</summary>
        public X509Certificate2 Server(string hostName)
        {
            var names = new SubjectAlternativeNameBuilder();
            if (IPAddress.TryParse(hostName, out IPAddress address))
            {
                names.AddIpAddress(address);
            }
            else
            {
                names.AddDnsName(hostName);
            }

            return Issue("CN=" + hostName, ServerAuth, names);
        }

        /// <summary>A client certificate named <paramref name="name"/>, with its private key.</summary>
        public X509Certificate2 Client(string name)
        {
            return Issue("CN=" + name, ClientAuth, null);
        }

        /// <summary>The private key of <paramref name="certificate"/> as PKCS#8 PEM, encrypted when a password is given.</summary>
        public static string KeyPem(X509Certificate2 certificate, string password = null)
        {
            using RSA key = certificate.GetRSAPrivateKey();
            return password == null
                ? key.ExportPkcs8PrivateKeyPem()
                : key.ExportEncryptedPkcs8PrivateKeyPem(password, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10000));
        }

        public void Dispose()
        {
            Ca.Dispose();
            caKey.Dispose();
        }

        private X509Certificate2 Issue(string subject, string usage, SubjectAlternativeNameBuilder names)
        {
            using RSA key = RSA.Create(2048);
            var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (names != null)
            {
                request.CertificateExtensions.Add(names.Build());
            }

            request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid(usage) }, false));
            byte[] serial = new byte[8];
            RandomNumberGenerator.Fill(serial);
            using X509Certificate2 signed = request.Create(Ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddHours(12), serial);
            using X509Certificate2 withKey = signed.CopyWithPrivateKey(key);

            // Through PKCS#12 so that SslStream on Linux can use the private key.
            return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
        }
    }
}
