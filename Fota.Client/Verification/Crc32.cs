using System;

namespace Fota.Client
{
    /// <summary>
    /// Streaming CRC-32 as used by zlib, PNG and Ethernet (IEEE 802.3: reflected, polynomial
    /// 0xEDB88320, initial value and final XOR 0xFFFFFFFF). "123456789" gives 0xCBF43926.
    /// </summary>
    /// <remarks>
    /// Table-driven, one byte per step: on the nanoFramework interpreter every IL operation
    /// costs tens of nanoseconds, so the inner loop is only a lookup, a shift and two XORs on
    /// locals. The table is built once per process; an instance holds one <c>uint</c> and never
    /// allocates.
    /// </remarks>
    public class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        // Kept un-inverted between calls so that Update needs no XOR on entry or exit.
        private uint _state;

        /// <summary>Creates a CRC-32 over no bytes yet.</summary>
        public Crc32()
        {
            _state = 0xFFFFFFFF;
        }

        /// <summary>The CRC-32 of all bytes fed since the last reset; reading it does not change the state.</summary>
        public uint Value
        {
            get { return ~_state; }
        }

        /// <summary>Length of a saved state (<see cref="SaveState"/>).</summary>
        public const int StateLength = 4;

        /// <summary>Writes the running state (<see cref="StateLength"/> bytes at <paramref name="offset"/>) for <see cref="RestoreState"/>.</summary>
        public void SaveState(byte[] target, int offset)
        {
            BufferRange.Check(target, offset, StateLength);
            BigEndian.Write(target, offset, _state, 4);
        }

        /// <summary>Continues from a state <see cref="SaveState"/> wrote; every 32-bit value is a possible state.</summary>
        public void RestoreState(byte[] source, int offset)
        {
            BufferRange.Check(source, offset, StateLength);
            _state = (uint)BigEndian.Read(source, offset, 4);
        }

        /// <summary>Forgets every byte fed so far.</summary>
        public void Reset()
        {
            _state = 0xFFFFFFFF;
        }

        /// <summary>Feeds <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>; a count of 0 is allowed.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            _state = Run(_state, buffer, offset, count);
        }

        /// <summary>The CRC-32 of <paramref name="count"/> bytes of <paramref name="buffer"/> from <paramref name="offset"/>.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public static uint Compute(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            return ~Run(0xFFFFFFFF, buffer, offset, count);
        }

        private static uint Run(uint crc, byte[] buffer, int offset, int count)
        {
            // Locals only: a field or static access inside the loop costs extra IL operations per byte. Eight bytes
            // per loop test: on nanoCLR the test and the increment cost as much as a byte's lookup (0.79 G
            // instructions per MiB one byte per turn, 0.60 G eight per turn).
            uint[] table = Table;
            int end = offset + count;
            int i = offset;
            for (int end8 = offset + (count & ~7); i < end8; i += 8)
            {
                crc = table[(byte)crc ^ buffer[i]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 1]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 2]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 3]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 4]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 5]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 6]] ^ (crc >> 8);
                crc = table[(byte)crc ^ buffer[i + 7]] ^ (crc >> 8);
            }

            for (; i < end; i++)
            {
                crc = table[(byte)crc ^ buffer[i]] ^ (crc >> 8);
            }

            return crc;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }

                table[n] = c;
            }

            return table;
        }
    }
}
