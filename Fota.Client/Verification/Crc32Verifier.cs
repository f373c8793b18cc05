namespace Fota.Client
{
    /// <summary>Accepts an image whose CRC-32 (zlib/PNG flavour, see <see cref="Crc32"/>) equals the expected value.</summary>
    /// <remarks>
    /// A CRC catches transfer and storage corruption, not tampering: use
    /// <see cref="Sha256Verifier"/> when the image must match a published digest.
    /// </remarks>
    public class Crc32Verifier : IFotaVerifier, IResumableVerifier
    {
        private readonly uint _expected;
        private readonly Crc32 _crc = new Crc32();

        /// <summary>Creates a verifier expecting <paramref name="expectedCrc"/>.</summary>
        public Crc32Verifier(uint expectedCrc)
        {
            _expected = expectedCrc;
        }

        /// <summary><c>"CRC-32"</c>.</summary>
        public string Name
        {
            get { return "CRC-32"; }
        }

        /// <summary>
        /// <c>true</c>: the CRC covers the whole image, so an image that lacks bytes at its end fails (except with
        /// probability 2^-32).
        /// </summary>
        public bool ChecksCompleteness
        {
            get { return true; }
        }

        /// <summary>The CRC-32 an image must have to be accepted.</summary>
        public uint ExpectedCrc
        {
            get { return _expected; }
        }

        /// <summary>Starts a new image; forgets the bytes of any earlier one.</summary>
        /// <param name="expectedLength">Length announced by the server, or -1 when unknown (not used).</param>
        public void Begin(long expectedLength)
        {
            _crc.Reset();
        }

        /// <summary>Feeds <paramref name="count"/> payload bytes into the CRC.</summary>
        /// <exception cref="System.ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="System.ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            _crc.Update(buffer, offset, count);
        }

        /// <summary>The running CRC's state: <see cref="Crc32.StateLength"/> bytes.</summary>
        public int StateLength
        {
            get { return Crc32.StateLength; }
        }

        /// <summary>Saves the running CRC.</summary>
        public void SaveState(byte[] target, int offset)
        {
            _crc.SaveState(target, offset);
        }

        /// <summary>Continues the CRC from a saved state.</summary>
        /// <returns><c>true</c>: every value is a possible CRC state.</returns>
        public bool RestoreState(byte[] source, int offset)
        {
            _crc.RestoreState(source, offset);
            return true;
        }

        /// <summary>Accepts when the CRC-32 of the bytes since <see cref="Begin"/> equals the expected one.</summary>
        /// <param name="failure">Expected and actual CRC as eight hex digits each; <c>null</c> when accepted.</param>
        /// <returns><c>true</c> when the image is accepted.</returns>
        public bool Finish(out string failure)
        {
            uint actual = _crc.Value;
            if (actual != _expected)
            {
                failure = "CRC32 mismatch: expected " + Hex.Format(_expected) + ", got " + Hex.Format(actual);
                return false;
            }

            failure = null;
            return true;
        }
    }
}
