using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Fota.Client
{
    /// <summary>
    /// Why a TLS handshake on the host failed, in words a user can act on: the runtime only says "rejected by the
    /// provided RemoteCertificateValidationCallback" or "see inner exception".
    /// </summary>
    internal static class TlsDiagnosis
    {
        /// <summary>Why the server's certificate is refused, or <c>null</c> when it is accepted.</summary>
        /// <param name="host">The host the client asked for (the Url's).</param>
        /// <param name="certificate">The server's certificate, or <c>null</c>.</param>
        /// <param name="errors">The runtime's verdict against the system's CA store.</param>
        /// <param name="ca">The only trust anchor (ServerCaCertificate), or <c>null</c> for the system's store.</param>
        internal static string CheckCertificate(string host, X509Certificate certificate, SslPolicyErrors errors, X509Certificate2 ca)
        {
            if (ca == null && errors == SslPolicyErrors.None)
            {
                return null;
            }

            if (certificate == null || (errors & SslPolicyErrors.RemoteCertificateNotAvailable) != 0)
            {
                return "the server sent no certificate";
            }

            using var server = new X509Certificate2(certificate);
            var problems = new List<string>();
            if ((errors & SslPolicyErrors.RemoteCertificateNameMismatch) != 0)
            {
                problems.Add("the server's certificate is for " + Names(server) + ", not for " + host
                    + ": use the name the certificate has in Url, or reissue it for " + host);
            }

            using var chain = new X509Chain();
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            if (ca != null)
            {
                chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
                chain.ChainPolicy.CustomTrustStore.Add(ca);
            }

            if (!chain.Build(server))
            {
                X509ChainStatusFlags flags = 0;
                foreach (X509ChainStatus status in chain.ChainStatus)
                {
                    flags |= status.Status;
                }

                if ((flags & X509ChainStatusFlags.NotTimeValid) != 0)
                {
                    problems.Add(Dates(server));
                }

                if ((flags & ~(X509ChainStatusFlags.NotTimeValid | X509ChainStatusFlags.NotTimeNested)) != 0)
                {
                    string which = "the server's certificate (" + server.Subject + ", issued by " + server.Issuer + ")";
                    problems.Add(ca != null
                        ? which + " does not chain to the CA in ServerCaCertificate (" + ca.Subject + "): give the CA that issued it,"
                            + " or make the server send its intermediate certificates"
                        : which + " is not trusted by this system's CA store: set ServerCaCertificate to the CA that issued it,"
                            + " or make the server send its intermediate certificates");
                }
            }

            if (problems.Count == 0 && ca == null)
            {
                problems.Add("the server's certificate was refused (" + errors + ")");
            }

            return problems.Count == 0 ? null : string.Join("; ", problems);
        }

        /// <summary>What a failed handshake means, from the exception the runtime threw.</summary>
        internal static string Describe(Exception failure)
        {
            string messages = "";
            string innermost = failure.Message;
            for (Exception e = failure; e != null; e = e.InnerException)
            {
                messages += " " + e.Message.ToLowerInvariant();
                innermost = e.Message;
            }

            // OpenSSL's words on Linux; SChannel's on Windows.
            if (messages.Contains("protocol version") || messages.Contains("unsupported protocol")
                || messages.Contains("wrong version number") || messages.Contains("no protocols available"))
            {
                return "no TLS version in common with the server (this client speaks TLS 1.2 and 1.3; the server refused both:"
                    + " '" + innermost + "'): enable TLS 1.2 or 1.3 on the server";
            }

            if (messages.Contains("handshake failure") || messages.Contains("do not possess a common algorithm"))
            {
                return "no TLS version or cipher suite in common with the server (it ended the handshake: '" + innermost
                    + "'); this client speaks TLS 1.2 and 1.3 with current cipher suites: enable them on the server";
            }

            return innermost;
        }

        private static string Names(X509Certificate2 certificate)
        {
            var names = new List<string>();
            foreach (X509Extension extension in certificate.Extensions)
            {
                if (extension is X509SubjectAlternativeNameExtension alternative)
                {
                    names.AddRange(alternative.EnumerateDnsNames());
                    foreach (IPAddress address in alternative.EnumerateIPAddresses())
                    {
                        names.Add(address.ToString());
                    }
                }
            }

            if (names.Count == 0)
            {
                names.Add(certificate.GetNameInfo(X509NameType.SimpleName, false));
            }

            return string.Join(", ", names);
        }

        private static string Dates(X509Certificate2 certificate)
        {
            DateTime now = DateTime.UtcNow;
            DateTime notAfter = certificate.NotAfter.ToUniversalTime();
            DateTime notBefore = certificate.NotBefore.ToUniversalTime();
            return now > notAfter
                ? "the server's certificate expired on " + notAfter.ToString("yyyy-MM-dd HH:mm") + " UTC: renew it on the server"
                    + " (if it has not expired, this device's clock is wrong)"
                : "the server's certificate is not valid before " + notBefore.ToString("yyyy-MM-dd HH:mm") + " UTC: check this"
                    + " device's clock, or the certificate's dates";
        }
    }
}
