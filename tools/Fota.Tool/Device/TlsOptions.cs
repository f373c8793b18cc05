using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>--ca FILE</c>, <c>--client-cert FILE</c>, <c>--client-key FILE</c> and <c>--client-key-password</c> for
    /// https servers: the files are read and checked here, so a wrong file is a clear command-line error (exit 2)
    /// rather than a failed handshake, and handed to the core as the PEM text of <see cref="FotaOptions"/>.
    /// </summary>
    public sealed class TlsOptions
    {
        private const string CertificateMarker = "-----BEGIN CERTIFICATE-----";

        /// <summary><c>--ca FILE</c>: the only CA trusted for the server's certificate.</summary>
        public Option<FileInfo> Ca { get; } = new Option<FileInfo>("--ca")
        {
            Description = "trust only this CA certificate (PEM or DER) for the https server, instead of the system's CAs",
            HelpName = "FILE",
        }.AcceptExistingOnly();

        /// <summary><c>--client-cert FILE</c>: a client certificate for servers that ask for one.</summary>
        public Option<FileInfo> ClientCertificate { get; } = new Option<FileInfo>("--client-cert")
        {
            Description = "present this client certificate (PEM) to the https server",
            HelpName = "FILE",
        }.AcceptExistingOnly();

        /// <summary><c>--client-key FILE</c>: the client certificate's private key.</summary>
        public Option<FileInfo> ClientKey { get; } = new Option<FileInfo>("--client-key")
        {
            Description = "the client certificate's private key (PEM) [default: the --client-cert file]",
            HelpName = "FILE",
        }.AcceptExistingOnly();

        /// <summary><c>--client-key-password TEXT</c>: for an encrypted private key.</summary>
        public Option<string> ClientKeyPassword { get; } = OptionRules.Text("--client-key-password", "TEXT",
            "password of an encrypted --client-key (other users may see a command line: prefer a key file only you can read)");

        /// <summary>Adds the options to <paramref name="command"/> and checks they are given together.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Ca);
            command.Options.Add(ClientCertificate);
            command.Options.Add(ClientKey);
            command.Options.Add(ClientKeyPassword);
            command.Validators.Add(result =>
            {
                if (result.GetResult(ClientCertificate) == null
                    && (result.GetResult(ClientKey) != null || result.GetResult(ClientKeyPassword) != null))
                {
                    result.AddError("--client-key and --client-key-password go with --client-cert.");
                }
            });
        }

        /// <summary>Reads the files into <paramref name="options"/>.</summary>
        /// <exception cref="UsageException">When a file holds no usable certificate or key.</exception>
        public void Apply(ParseResult result, FotaOptions options)
        {
            FileInfo ca = result.GetValue(Ca);
            if (ca != null)
            {
                options.ServerCaCertificate = ReadCa(ca.FullName);
            }

            FileInfo certificate = result.GetValue(ClientCertificate);
            if (certificate == null)
            {
                return;
            }

            string keyPath = (result.GetValue(ClientKey) ?? certificate).FullName;
            string password = result.GetValue(ClientKeyPassword);
            string certificatePem = File.ReadAllText(certificate.FullName);
            string keyPem = File.ReadAllText(keyPath);
            try
            {
                using X509Certificate2 loaded = password == null
                    ? X509Certificate2.CreateFromPem(certificatePem, keyPem)
                    : X509Certificate2.CreateFromEncryptedPem(certificatePem, keyPem, password);
            }
            catch (Exception e) when (e is CryptographicException || e is ArgumentException)
            {
                bool encrypted = keyPem.Contains("ENCRYPTED PRIVATE KEY", StringComparison.Ordinal);
                throw new UsageException("--client-cert '" + certificate.FullName + "' with the key in '" + keyPath + "': "
                    + e.Message.TrimEnd('.') + (encrypted && password == null ? " (an encrypted key needs --client-key-password)." : "."));
            }

            options.ClientCertificate = certificatePem;
            options.ClientKey = keyPem;
            options.ClientKeyPassword = password;
        }

        // The core takes one CA as PEM. A bundle is refused rather than cut to its first certificate without a word.
        private static string ReadCa(string path)
        {
            byte[] bytes = File.ReadAllBytes(path);
            string text = Encoding.ASCII.GetString(bytes);
            int count = 0;
            for (int at = text.IndexOf(CertificateMarker, StringComparison.Ordinal); at >= 0;
                at = text.IndexOf(CertificateMarker, at + 1, StringComparison.Ordinal))
            {
                count++;
            }

            if (count > 1)
            {
                throw new UsageException("--ca: '" + path + "' holds " + count + " certificates; give the one CA that signs the server's certificate.");
            }

            try
            {
                using X509Certificate2 certificate = count == 1 ? X509Certificate2.CreateFromPem(text) : X509CertificateLoader.LoadCertificate(bytes);
                return certificate.ExportCertificatePem();
            }
            catch (CryptographicException e)
            {
                throw new UsageException("--ca: '" + path + "' holds no certificate in PEM or DER form (" + e.Message.TrimEnd('.') + ").");
            }
        }
    }
}
