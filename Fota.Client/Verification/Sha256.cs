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

        private const int BlockLength = 64;

        private static readonly uint[] RoundConstants =
        {
            0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
            0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
            0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
            0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
            0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
            0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
            0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
            0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
        };

        private readonly uint[] _hash = new uint[8];
        private readonly uint[] _schedule = new uint[64];
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

                Compress(_pending, 0);
                _pendingLength = 0;
            }

            while (count >= BlockLength)
            {
                Compress(buffer, offset);
                offset += BlockLength;
                count -= BlockLength;
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
                Compress(block, 0);
                length = 0;
            }

            Clear(block, length, BlockLength - 8);
            ulong bits = (ulong)_totalLength << 3;
            for (int i = BlockLength - 1; i >= BlockLength - 8; i--)
            {
                block[i] = (byte)bits;
                bits >>= 8;
            }

            Compress(block, 0);
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

        /// <summary>The SHA-256 digest (32 bytes) of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public static byte[] Compute(byte[] buffer, int offset, int count)
        {
            Sha256 sha = new Sha256();
            sha.Update(buffer, offset, count);
            return sha.Finish();
        }

        // One 64-byte block at data[offset]. The rotations and the choice/majority functions are
        // written inline on locals: on the interpreter a call or a field access per round would
        // cost more than the arithmetic itself.
        private void Compress(byte[] data, int offset)
        {
            uint[] w = _schedule;
            uint[] k = RoundConstants;
            uint[] hash = _hash;

            for (int i = 0; i < 16; i++)
            {
                w[i] = ((uint)data[offset] << 24) | ((uint)data[offset + 1] << 16) | ((uint)data[offset + 2] << 8) | data[offset + 3];
                offset += 4;
            }

            for (int i = 16; i < 64; i++)
            {
                uint x = w[i - 15];
                uint y = w[i - 2];
                uint s0 = ((x >> 7) | (x << 25)) ^ ((x >> 18) | (x << 14)) ^ (x >> 3);
                uint s1 = ((y >> 17) | (y << 15)) ^ ((y >> 19) | (y << 13)) ^ (y >> 10);
                w[i] = w[i - 16] + s0 + w[i - 7] + s1;
            }

            uint a = hash[0];
            uint b = hash[1];
            uint c = hash[2];
            uint d = hash[3];
            uint e = hash[4];
            uint f = hash[5];
            uint g = hash[6];
            uint h = hash[7];

            for (int i = 0; i < 64; i++)
            {
                // Ch(e,f,g) as g ^ (e & (f ^ g)) and Maj(a,b,c) as (a & b) | (c & (a | b)): same
                // values as the textbook forms with one operation fewer each.
                uint t1 = h
                    + (((e >> 6) | (e << 26)) ^ ((e >> 11) | (e << 21)) ^ ((e >> 25) | (e << 7)))
                    + (g ^ (e & (f ^ g)))
                    + k[i] + w[i];
                uint t2 = (((a >> 2) | (a << 30)) ^ ((a >> 13) | (a << 19)) ^ ((a >> 22) | (a << 10)))
                    + ((a & b) | (c & (a | b)));
                h = g;
                g = f;
                f = e;
                e = d + t1;
                d = c;
                c = b;
                b = a;
                a = t1 + t2;
            }

            hash[0] += a;
            hash[1] += b;
            hash[2] += c;
            hash[3] += d;
            hash[4] += e;
            hash[5] += f;
            hash[6] += g;
            hash[7] += h;
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
