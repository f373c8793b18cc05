using System;

namespace Fota.Client
{
    /// <summary>
    /// Takes a signed package (docs/package-format.md) as it arrives, segment by segment, and hands back only the
    /// payload, in place: header and signature bytes are kept here, payload bytes are never copied.
    /// </summary>
    /// <remarks>
    /// <para>Order of the checks: the magic byte by byte as it arrives (a non-package is refused after its first
    /// wrong byte); at 67 bytes the fixed fields, the signature length against the key and the key id; once the
    /// header and its signature are complete, the signature, then the signed name and version. Only then is any
    /// payload handed back (<see cref="HeaderVerified"/> turns true, <see cref="PayloadLength"/> is known), so the
    /// caller can begin its region only after the header verified. The payload streams through SHA-256;
    /// <see cref="Finish"/> checks its length and digest.</para>
    /// <para>Every refusal is a <see cref="FotaException"/> with <see cref="FotaResult.VerificationFailed"/> and a
    /// one-line message naming the check. After a refusal the stage keeps refusing until <see cref="Begin"/>.</para>
    /// <para>Memory: a header buffer of at most 322 + 384 bytes and the RSA working space, allocated by the
    /// constructor; <see cref="Consume"/> allocates nothing except when the header completes (its fields).</para>
    /// </remarks>
    public class PackageStage
    {
        private readonly RsaVerifier _verifier;
        private readonly string _firmwareName;
        private readonly byte[] _firmwareNameBytes;
        private readonly string _runningVersion;
        private readonly byte[] _headerBytes;
        private readonly Sha256 _sha = new Sha256();

        private int _headerReceived;
        private int _headerExpected;
        private PackageHeader _header;
        private long _payloadReceived;
        private string _failure;
        private bool _finished;

        /// <summary>Creates a stage for packages signed by <paramref name="key"/>.</summary>
        /// <param name="key">The only key whose packages are accepted.</param>
        /// <param name="firmwareName">The name the device requested; the signed name must equal it byte for byte.
        /// <c>null</c> skips the check (for tools that look at a package on its own; a device always gives it).</param>
        /// <param name="runningVersion">The version the device runs; the signed one must be newer by the platform's
        /// comparison (<see cref="FotaVersion.IsNewer"/>). <c>null</c> skips the check, as for the name.</param>
        /// <exception cref="ArgumentNullException"><paramref name="key"/> is null.</exception>
        /// <exception cref="ArgumentException"><paramref name="firmwareName"/> is empty or <paramref name="runningVersion"/> is not a valid version.</exception>
        public PackageStage(RsaPublicKey key, string firmwareName, string runningVersion)
        {
            if (key == null)
            {
                throw new ArgumentNullException(nameof(key));
            }

            if (firmwareName != null && firmwareName.Length == 0)
            {
                throw new ArgumentException("firmware name is empty", nameof(firmwareName));
            }

            if (runningVersion != null && FotaVersion.Check(runningVersion) != null)
            {
                throw new ArgumentException(FotaVersion.Check(runningVersion), nameof(runningVersion));
            }

            _verifier = new RsaVerifier(key);
            _firmwareName = firmwareName;
            _firmwareNameBytes = firmwareName == null ? null : Utf8.GetBytes(firmwareName);
            _runningVersion = runningVersion;
            _headerBytes = new byte[PackageHeader.MaxLength + key.ModulusLength];
            Begin();
        }

        /// <summary>Whether the header and its signature have been verified; payload is handed back from then on.</summary>
        public bool HeaderVerified
        {
            get { return _header != null; }
        }

        /// <summary>The verified header, or <c>null</c> before <see cref="HeaderVerified"/>.</summary>
        public PackageHeader Header
        {
            get { return _header; }
        }

        /// <summary>The signed payload length once <see cref="HeaderVerified"/>, else -1.</summary>
        public long PayloadLength
        {
            get { return _header == null ? -1 : _header.PayloadLength; }
        }

        /// <summary>Payload bytes handed back so far.</summary>
        public long PayloadReceived
        {
            get { return _payloadReceived; }
        }

        /// <summary>The only key whose packages the stage accepts.</summary>
        internal RsaPublicKey Key
        {
            get { return _verifier.Key; }
        }

        /// <summary>The header and signature bytes received so far (all of them once verified), for saving the state.</summary>
        internal byte[] HeaderBytes
        {
            get { return _headerBytes; }
        }

        /// <summary>How many of <see cref="HeaderBytes"/> are filled.</summary>
        internal int HeaderBytesReceived
        {
            get { return _headerReceived; }
        }

        /// <summary>The running digest of the payload handed back so far, for saving the state.</summary>
        internal Sha256 PayloadDigest
        {
            get { return _sha; }
        }

        /// <summary>Bytes a saved state can take: header and signature, the payload count and the digest's state.</summary>
        internal int MaxStateLength
        {
            get { return 2 + _headerBytes.Length + 8 + Sha256.StateLength; }
        }

        /// <summary>Bytes of header and signature before the payload, once <see cref="HeaderVerified"/>; else 0.</summary>
        internal int PayloadStart
        {
            get { return _header == null ? 0 : _headerReceived; }
        }

        /// <summary>
        /// Saves what a later request needs to continue this body (only once the header verified): the header and
        /// signature bytes, the payload count and the payload digest's midstate. Returns the bytes written.
        /// </summary>
        internal int SaveState(byte[] target, int offset)
        {
            if (_header == null || _failure != null)
            {
                throw new InvalidOperationException("no verified package header to save");
            }

            BigEndian.Write(target, offset, _headerReceived, 2);
            Array.Copy(_headerBytes, 0, target, offset + 2, _headerReceived);
            int at = offset + 2 + _headerReceived;
            BigEndian.Write(target, at, _payloadReceived, 8);
            _sha.SaveState(target, at + 8);
            return at + 8 + Sha256.StateLength - offset;
        }

        /// <summary>
        /// Continues a body from a state <see cref="SaveState"/> wrote. Nothing in it is trusted: the header's shape, its
        /// signature, the name and the newer version are checked again exactly as for a body that arrives.
        /// </summary>
        /// <returns><c>false</c> (and the stage begun anew) when the state is not a verified header of this stage's key.</returns>
        internal bool RestoreState(byte[] source, int offset, int count)
        {
            Begin();
            int length = count < 2 ? -1 : (int)BigEndian.Read(source, offset, 2);
            if (length < PackageHeader.FixedLength || length > _headerBytes.Length || count != 2 + length + 8 + Sha256.StateLength)
            {
                return false;
            }

            Array.Copy(source, offset + 2, _headerBytes, 0, length);
            int at = offset + 2 + length;
            try
            {
                for (int i = 0; i < PackageHeader.MagicLength; i++)
                {
                    PackageHeader.CheckMagic(i, _headerBytes[i]);
                }

                _headerReceived = PackageHeader.FixedLength;
                _headerExpected = CheckFixedFields();
                if (_headerExpected != length)
                {
                    Begin();
                    return false;
                }

                _headerReceived = length;
                _header = VerifyHeader();
            }
            catch (FotaException)
            {
                Begin();
                return false;
            }

            long received = BigEndian.Read(source, at, 8);
            if (received < 0 || received > _header.PayloadLength || !_sha.RestoreState(source, at + 8))
            {
                Begin();
                return false;
            }

            _payloadReceived = received;
            return true;
        }

        /// <summary>Starts a new body: forgets every byte and any refusal of an earlier one.</summary>
        public void Begin()
        {
            _headerReceived = 0;
            _headerExpected = PackageHeader.FixedLength;
            _header = null;
            _payloadReceived = 0;
            _failure = null;
            _finished = false;
            _sha.Reset();
        }

        /// <summary>
        /// Takes the next <paramref name="count"/> body bytes of <paramref name="buffer"/> from
        /// <paramref name="offset"/> and returns how many of them are payload; those are the ones from
        /// <paramref name="payloadOffset"/> on, in the same buffer (payload always ends a segment).
        /// </summary>
        /// <returns>The number of payload bytes in this segment, 0 while the header is still arriving.</returns>
        /// <exception cref="FotaException">With <see cref="FotaResult.VerificationFailed"/> when the package is refused.</exception>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public int Consume(byte[] buffer, int offset, int count, out int payloadOffset)
        {
            BufferRange.Check(buffer, offset, count);
            ThrowIfRefused();
            if (_header == null)
            {
                try
                {
                    int used = ConsumeHeader(buffer, offset, count);
                    offset += used;
                    count -= used;
                }
                catch (FotaException e)
                {
                    _failure = e.Message;
                    throw;
                }
            }

            payloadOffset = offset;
            if (count == 0)
            {
                return 0;
            }

            if (count > _header.PayloadLength - _payloadReceived)
            {
                throw Fail("package body is longer than its signed payload of " + _header.PayloadLength.ToString() + " bytes");
            }

            _sha.Update(buffer, offset, count);
            _payloadReceived += count;
            return count;
        }

        /// <summary>
        /// Ends the body: accepts only when the header verified and exactly the signed number of payload bytes,
        /// with the signed SHA-256, went through. Calling it again gives the same verdict.
        /// </summary>
        /// <exception cref="FotaException">With <see cref="FotaResult.VerificationFailed"/> when the package is refused.</exception>
        public void Finish()
        {
            ThrowIfRefused();
            if (_finished)
            {
                return;
            }

            if (_header == null)
            {
                throw Fail(_headerExpected == PackageHeader.FixedLength
                    ? "package body ended after " + _headerReceived.ToString() + " bytes, inside the header's fixed fields"
                    : "package body ended after " + _headerReceived.ToString() + " of its " + _headerExpected.ToString() + " header and signature bytes");
            }

            if (_payloadReceived != _header.PayloadLength)
            {
                throw Fail("package body ended after " + _payloadReceived.ToString() + " of "
                    + _header.PayloadLength.ToString() + " payload bytes");
            }

            byte[] actual = _sha.Finish();
            byte[] signed = _header.PayloadSha256;
            for (int i = 0; i < Sha256.DigestLength; i++)
            {
                if (actual[i] != signed[i])
                {
                    throw Fail("package payload SHA-256 " + Hex.Format(actual) + " differs from the signed " + Hex.Format(signed));
                }
            }

            _finished = true;
        }

        // Takes header and signature bytes until they are complete or the segment ends; returns how many it took.
        private int ConsumeHeader(byte[] buffer, int offset, int count)
        {
            int used = 0;
            while (used < count && _header == null)
            {
                int take = _headerExpected - _headerReceived;
                if (take > count - used)
                {
                    take = count - used;
                }

                for (int i = _headerReceived; i < PackageHeader.MagicLength && i < _headerReceived + take; i++)
                {
                    PackageHeader.CheckMagic(i, buffer[offset + used + i - _headerReceived]);
                }

                Array.Copy(buffer, offset + used, _headerBytes, _headerReceived, take);
                _headerReceived += take;
                used += take;
                if (_headerReceived == _headerExpected)
                {
                    if (_headerExpected == PackageHeader.FixedLength)
                    {
                        _headerExpected = CheckFixedFields();
                    }
                    else
                    {
                        _header = VerifyHeader();
                    }
                }
            }

            return used;
        }

        // The fixed fields are in: refuse early what no signature can repair; returns header + signature length.
        private int CheckFixedFields()
        {
            RsaPublicKey key = _verifier.Key;
            int headerLength = PackageHeader.CheckFixed(_headerBytes, 0);
            int signatureLength = (_headerBytes[PackageHeader.SignatureLengthOffset] << 8) | _headerBytes[PackageHeader.SignatureLengthOffset + 1];
            if (signatureLength != key.ModulusLength)
            {
                throw PackageHeader.Refuse("package is signed with an RSA-" + (signatureLength * 8).ToString()
                    + " key; the device holds an RSA-" + key.ModulusBits.ToString() + " key");
            }

            if (!key.HasId(_headerBytes, PackageHeader.KeyIdOffset))
            {
                byte[] id = new byte[RsaPublicKey.KeyIdLength];
                Array.Copy(_headerBytes, PackageHeader.KeyIdOffset, id, 0, id.Length);
                throw PackageHeader.Refuse("package is signed with key id " + Hex.Format(id) + "; the device holds key id " + key.KeyIdHex);
            }

            return headerLength + signatureLength;
        }

        // Header and signature are in: the signature first, then what it vouches for.
        private PackageHeader VerifyHeader()
        {
            PackageHeader header = PackageHeader.Parse(_headerBytes, 0, _headerReceived);
            _sha.Update(_headerBytes, 0, header.HeaderLength);
            byte[] digest = _sha.Finish();
            _sha.Reset();
            if (!_verifier.Verify(_headerBytes, header.HeaderLength, header.SignatureLength, digest))
            {
                throw PackageHeader.Refuse("package signature does not verify with the device's key (key id " + _verifier.Key.KeyIdHex + ")");
            }

            // Name and version are checked only now: before the signature they would be anyone's claims.
            if (_firmwareNameBytes != null && !SameBytes(header.NameBytes, _firmwareNameBytes))
            {
                throw PackageHeader.Refuse("package is for firmware '" + header.Name + "', not '" + _firmwareName + "'");
            }

            if (_runningVersion != null && !FotaVersion.IsNewer(header.Version, _runningVersion))
            {
                throw PackageHeader.Refuse("package version " + header.Version + " is not newer than the running "
                    + _runningVersion + " (the middle segment is not compared)");
            }

            return header;
        }

        private void ThrowIfRefused()
        {
            if (_failure != null)
            {
                throw PackageHeader.Refuse(_failure);
            }
        }

        private FotaException Fail(string detail)
        {
            _failure = detail;
            return PackageHeader.Refuse(detail);
        }

        private static bool SameBytes(byte[] a, byte[] b)
        {
            if (a.Length != b.Length)
            {
                return false;
            }

            for (int i = 0; i < a.Length; i++)
            {
                if (a[i] != b[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
