using System;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Fota.Client
{
    /// <summary>
    /// A TLS connection on the device: nanoFramework's <c>SslStream</c>, which wraps the <see cref="Socket"/> itself,
    /// TLS 1.2 or 1.3, the host name as SNI, the options' CA and client certificate.
    /// </summary>
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
            // SslStream reads and writes with the socket's own timeouts.
            socket.ReceiveTimeout = timeoutMilliseconds;
            socket.SendTimeout = timeoutMilliseconds;

            X509Certificate ca = options.ServerCaCertificate == null ? null : new X509Certificate(options.ServerCaCertificate);
            X509Certificate client = null;
            if (options.ClientCertificate != null)
            {
                if (options.ClientKey == null)
                {
                    throw new FotaException(FotaResult.InvalidOptions, "ClientCertificate is set without ClientKey");
                }

                client = new X509Certificate2(options.ClientCertificate, options.ClientKey, options.ClientKeyPassword);
            }

            // Without a CA in the options the device's own store decides (a root CA uploaded with Device Explorer or
            // nanoff); with neither, the handshake fails, which is safer than not checking.
            SslStream stream = new SslStream(socket);
            stream.SslVerification = SslVerification.CertificateRequired;
            try
            {
                // Tls12 alone makes mbedTLS's minimum and maximum 1.2; with Tls13 it offers both (nf-interpreter's
                // ssl_generic_init_internal takes the lowest flag as the minimum and the highest as the maximum).
                // The handshake itself has no managed time limit: it waits natively for as long as the server does.
                stream.AuthenticateAsClient(host, client, ca, SslProtocols.Tls12 | SslProtocols.Tls13);
            }
            catch (Exception e)
            {
                stream.Close();
                throw new FotaException(FotaResult.ConnectionFailed, "TLS handshake with " + host + " failed: " + NetworkFailures.Describe(e));
            }

            return new TlsConnection(stream, timeoutMilliseconds);
        }

        public int Read(byte[] buffer, int offset, int count)
        {
            try
            {
                return stream.Read(buffer, offset, count);
            }
            catch (SocketException e)
            {
                throw SocketFailures.Translate(e, timeoutMilliseconds, "receiving");
            }
        }

        public void Write(byte[] buffer, int offset, int count)
        {
            try
            {
                stream.Write(buffer, offset, count);
            }
            catch (SocketException e)
            {
                throw SocketFailures.Translate(e, timeoutMilliseconds, "sending");
            }
        }

        public void Close()
        {
            stream.Close();
        }
    }
}
