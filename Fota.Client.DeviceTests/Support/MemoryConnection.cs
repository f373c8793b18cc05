using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// A connection to a server that lives in memory: it serves a reply head, then a body repeated from a pattern
    /// (so a benchmark can stream megabytes without holding them), then ends as told. It records what the client
    /// wrote and how often it was closed.
    /// </summary>
    /// <remarks>Reads copy with <see cref="Array.Copy(Array, int, Array, int, int)"/>, as a socket's native receive would.</remarks>
    public class MemoryConnection : IConnection
    {
        /// <summary>After the data: <see cref="Read"/> returns 0, an orderly close.</summary>
        public const int EndClose = 0;

        /// <summary>After the data: <see cref="Read"/> throws a <see cref="FotaException"/> with <see cref="FotaResult.Timeout"/>.</summary>
        public const int EndTimeout = 1;

        /// <summary>After the data: <see cref="Read"/> throws a plain exception, as a reset socket does.</summary>
        public const int EndReset = 2;

        private const int WrittenLimit = 8192;

        private readonly byte[] _head;
        private readonly byte[] _pattern;
        private readonly long _bodyLength;
        private readonly byte[] _written = new byte[WrittenLimit];
        private int _headAt;
        private long _bodyAt;

        /// <summary>Serves <paramref name="reply"/> as it is.</summary>
        public MemoryConnection(byte[] reply)
            : this(reply, null, 0)
        {
        }

        /// <summary>Serves <paramref name="head"/>, then <paramref name="bodyLength"/> bytes of <paramref name="pattern"/> repeated.</summary>
        public MemoryConnection(byte[] head, byte[] pattern, long bodyLength)
        {
            _head = head;
            _pattern = pattern;
            _bodyLength = pattern == null ? 0 : bodyLength;
            MaxRead = int.MaxValue;
        }

        /// <summary>The most bytes one <see cref="Read"/> returns, to make the client piece replies together.</summary>
        public int MaxRead { get; set; }

        /// <summary>What happens after the last byte: <see cref="EndClose"/>, <see cref="EndTimeout"/> or <see cref="EndReset"/>.</summary>
        public int End { get; set; }

        /// <summary>How many times <see cref="Close"/> was called.</summary>
        public int CloseCount { get; private set; }

        /// <summary>How many bytes the client wrote (only the first 8192 are kept).</summary>
        public int WrittenCount { get; private set; }

        /// <summary>What the client wrote, as ASCII (other bytes shown as '?').</summary>
        public string WrittenText
        {
            get
            {
                int count = WrittenCount < WrittenLimit ? WrittenCount : WrittenLimit;
                return Bytes.ToAscii(_written, 0, count);
            }
        }

        /// <summary>Byte <paramref name="index"/> of what the client wrote.</summary>
        public byte WrittenAt(int index)
        {
            return _written[index];
        }

        /// <summary>Serves the next bytes, at most <see cref="MaxRead"/> of them.</summary>
        public int Read(byte[] buffer, int offset, int count)
        {
            if (count > MaxRead)
            {
                count = MaxRead;
            }

            if (_headAt < _head.Length)
            {
                int take = _head.Length - _headAt < count ? _head.Length - _headAt : count;
                Array.Copy(_head, _headAt, buffer, offset, take);
                _headAt += take;
                return take;
            }

            if (_bodyAt < _bodyLength)
            {
                long left = _bodyLength - _bodyAt;
                int take = left < count ? (int)left : count;
                int copied = 0;
                while (copied < take)
                {
                    int at = (int)((_bodyAt + copied) % _pattern.Length);
                    int piece = _pattern.Length - at < take - copied ? _pattern.Length - at : take - copied;
                    Array.Copy(_pattern, at, buffer, offset + copied, piece);
                    copied += piece;
                }

                _bodyAt += take;
                return take;
            }

            if (End == EndTimeout)
            {
                throw new FotaException(FotaResult.Timeout, "no answer from the in-memory server (scripted timeout)");
            }

            if (End == EndReset)
            {
                throw new InvalidOperationException("connection reset by the in-memory server (scripted)");
            }

            return 0;
        }

        /// <summary>Records the bytes.</summary>
        public void Write(byte[] buffer, int offset, int count)
        {
            int keep = WrittenLimit - WrittenCount;
            if (keep > count)
            {
                keep = count;
            }

            if (keep > 0)
            {
                Array.Copy(buffer, offset, _written, WrittenCount, keep);
            }

            WrittenCount += count;
        }

        /// <summary>Counts the call.</summary>
        public void Close()
        {
            CloseCount++;
        }
    }
}
