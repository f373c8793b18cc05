using System;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// The SHA-256 of <c>fota get --resume</c>: the core's managed digest, whose midstate goes into the download's
    /// checkpoint, so that a rerun after a killed process continues the digest instead of reading the file again. Slower
    /// than <see cref="HostSha256Verifier"/> (no hardware hashing), which cannot save its state. Without an expected
    /// digest it only observes.
    /// </summary>
    public sealed class ResumableSha256Verifier : IFotaVerifier, IResumableVerifier
    {
        private readonly byte[] expected;
        private readonly Sha256 sha = new Sha256();

        /// <summary>A verifier that accepts only <paramref name="expected"/> (32 bytes), or any image when <c>null</c>.</summary>
        public ResumableSha256Verifier(byte[] expected)
        {
            if (expected != null && expected.Length != Sha256.DigestLength)
            {
                throw new ArgumentException("a SHA-256 digest is 32 bytes", nameof(expected));
            }

            this.expected = expected;
        }

        /// <summary><c>"SHA-256"</c> when it compares; <c>null</c> when it only observes.</summary>
        public string Name => expected == null ? null : "SHA-256";

        /// <summary><c>true</c> when it compares with an expected digest.</summary>
        public bool ChecksCompleteness => expected != null;

        /// <summary>The digest of the last complete image as 64 lower-case hex digits; <c>null</c> before one finished.</summary>
        public string Hex { get; private set; }

        /// <inheritdoc />
        public int StateLength => Sha256.StateLength;

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            sha.Reset();
            Hex = null;
        }

        /// <inheritdoc />
        public void Update(byte[] buffer, int offset, int count)
        {
            sha.Update(buffer, offset, count);
        }

        /// <inheritdoc />
        public bool Finish(out string failure)
        {
            Hex ??= Convert.ToHexStringLower(sha.Finish());
            if (expected != null && !Hex.Equals(Convert.ToHexStringLower(expected), StringComparison.Ordinal))
            {
                failure = "SHA-256 mismatch: expected " + Convert.ToHexStringLower(expected) + ", got " + Hex;
                return false;
            }

            failure = null;
            return true;
        }

        /// <inheritdoc />
        public void SaveState(byte[] target, int offset) => sha.SaveState(target, offset);

        /// <inheritdoc />
        public bool RestoreState(byte[] source, int offset)
        {
            Hex = null;
            return sha.RestoreState(source, offset);
        }
    }
}
