using System;

namespace Fota.Server
{
    /// <summary>
    /// Which bytes of a file to send for a <c>Range</c> header (RFC 9110 §14): the whole file (200), one slice
    /// (206) or nothing (416). Only a single <c>bytes=</c> range is honoured; a header that is malformed or asks
    /// for several ranges is ignored and the whole file is sent, as the RFC allows.
    /// </summary>
    internal readonly struct ByteRange
    {
        private ByteRange(int status, long offset, long count, long length)
        {
            Status = status;
            Offset = offset;
            Count = count;
            Length = length;
        }

        /// <summary>200, 206 or 416.</summary>
        public int Status { get; }

        /// <summary>First byte to send.</summary>
        public long Offset { get; }

        /// <summary>Bytes to send (0 for 416).</summary>
        public long Count { get; }

        /// <summary>Length of the whole file.</summary>
        public long Length { get; }

        /// <summary><c>true</c> when the reply sends the file from its first byte: a download starts, not continues.</summary>
        public bool StartsAtZero
        {
            get { return Status != 416 && Offset == 0; }
        }

        /// <summary>The <c>Content-Range</c> value, or <c>null</c> for 200.</summary>
        public string ContentRange
        {
            get
            {
                if (Status == 206)
                {
                    return "bytes " + Offset + "-" + (Offset + Count - 1) + "/" + Length;
                }

                return Status == 416 ? "bytes */" + Length : null;
            }
        }

        public static ByteRange Whole(long length)
        {
            return new ByteRange(200, 0, length, length);
        }

        /// <summary>Resolves a <c>Range</c> header (or <c>null</c>) against a file of <paramref name="length"/> bytes.</summary>
        public static ByteRange Resolve(string header, long length)
        {
            const string Unit = "bytes=";
            if (header == null || !header.StartsWith(Unit, StringComparison.OrdinalIgnoreCase))
            {
                return Whole(length);
            }

            string spec = header.Substring(Unit.Length).Trim();
            int dash = spec.IndexOf('-');
            if (dash < 0 || spec.IndexOf('-', dash + 1) >= 0 || spec.IndexOf(',') >= 0)
            {
                return Whole(length);
            }

            string first = spec.Substring(0, dash).Trim();
            string last = spec.Substring(dash + 1).Trim();
            if (first.Length == 0)
            {
                // bytes=-n: the last n bytes.
                if (!TryDigits(last, out long suffix))
                {
                    return Whole(length);
                }

                return suffix == 0 || length == 0
                    ? Unsatisfiable(length)
                    : new ByteRange(206, Math.Max(0, length - suffix), Math.Min(suffix, length), length);
            }

            if (!TryDigits(first, out long from))
            {
                return Whole(length);
            }

            long to = long.MaxValue;
            if (last.Length > 0 && (!TryDigits(last, out to) || to < from))
            {
                return Whole(length);
            }

            if (from >= length)
            {
                return Unsatisfiable(length);
            }

            to = Math.Min(to, length - 1);
            return new ByteRange(206, from, to - from + 1, length);
        }

        private static ByteRange Unsatisfiable(long length)
        {
            return new ByteRange(416, 0, 0, length);
        }

        /// <summary>Decimal digits only; values too large for a long saturate (they are beyond any file anyway).</summary>
        private static bool TryDigits(string text, out long value)
        {
            value = 0;
            if (text.Length == 0)
            {
                return false;
            }

            foreach (char c in text)
            {
                if (c < '0' || c > '9')
                {
                    return false;
                }

                int digit = c - '0';
                value = value > (long.MaxValue - digit) / 10 ? long.MaxValue : value * 10 + digit;
            }

            return true;
        }
    }
}
