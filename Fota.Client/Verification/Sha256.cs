using System;

namespace Fota.Client
{
    /// <summary>
    /// Streaming SHA-256 (FIPS 180-4) in managed code: nanoFramework's mscorlib has no hashing,
    /// and a firmware image cannot be held in RAM to be hashed at once.
    /// </summary>
    /// <remarks>
    /// All state is allocated by the constructor; <see cref="Update"/> never allocates. Whole
    /// 64-byte blocks are compressed straight from the caller's buffer and only a partial block
    /// is copied aside, so a 4096-byte chunk costs no copy at all when the stream stays aligned.
    /// </remarks>
    public class Sha256
    {
        /// <summary>Length of a digest in bytes.</summary>
        public const int DigestLength = 32;

        /// <summary>Length of a saved state (<see cref="SaveState"/>): the chaining words, the message length and a partial block.</summary>
        public const int StateLength = 32 + 8 + Sha256Block.Length;

        private const int BlockLength = Sha256Block.Length;

        // The whole running state: the eight chaining words, the bytes of a partial block and the message length.
        // Plain fields, so that saving and restoring a digest in progress stays a matter of copying them.
        private readonly uint[] _hash = new uint[8];
        private readonly byte[] _pending = new byte[BlockLength];
        private int _pendingLength;
        private long _totalLength;
        private bool _finished;

        /// <summary>Creates a digest over no bytes yet.</summary>
        public Sha256()
        {
            Reset();
        }

        /// <summary>Forgets every byte fed so far; also makes the instance usable again after <see cref="Finish"/>.</summary>
        public void Reset()
        {
            _hash[0] = 0x6a09e667;
            _hash[1] = 0xbb67ae85;
            _hash[2] = 0x3c6ef372;
            _hash[3] = 0xa54ff53a;
            _hash[4] = 0x510e527f;
            _hash[5] = 0x9b05688c;
            _hash[6] = 0x1f83d9ab;
            _hash[7] = 0x5be0cd19;
            _pendingLength = 0;
            _totalLength = 0;
            _finished = false;
        }

        /// <summary>Feeds <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>; a count of 0 is allowed.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        /// <exception cref="InvalidOperationException"><see cref="Finish"/> was called and <see cref="Reset"/> was not.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            if (_finished)
            {
                throw new InvalidOperationException("SHA-256 already finished; call Reset before feeding more bytes.");
            }

            _totalLength += count;

            if (_pendingLength > 0)
            {
                int take = BlockLength - _pendingLength;
                if (take > count)
                {
                    take = count;
                }

                Array.Copy(buffer, offset, _pending, _pendingLength, take);
                _pendingLength += take;
                offset += take;
                count -= take;
                if (_pendingLength < BlockLength)
                {
                    return;
                }

                Sha256Block.Compress(_hash, _pending, 0, 1);
                _pendingLength = 0;
            }

            int blocks = count / BlockLength;
            if (blocks > 0)
            {
                Sha256Block.Compress(_hash, buffer, offset, blocks);
                offset += blocks * BlockLength;
                count -= blocks * BlockLength;
            }

            if (count > 0)
            {
                Array.Copy(buffer, offset, _pending, 0, count);
                _pendingLength = count;
            }
        }

        /// <summary>
        /// Pads the message and returns its 32-byte digest. The instance then refuses
        /// <see cref="Update"/> and <see cref="Finish"/> until <see cref="Reset"/>, because the
        /// padding has been absorbed into the state.
        /// </summary>
        /// <exception cref="InvalidOperationException"><see cref="Finish"/> was already called and <see cref="Reset"/> was not.</exception>
        public byte[] Finish()
        {
            if (_finished)
            {
                throw new InvalidOperationException("SHA-256 already finished; call Reset before finishing again.");
            }

            _finished = true;
            byte[] block = _pending;
            int length = _pendingLength;
            block[length++] = 0x80;

            // The 64-bit length must fit behind the marker; if it does not, it goes in one more block.
            if (length > BlockLength - 8)
            {
                Clear(block, length, BlockLength);
                Sha256Block.Compress(_hash, block, 0, 1);
                length = 0;
            }

            Clear(block, length, BlockLength - 8);
            ulong bits = (ulong)_totalLength << 3;
            for (int i = BlockLength - 1; i >= BlockLength - 8; i--)
            {
                block[i] = (byte)bits;
                bits >>= 8;
            }

            Sha256Block.Compress(_hash, block, 0, 1);
            _pendingLength = 0;

            byte[] digest = new byte[DigestLength];
            for (int i = 0; i < 8; i++)
            {
                uint word = _hash[i];
                digest[4 * i] = (byte)(word >> 24);
                digest[4 * i + 1] = (byte)(word >> 16);
                digest[4 * i + 2] = (byte)(word >> 8);
                digest[4 * i + 3] = (byte)word;
            }

            return digest;
        }

        /// <summary>
        /// Writes the running state (<see cref="StateLength"/> bytes at <paramref name="offset"/>) so that a digest over a
        /// long stream can continue after a restart: <see cref="RestoreState"/> on any instance picks it up.
        /// </summary>
        /// <exception cref="InvalidOperationException"><see cref="Finish"/> was called and <see cref="Reset"/> was not.</exception>
        public void SaveState(byte[] target, int offset)
        {
            BufferRange.Check(target, offset, StateLength);
            if (_finished)
            {
                throw new InvalidOperationException("SHA-256 already finished; there is no running state to save.");
            }

            for (int i = 0; i < 8; i++)
            {
                BigEndian.Write(target, offset + 4 * i, _hash[i], 4);
            }

            BigEndian.Write(target, offset + 32, _totalLength, 8);
            Array.Copy(_pending, 0, target, offset + 40, BlockLength);
        }

        /// <summary>Continues from a state <see cref="SaveState"/> wrote; the bytes fed before it count as fed here.</summary>
        /// <returns><c>false</c> (and nothing changed) when the bytes cannot be a saved state.</returns>
        public bool RestoreState(byte[] source, int offset)
        {
            BufferRange.Check(source, offset, StateLength);
            long total = BigEndian.Read(source, offset + 32, 8);
            if (total < 0 || total > long.MaxValue / 8)
            {
                return false;
            }

            for (int i = 0; i < 8; i++)
            {
                _hash[i] = (uint)BigEndian.Read(source, offset + 4 * i, 4);
            }

            _totalLength = total;
            _pendingLength = (int)(total % BlockLength);
            Array.Copy(source, offset + 40, _pending, 0, BlockLength);
            _finished = false;
            return true;
        }

        /// <summary>The SHA-256 digest (32 bytes) of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public static byte[] Compute(byte[] buffer, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(buffer, offset, count);
            return sha.Finish();
        }

        private static void Clear(byte[] block, int from, int to)
        {
            for (int i = from; i < to; i++)
            {
                block[i] = 0;
            }
        }
    }
}
