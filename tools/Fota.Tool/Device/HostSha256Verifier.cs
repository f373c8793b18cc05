using System;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// SHA-256 of every payload byte as it streams past, with the runtime's hashing (OpenSSL or the OS, using
    /// the CPU's SHA instructions), where the device path uses the core's managed <see cref="Sha256Verifier"/>.
    /// Without an expected digest it only observes, so <c>fota get</c> can print the digest of what it stored
    /// without reading the file again.
    /// </summary>
    public sealed class HostSha256Verifier : IFotaVerifier, IDisposable
    {
        private readonly byte[] expected;
        private IncrementalHash hash;

        /// <summary>A verifier that accepts only <paramref name="expected"/> (32 bytes), or any image when <c>null</c>.</summary>
        public HostSha256Verifier(byte[] expected)
        {
            if (expected != null && expected.Length != SHA256.HashSizeInBytes)
            {
                throw new ArgumentException("a SHA-256 digest is 32 bytes", nameof(expected));
            }

            this.expected = expected;
        }

        /// <summary><c>"SHA-256"</c> when it compares; <c>null</c> when it only observes, so the report does not list it as a check.</summary>
        public string Name => expected == null ? null : "SHA-256";

        /// <summary><c>true</c> when it compares with an expected digest; an observer accepts any body, cut short or not.</summary>
        public bool ChecksCompleteness => expected != null;

        /// <summary>The digest of the last complete image as 64 lower-case hex digits; <c>null</c> before one finished.</summary>
        public string Hex { get; private set; }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            hash?.Dispose();
            hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            Hex = null;
        }

        /// <inheritdoc />
        public void Update(byte[] buffer, int offset, int count)
        {
            hash.AppendData(buffer, offset, count);
        }

        /// <inheritdoc />
        public bool Finish(out string failure)
        {
            if (Hex == null)
            {
                Hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (expected != null && !Hex.Equals(Convert.ToHexStringLower(expected), StringComparison.Ordinal))
            {
                failure = "SHA-256 mismatch: expected " + Convert.ToHexStringLower(expected) + ", got " + Hex;
                return false;
            }

            failure = null;
            return true;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            hash?.Dispose();
            hash = null;
        }
    }
}
