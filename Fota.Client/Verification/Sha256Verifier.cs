using System;

namespace Fota.Client
{
    /// <summary>Accepts an image whose SHA-256 digest equals the expected one.</summary>
    public class Sha256Verifier : IFotaVerifier, IResumableVerifier
    {
        private readonly byte[] _expected;
        private readonly Sha256 _sha = new Sha256();

        // Kept so that asking for the verdict twice gives the same answer: Sha256.Finish can run
        // only once per image.
        private byte[] _actual;

        /// <summary>Creates a verifier from the expected digest written as 64 hex digits (either case, no separators).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="expectedHex"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="expectedHex"/> is not 64 hex digits.</exception>
        public Sha256Verifier(string expectedHex)
        {
            if (expectedHex == null)
            {
                throw new ArgumentNullException(nameof(expectedHex));
            }

            byte[] digest = Hex.Parse(expectedHex);
            if (digest == null || digest.Length != Sha256.DigestLength)
            {
                // The text itself is not echoed: it may be long, and the length or the word
                // "character" already tells which mistake it is.
                string problem = expectedHex.Length == 2 * Sha256.DigestLength
                    ? "a character that is not a hex digit"
                    : expectedHex.Length.ToString() + " characters";
                throw new ArgumentException(
                    "expected SHA-256 must be 64 hex digits (0-9, a-f, A-F) without separators or prefix; got " + problem,
                    nameof(expectedHex));
            }

            _expected = digest;
        }

        /// <summary>Creates a verifier from the expected 32-byte digest (copied).</summary>
        /// <exception cref="ArgumentNullException"><paramref name="expectedDigest"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="expectedDigest"/> is not 32 bytes long.</exception>
        public Sha256Verifier(byte[] expectedDigest)
        {
            if (expectedDigest == null)
            {
                throw new ArgumentNullException(nameof(expectedDigest));
            }

            if (expectedDigest.Length != Sha256.DigestLength)
            {
                throw new ArgumentException(
                    "expected SHA-256 must be 32 bytes, got " + expectedDigest.Length.ToString(),
                    nameof(expectedDigest));
            }

            // Copied so that a caller reusing its array cannot change the verdict mid-download.
            _expected = new byte[Sha256.DigestLength];
            Array.Copy(expectedDigest, _expected, Sha256.DigestLength);
        }

        /// <summary><c>"SHA-256"</c>.</summary>
        public string Name
        {
            get { return "SHA-256"; }
        }

        /// <summary><c>true</c>: the digest covers the whole image, so an image that lacks bytes at its end fails.</summary>
        public bool ChecksCompleteness
        {
            get { return true; }
        }

        /// <summary>The expected digest as 64 lower-case hex digits.</summary>
        public string ExpectedHex
        {
            get { return Hex.Format(_expected); }
        }

        /// <summary>Starts a new image; forgets the bytes of any earlier one.</summary>
        /// <param name="expectedLength">Length announced by the server, or -1 when unknown (not used).</param>
        public void Begin(long expectedLength)
        {
            _sha.Reset();
            _actual = null;
        }

        /// <summary>Feeds <paramref name="count"/> payload bytes into the digest.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        /// <exception cref="InvalidOperationException">Called after <see cref="Finish"/> without a new <see cref="Begin"/>.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            _sha.Update(buffer, offset, count);
        }

        /// <summary>The running digest's state: <see cref="Sha256.StateLength"/> bytes.</summary>
        public int StateLength
        {
            get { return Sha256.StateLength; }
        }

        /// <summary>Saves the running digest (see <see cref="Sha256.SaveState"/>).</summary>
        /// <exception cref="InvalidOperationException">The verdict was already given.</exception>
        public void SaveState(byte[] target, int offset)
        {
            _sha.SaveState(target, offset);
        }

        /// <summary>Continues the digest from a saved state, as after <see cref="Begin"/> and the bytes before it.</summary>
        public bool RestoreState(byte[] source, int offset)
        {
            if (!_sha.RestoreState(source, offset))
            {
                return false;
            }

            _actual = null;
            return true;
        }

        /// <summary>Accepts when the SHA-256 of the bytes since <see cref="Begin"/> equals the expected digest.</summary>
        /// <param name="failure">Expected and actual digest in hex; <c>null</c> when accepted.</param>
        /// <returns><c>true</c> when the image is accepted.</returns>
        public bool Finish(out string failure)
        {
            if (_actual == null)
            {
                _actual = _sha.Finish();
            }

            for (int i = 0; i < Sha256.DigestLength; i++)
            {
                if (_actual[i] != _expected[i])
                {
                    failure = "SHA-256 mismatch: expected " + Hex.Format(_expected) + ", got " + Hex.Format(_actual);
                    return false;
                }
            }

            failure = null;
            return true;
        }
    }
}
