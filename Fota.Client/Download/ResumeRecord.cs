using System;

namespace Fota.Client
{
    /// <summary>
    /// The checkpoint record a resumable region keeps beside an interrupted image: what was asked, which file the server
    /// sent (its validator and length), how many image bytes the region holds, and the package stage's and verifiers'
    /// states at that point. Written into one buffer allocated per request; read back by a later request, which trusts
    /// nothing in it that it cannot check: a wrong magic, CRC, request identity or state length discards it.
    /// </summary>
    /// <remarks>
    /// Layout, big-endian: "FRC1"; SHA-256 of the request's identity (URL, firmware name, version, key id, verifier
    /// count); the file's length (8); image bytes held (8); validator kind (1: ETag, 2: Last-Modified) and length (1) and
    /// bytes; the stage's state length (2) and bytes; the verifier count (1) and each state's length (2) and bytes;
    /// CRC-32 of all before it (4).
    /// </remarks>
    internal class ResumeRecord
    {
        /// <summary>Longest validator kept; a longer one makes the download not resumable across requests.</summary>
        internal const int MaxValidatorLength = 255;

        private static readonly byte[] Magic = { (byte)'F', (byte)'R', (byte)'C', (byte)'1' };

        private readonly byte[] identity;
        private readonly PackageStage stage;
        private readonly IResumableVerifier[] verifiers;
        private readonly byte[] buffer;

        /// <summary>A record for one request; <paramref name="verifiers"/> must all be resumable (see <see cref="CanSave"/>).</summary>
        internal ResumeRecord(string url, string firmwareName, string version, PackageStage stage, IFotaVerifier[] verifiers)
        {
            this.stage = stage;
            this.verifiers = new IResumableVerifier[verifiers.Length];
            int length = 4 + Sha256.DigestLength + 8 + 8 + 2 + MaxValidatorLength + 2 + (stage == null ? 0 : stage.MaxStateLength) + 1 + 4;
            for (int i = 0; i < verifiers.Length; i++)
            {
                this.verifiers[i] = (IResumableVerifier)verifiers[i];
                length += 2 + this.verifiers[i].StateLength;
            }

            buffer = new byte[length];
            byte[] text = Utf8.GetBytes(url + "\n" + firmwareName + "\n" + version + "\n"
                + (stage == null ? "-" : stage.Key.KeyIdHex) + "\n" + verifiers.Length.ToString());
            identity = Sha256.Compute(text, 0, text.Length);
        }

        /// <summary>The record's bytes: what <see cref="Write"/> filled, or where <see cref="Read"/> expects them.</summary>
        internal byte[] Buffer
        {
            get { return buffer; }
        }

        /// <summary>The file's length, once <see cref="Read"/> accepted a record.</summary>
        internal long Total { get; private set; }

        /// <summary>Image bytes the region held at the checkpoint, once <see cref="Read"/> accepted a record.</summary>
        internal long Position { get; private set; }

        /// <summary>The server's validator, once <see cref="Read"/> accepted a record.</summary>
        internal string Validator { get; private set; }

        /// <summary>Whether <see cref="Validator"/> is an ETag.</summary>
        internal bool ValidatorIsETag { get; private set; }

        /// <summary><c>true</c> when every verifier can save its state: only then can a download continue in a later request.</summary>
        internal static bool CanSave(IFotaVerifier[] verifiers)
        {
            for (int i = 0; i < verifiers.Length; i++)
            {
                if (!(verifiers[i] is IResumableVerifier))
                {
                    return false;
                }
            }

            return true;
        }

        /// <summary>Fills <see cref="Buffer"/> with the current states; returns the record's length.</summary>
        internal int Write(long total, long position, byte[] validator, bool validatorIsETag)
        {
            Array.Copy(Magic, buffer, 4);
            Array.Copy(identity, 0, buffer, 4, Sha256.DigestLength);
            int at = 4 + Sha256.DigestLength;
            BigEndian.Write(buffer, at, total, 8);
            BigEndian.Write(buffer, at + 8, position, 8);
            buffer[at + 16] = (byte)(validatorIsETag ? 1 : 2);
            buffer[at + 17] = (byte)validator.Length;
            Array.Copy(validator, 0, buffer, at + 18, validator.Length);
            at += 18 + validator.Length;
            int stageLength = stage == null ? 0 : stage.SaveState(buffer, at + 2);
            BigEndian.Write(buffer, at, stageLength, 2);
            at += 2 + stageLength;
            buffer[at++] = (byte)verifiers.Length;
            for (int i = 0; i < verifiers.Length; i++)
            {
                int length = verifiers[i].StateLength;
                BigEndian.Write(buffer, at, length, 2);
                verifiers[i].SaveState(buffer, at + 2);
                at += 2 + length;
            }

            BigEndian.Write(buffer, at, Crc32.Compute(buffer, 0, at), 4);
            return at + 4;
        }

        /// <summary>
        /// Checks the first <paramref name="count"/> bytes of <see cref="Buffer"/> and, when they are a record of this
        /// very request, restores the stage and the verifiers from it.
        /// </summary>
        /// <returns><c>false</c> when the record must be discarded; the stage and verifiers may then be half restored and
        /// must be begun anew (the download starts over, which does that).</returns>
        internal bool Read(int count)
        {
            int fixedLength = 4 + Sha256.DigestLength + 18;
            if (count < fixedLength + 2 + 1 + 4 || count > buffer.Length
                || (uint)BigEndian.Read(buffer, count - 4, 4) != Crc32.Compute(buffer, 0, count - 4))
            {
                return false;
            }

            for (int i = 0; i < 4; i++)
            {
                if (buffer[i] != Magic[i])
                {
                    return false;
                }
            }

            for (int i = 0; i < Sha256.DigestLength; i++)
            {
                if (buffer[4 + i] != identity[i])
                {
                    return false;
                }
            }

            int at = 4 + Sha256.DigestLength;
            Total = BigEndian.Read(buffer, at, 8);
            Position = BigEndian.Read(buffer, at + 8, 8);
            int kind = buffer[at + 16];
            int validatorLength = buffer[at + 17];
            at += 18;
            if (Total <= 0 || Position <= 0 || Position > Total || (kind != 1 && kind != 2) || validatorLength == 0
                || at + validatorLength + 2 > count - 4)
            {
                return false;
            }

            ValidatorIsETag = kind == 1;
            Validator = Utf8.GetString(buffer, at, validatorLength);
            at += validatorLength;
            return ReadStates(at, count - 4);
        }

        private bool ReadStates(int at, int end)
        {
            int stageLength = (int)BigEndian.Read(buffer, at, 2);
            at += 2;
            if ((stage == null) != (stageLength == 0) || at + stageLength + 1 > end)
            {
                return false;
            }

            if (stage != null && !stage.RestoreState(buffer, at, stageLength))
            {
                return false;
            }

            at += stageLength;
            if (buffer[at++] != verifiers.Length)
            {
                return false;
            }

            for (int i = 0; i < verifiers.Length; i++)
            {
                int length = at + 2 <= end ? (int)BigEndian.Read(buffer, at, 2) : -1;
                if (length != verifiers[i].StateLength || at + 2 + length > end || !verifiers[i].RestoreState(buffer, at + 2))
                {
                    return false;
                }

                at += 2 + length;
            }

            return at == end;
        }
    }
}
