using System;
using System.IO;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;

namespace Fota.Client
{
    /// <summary>A TLS connection on the host: <see cref="SslStream"/> over the socket, TLS 1.2 or 1.3.</summary>
    internal class TlsConnection : IConnection
    {
        private readonly SslStream stream;
        private readonly int timeoutMilliseconds;

        private TlsConnection(SslStream stream, int timeoutMilliseconds)
        {
            this.stream = stream;
            this.timeoutMilliseconds = timeoutMilliseconds;
        }

        /// <summary>Authenticates as a client of <paramref name="host"/> (also the SNI name).</summary>
        internal static TlsConnection Open(Socket socket, string host, FotaOptions options, int timeoutMilliseconds)
        {
            var network = new NetworkStream(socket, ownsSocket: true)
            {
                ReadTimeout = timeoutMilliseconds,
                WriteTimeout = timeoutMilliseconds,
            };
            X509Certificate2 ca = options.ServerCaCertificate == null ? null : X509Certificate2.CreateFromPem(options.ServerCaCertificate);

            // With a CA from the options, that CA is the only trust anchor; without one, the system's store decides.
            string refused = null;
            var stream = new SslStream(network, false, (sender, certificate, chain, errors) =>
            {
                refused = TlsDiagnosis.CheckCertificate(host, certificate, errors, ca);
                return refused == null;
            });
            var client = new SslClientAuthenticationOptions
            {
                TargetHost = host,
                EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13,
            };

            if (options.ClientCertificate != null)
            {
                X509Certificate2 certificate = options.ClientKeyPassword == null
                    ? X509Certificate2.CreateFromPem(options.ClientCertificate, options.ClientKey)
                    : X509Certificate2.CreateFromEncryptedPem(options.ClientCertificate, options.ClientKey, options.ClientKeyPassword);
                client.ClientCertificates = new X509CertificateCollection { certificate };
            }

            try
            {
                if (!stream.AuthenticateAsClientAsync(client).Wait(timeoutMilliseconds))
                {
                    stream.Dispose();
                    throw new FotaException(FotaResult.Timeout, "the TLS handshake with " + host + " took longer than " + timeoutMilliseconds + " ms");
                }
            }
            catch (AggregateException e)
            {
                stream.Dispose();
                throw new FotaException(FotaResult.ConnectionFailed, "TLS handshake with " + host + " failed: "
                    + (refused ?? TlsDiagnosis.Describe(e.InnerException)));
            }

            return new TlsConnection(stream, timeoutMilliseconds);
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return stream.Read(buffer, offset, count);
            }
            catch (IOException e) when (e.InnerException is SocketException socketError)
            {
                throw SocketFailures.Translate(socketError, timeoutMilliseconds, "receiving");
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                stream.Write(buffer, offset, count);
            }
            catch (IOException e) when (e.InnerException is SocketException socketError)
            {
                throw SocketFailures.Translate(socketError, timeoutMilliseconds, "sending");
            }
        }

        public void Close()
        {
            stream.Dispose();
        }
    }
}
