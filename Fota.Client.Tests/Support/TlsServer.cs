using System;
using System.Collections.Concurrent;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// An https server on 127.0.0.1 that answers every request with the same bytes, one connection at a time. With
    /// a client CA it requires a client certificate that chains to it, and remembers whose it was.
    /// </summary>
    public sealed class TlsServer : IDisposable
    {
        private readonly LoopbackListener listener;
        private readonly X509Certificate2 certificate;
        private readonly X509Certificate2 clientCa;
        private readonly byte[] reply;

        public TlsServer(X509Certificate2 certificate, byte[] reply, X509Certificate2 clientCa = null)
        {
            this.certificate = certificate;
            this.reply = reply;
            this.clientCa = clientCa;
            // One connection at a time, served on the listener's thread.
            listener = new LoopbackListener("tls-server", socket =>
            {
                using (socket)
                {
                    Serve(socket);
                }
            });
        }

        public int Port => listener.Port;

        public string BaseUrl => "https://127.0.0.1:" + Port + "/api/site/firmware_upgrade";

        /// <summary>Subjects of the client certificates that were accepted.</summary>
        public ConcurrentQueue<string> ClientSubjects { get; } = new ConcurrentQueue<string>();

        /// <summary>Requests answered (handshake and request head complete).</summary>
        public int Answered => answered;

        private int answered;

        public void Dispose()
        {
            listener.Dispose();
        }

        private void Serve(Socket client)
        {
            try
            {
                client.ReceiveTimeout = 10000;
                using var ssl = new SslStream(new NetworkStream(client, ownsSocket: true));
                ssl.AuthenticateAsServer(new SslServerAuthenticationOptions
                {
                    ServerCertificate = certificate,
                    ClientCertificateRequired = clientCa != null,
                    RemoteCertificateValidationCallback = (_, presented, _, _) => clientCa == null || Trusted(presented),
                });
                if (clientCa != null)
                {
                    ClientSubjects.Enqueue(ssl.RemoteCertificate.Subject);
                }

                var head = new StringBuilder();
                var one = new byte[1];
                while (!head.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && ssl.Read(one, 0, 1) == 1)
                {
                    head.Append((char)one[0]);
                }

                Interlocked.Increment(ref answered);
                ssl.Write(reply);
            }
            catch (Exception)
            {
                // A refused handshake is the client's (or this server's) verdict; the test checks the outcome.
            }
        }

        private bool Trusted(X509Certificate presented)
        {
            if (presented == null)
            {
                return false;
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.Add(clientCa);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(new X509Certificate2(presented));
        }
    }
}
