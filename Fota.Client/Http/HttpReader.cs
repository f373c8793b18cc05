using System;

namespace Fota.Client
{
    /// <summary>
    /// Reads one HTTP/1.1 reply from a connection through a single caller-owned buffer: the head line by line,
    /// then the body as segments handed out in place (no copy, no allocation per chunk). Content-Length,
    /// chunked and close-delimited bodies; 1xx replies skipped; hard limits on line length (the buffer size),
    /// head size and header count; the request's clock checked before every read.
    /// </summary>
    internal class HttpReader
    {
        /// <summary>Largest reply head, all lines together (1xx heads included); also the largest trailer section.</summary>
        internal const int MaxHeadBytes = 16384;

        /// <summary>Largest number of header lines in one head, or of trailer lines.</summary>
        internal const int MaxHeaderLines = 100;

        private const int ModeLength = 0;
        private const int ModeChunked = 1;
        private const int ModeUntilClose = 2;

        private static readonly char[] ContentLengthName = "content-length".ToCharArray();
        private static readonly char[] TransferEncodingName = "transfer-encoding".ToCharArray();
        private static readonly char[] ContentRangeName = "content-range".ToCharArray();
        private static readonly char[] ContentEncodingName = "content-encoding".ToCharArray();
        private static readonly char[] LocationName = "location".ToCharArray();
        private static readonly char[] ETagName = "etag".ToCharArray();
        private static readonly char[] LastModifiedName = "last-modified".ToCharArray();
        private static readonly char[] RetryAfterName = "retry-after".ToCharArray();
        private static readonly char[] DateName = "date".ToCharArray();
        private static readonly char[] BytesUnit = "bytes".ToCharArray();
        private static readonly char[] IdentityCoding = "identity".ToCharArray();
        private static readonly char[] ChunkedCoding = "chunked".ToCharArray();

        private readonly IConnection connection;
        private readonly byte[] buffer;
        private readonly RequestClock clock;

        private int start;
        private int end;
        private int lineStart;
        private int lineBytes;
        private int headBytes;

        private int mode;
        private long remaining;
        private bool inChunk;
        private bool done;

        /// <summary>Creates a reader that fails with <see cref="FotaResult.Timeout"/> once <paramref name="clock"/> runs out.</summary>
        internal HttpReader(IConnection connection, byte[] buffer, RequestClock clock)
        {
            this.connection = connection;
            this.buffer = buffer;
            this.clock = clock;
        }

        /// <summary>Where the segment returned by the last <see cref="Next"/> starts in the buffer.</summary>
        internal int Offset { get; private set; }

        /// <summary>Payload bytes handed out so far.</summary>
        internal long Received { get; private set; }

        /// <summary>Reads the final reply head (1xx heads are skipped) and prepares its body.</summary>
        internal HttpResponse ReadHead(bool headRequest)
        {
            while (true)
            {
                HttpResponse response = ReadOneHead();
                if (response.Status == 101)
                {
                    throw new FotaException(FotaResult.UnexpectedStatus, "server switched protocols (101)");
                }

                if (response.Status >= 200)
                {
                    PrepareBody(response, headRequest);
                    return response;
                }
            }
        }

        /// <summary>
        /// Hands out the next body segment at <see cref="Offset"/> in the buffer, valid until the next call.
        /// </summary>
        /// <returns>Its length; 0 once the body is complete.</returns>
        internal int Next()
        {
            if (done)
            {
                return 0;
            }

            int count;
            if (mode == ModeUntilClose)
            {
                count = Take(buffer.Length);
                done = count == 0;
            }
            else if (mode == ModeLength)
            {
                if (remaining == 0)
                {
                    done = true;
                    return 0;
                }

                count = Take(remaining);
                if (count == 0)
                {
                    throw new FotaException(FotaResult.ClosedEarly, "server closed the connection after " + Received.ToString()
                        + " bytes of a " + (Received + remaining).ToString() + "-byte body");
                }

                remaining -= count;
            }
            else
            {
                if (remaining == 0 && !StartChunk())
                {
                    done = true;
                    return 0;
                }

                count = Take(remaining);
                if (count == 0)
                {
                    throw new FotaException(FotaResult.ClosedEarly, "server closed the connection inside a chunk after "
                        + Received.ToString() + " bytes");
                }

                remaining -= count;
            }

            Received += count;
            return count;
        }

        /// <summary>Copies up to <paramref name="target"/>'s length of the remaining body into it; returns the count.</summary>
        internal int ReadInto(byte[] target)
        {
            int filled = 0;
            while (filled < target.Length)
            {
                int count = Next();
                if (count == 0)
                {
                    break;
                }

                int take = count < target.Length - filled ? count : target.Length - filled;
                Array.Copy(buffer, Offset, target, filled, take);
                filled += take;
            }

            return filled;
        }

        private HttpResponse ReadOneHead()
        {
            HttpResponse response = new HttpResponse();
            int length = ReadHeadLine("the status line");
            response.Status = ParseStatus(length);
            int lines = 0;
            while ((length = ReadHeadLine("a header line")) > 0)
            {
                if (++lines > MaxHeaderLines)
                {
                    throw new FotaException(FotaResult.ProtocolError, "reply has more than " + MaxHeaderLines.ToString() + " header lines");
                }

                ParseHeader(length, response);
            }

            return response;
        }

        private void PrepareBody(HttpResponse response, bool headRequest)
        {
            int status = response.Status;
            if (headRequest || status == 204 || status == 304)
            {
                mode = ModeLength;
                remaining = 0;
            }
            else if (response.Chunked)
            {
                mode = ModeChunked;
                remaining = 0;
            }
            else if (response.ContentLength >= 0)
            {
                mode = ModeLength;
                remaining = response.ContentLength;
            }
            else
            {
                mode = ModeUntilClose;
            }
        }

        // Reads a chunk-size line (after the previous chunk's CRLF); false at the last chunk, whose trailers it consumes.
        private bool StartChunk()
        {
            if (inChunk && ReadLine("the end of a chunk") != 0)
            {
                throw new FotaException(FotaResult.ProtocolError, "chunk data is not followed by CRLF");
            }

            int length = ReadLine("a chunk-size line");
            long size = 0;
            int digits = 0;
            for (int i = lineStart; i < lineStart + length; i++)
            {
                int b = buffer[i];
                int digit = b >= '0' && b <= '9' ? b - '0'
                    : b >= 'a' && b <= 'f' ? b - 'a' + 10
                    : b >= 'A' && b <= 'F' ? b - 'A' + 10
                    : -1;
                if (digit < 0)
                {
                    if (b != ';' && b != ' ' && b != '\t')
                    {
                        throw new FotaException(FotaResult.ProtocolError, "malformed chunk-size line");
                    }

                    break;
                }

                if (++digits > 15)
                {
                    throw new FotaException(FotaResult.ProtocolError, "chunk size too large");
                }

                size = (size << 4) | (long)digit;
            }

            if (digits == 0)
            {
                throw new FotaException(FotaResult.ProtocolError, "chunk-size line without a size");
            }

            if (size > 0)
            {
                inChunk = true;
                remaining = size;
                return true;
            }

            // Trailers are skipped, under the same limits as a head.
            int trailers = 0;
            int trailerBytes = 0;
            while (ReadLine("a trailer line") > 0)
            {
                trailerBytes += lineBytes;
                if (++trailers > MaxHeaderLines)
                {
                    throw new FotaException(FotaResult.ProtocolError, "reply has more than " + MaxHeaderLines.ToString() + " trailer lines");
                }

                if (trailerBytes > MaxHeadBytes)
                {
                    throw new FotaException(FotaResult.ProtocolError, "reply trailer larger than " + MaxHeadBytes.ToString() + " bytes");
                }
            }

            return false;
        }

        // Hands out up to max bytes: what is left in the buffer first, else one read straight into it.
        private int Take(long max)
        {
            if (start < end)
            {
                int available = end - start;
                int count = max < available ? (int)max : available;
                Offset = start;
                start += count;
                return count;
            }

            start = 0;
            end = 0;
            int want = max < buffer.Length ? (int)max : buffer.Length;
            int read = Fill(0, want);
            Offset = 0;
            return read;
        }

        // A line of the reply head, counted against the head limit; chunk-size lines and trailers are not the head.
        private int ReadHeadLine(string what)
        {
            int length = ReadLine(what);
            headBytes += lineBytes;
            if (headBytes > MaxHeadBytes)
            {
                throw new FotaException(FotaResult.ProtocolError, "reply head larger than " + MaxHeadBytes.ToString() + " bytes");
            }

            return length;
        }

        // Returns the length of the next line (without CR LF), which starts at lineStart; lineBytes is its length
        // with the line end. Lines are limited by the buffer only.
        private int ReadLine(string what)
        {
            int scanned = start;
            while (true)
            {
                for (int i = scanned; i < end; i++)
                {
                    if (buffer[i] == (byte)'\n')
                    {
                        lineStart = start;
                        int length = i - start;
                        start = i + 1;
                        lineBytes = length + 1;
                        return length > 0 && buffer[lineStart + length - 1] == (byte)'\r' ? length - 1 : length;
                    }
                }

                scanned = end - start;
                if (start > 0)
                {
                    Array.Copy(buffer, start, buffer, 0, end - start);
                    end -= start;
                    start = 0;
                }

                if (end == buffer.Length)
                {
                    throw new FotaException(FotaResult.ProtocolError, what + " is longer than " + buffer.Length.ToString()
                        + " bytes (the ChunkSize buffer)");
                }

                int read = Fill(end, buffer.Length - end);
                if (read == 0)
                {
                    throw new FotaException(FotaResult.ClosedEarly, "server closed the connection while sending " + what);
                }

                end += read;
            }
        }

        private int Fill(int offset, int count)
        {
            clock.ThrowIfExpired();

            int read;
            try
            {
                read = connection.Read(buffer, offset, count);
            }
            catch (FotaException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ClosedEarly, "connection lost: " + e.Message);
            }

            return read > 0 ? read : 0;
        }

        private int ParseStatus(int length)
        {
            // "HTTP/1.x SSS" then optionally " reason".
            int s = lineStart;
            bool ok = length >= 12
                && buffer[s] == 'H' && buffer[s + 1] == 'T' && buffer[s + 2] == 'T' && buffer[s + 3] == 'P'
                && buffer[s + 4] == '/' && buffer[s + 5] == '1' && buffer[s + 6] == '.'
                && buffer[s + 8] == ' ' && (length == 12 || buffer[s + 12] == ' ');
            int status = 0;
            for (int i = s + 9; ok && i < s + 12; i++)
            {
                ok = buffer[i] >= '0' && buffer[i] <= '9';
                status = status * 10 + (buffer[i] - '0');
            }

            if (!ok || status < 100)
            {
                throw new FotaException(FotaResult.ProtocolError, "reply does not start with an HTTP/1.x status line");
            }

            return status;
        }

        private void ParseHeader(int length, HttpResponse response)
        {
            int s = lineStart;
            if (buffer[s] == ' ' || buffer[s] == '\t')
            {
                throw new FotaException(FotaResult.ProtocolError, "folded header lines are not allowed");
            }

            int colon = -1;
            for (int i = s; i < s + length; i++)
            {
                if (buffer[i] == ':')
                {
                    colon = i;
                    break;
                }

                if (buffer[i] == ' ' || buffer[i] == '\t')
                {
                    break;
                }
            }

            if (colon <= s)
            {
                throw new FotaException(FotaResult.ProtocolError, "malformed header line");
            }

            int nameLength = colon - s;
            int valueStart = colon + 1;
            int valueEnd = s + length;
            while (valueStart < valueEnd && (buffer[valueStart] == ' ' || buffer[valueStart] == '\t'))
            {
                valueStart++;
            }

            while (valueEnd > valueStart && (buffer[valueEnd - 1] == ' ' || buffer[valueEnd - 1] == '\t'))
            {
                valueEnd--;
            }

            if (NameIs(s, nameLength, ContentLengthName))
            {
                long value = ParseLength(valueStart, valueEnd);
                if (response.ContentLength >= 0 && response.ContentLength != value)
                {
                    throw new FotaException(FotaResult.ProtocolError, "conflicting Content-Length headers");
                }

                response.ContentLength = value;
            }
            else if (NameIs(s, nameLength, TransferEncodingName))
            {
                if (NameIs(valueStart, valueEnd - valueStart, ChunkedCoding))
                {
                    // The common case, without a string.
                    response.Chunked = true;
                    return;
                }

                string value = Utf8.GetString(buffer, valueStart, valueEnd - valueStart).ToLower();
                int comma = value.LastIndexOf(',');
                string last = (comma < 0 ? value : value.Substring(comma + 1)).Trim();
                if (last != "chunked" || (comma >= 0 && value.Substring(0, comma).Trim() != "identity"))
                {
                    throw new FotaException(FotaResult.ProtocolError, "unsupported Transfer-Encoding '" + value + "'");
                }

                response.Chunked = true;
            }
            else if (NameIs(s, nameLength, ContentRangeName))
            {
                ParseContentRange(valueStart, valueEnd, response);
            }
            else if (NameIs(s, nameLength, LocationName) && response.IsRedirect && response.Location == null)
            {
                // The one string of a redirect's head; other statuses never allocate it.
                response.Location = Utf8.GetString(buffer, valueStart, valueEnd - valueStart);
            }
            else if (NameIs(s, nameLength, ETagName) || NameIs(s, nameLength, LastModifiedName))
            {
                ParseValidator(nameLength == ETagName.Length, valueStart, valueEnd, response);
            }
            else if (NameIs(s, nameLength, RetryAfterName))
            {
                long seconds = ParseRetryAfterSeconds(valueStart, valueEnd);
                response.RetryAfterSeconds = seconds;
                response.RetryAfterDate = seconds >= 0 ? -1 : HttpDate.Parse(buffer, valueStart, valueEnd);
            }
            else if (NameIs(s, nameLength, DateName))
            {
                response.Date = HttpDate.Parse(buffer, valueStart, valueEnd);
            }
            else if (NameIs(s, nameLength, ContentEncodingName) && response.ContentEncoding == null && valueEnd > valueStart
                && !NameIs(valueStart, valueEnd - valueStart, IdentityCoding))
            {
                // Allocated only for a coding other than identity, which ends the request anyway.
                response.ContentEncoding = Utf8.GetString(buffer, valueStart, valueEnd - valueStart);
            }
        }

        // The one string of a firmware reply's head: a strong ETag wins over Last-Modified; weak ETags cannot be used.
        private void ParseValidator(bool etag, int from, int to, HttpResponse response)
        {
            int status = response.Status;
            if ((status != 200 && status != 206) || to == from || (response.ValidatorIsETag && response.Validator != null))
            {
                return;
            }

            if (etag && (buffer[from] != '"' || to - from < 2 || buffer[to - 1] != '"'))
            {
                return;
            }

            if (etag || response.Validator == null)
            {
                response.Validator = Utf8.GetString(buffer, from, to - from);
                response.ValidatorIsETag = etag;
            }
        }

        // Delta-seconds, up to nine digits (about 31 years); -1 for anything else, a date included.
        private long ParseRetryAfterSeconds(int from, int to)
        {
            if (to == from || to - from > 9)
            {
                return -1;
            }

            long value = 0;
            for (int i = from; i < to; i++)
            {
                if (buffer[i] < '0' || buffer[i] > '9')
                {
                    return -1;
                }

                value = value * 10 + (buffer[i] - '0');
            }

            return value;
        }

        // "bytes FIRST-LAST/LENGTH" or "bytes FIRST-LAST/*" (RFC 9110 14.4); anything else, "bytes */LENGTH" included,
        // and a second Content-Range leave the range unusable (-1).
        private void ParseContentRange(int from, int to, HttpResponse response)
        {
            bool repeated = response.HasContentRange;
            response.HasContentRange = true;
            response.RangeFirst = -1;
            response.RangeLast = -1;
            response.RangeLength = -1;
            if (repeated || to - from < 6 || !NameIs(from, 5, BytesUnit) || buffer[from + 5] != ' ')
            {
                return;
            }

            int at;
            long first = ReadNumber(from + 6, to, out at);
            if (first < 0 || at == to || buffer[at] != '-')
            {
                return;
            }

            long last = ReadNumber(at + 1, to, out at);
            if (last < first || at == to || buffer[at] != '/')
            {
                return;
            }

            long length = -1;
            if (at + 2 != to || buffer[at + 1] != '*')
            {
                length = ReadNumber(at + 1, to, out at);
                if (length <= last || at != to)
                {
                    return;
                }
            }

            response.RangeFirst = first;
            response.RangeLast = last;
            response.RangeLength = length;
        }

        // Up to 18 decimal digits from 'from'; -1 when there are none. 'next' is the first byte not taken.
        private long ReadNumber(int from, int to, out int next)
        {
            long value = 0;
            int at = from;
            while (at < to && at - from < 18 && buffer[at] >= '0' && buffer[at] <= '9')
            {
                value = value * 10 + (buffer[at] - '0');
                at++;
            }

            next = at;
            return at == from ? -1 : value;
        }

        private long ParseLength(int from, int to)
        {
            if (to == from || to - from > 18)
            {
                throw new FotaException(FotaResult.ProtocolError, "invalid Content-Length");
            }

            long value = 0;
            for (int i = from; i < to; i++)
            {
                if (buffer[i] < '0' || buffer[i] > '9')
                {
                    throw new FotaException(FotaResult.ProtocolError, "invalid Content-Length");
                }

                value = value * 10 + (buffer[i] - '0');
            }

            return value;
        }

        // Case-insensitive ASCII comparison of a header name against a lower-case constant (a char array: indexing a
        // string is O(length) on nanoCLR).
        private bool NameIs(int at, int length, char[] lowerName)
        {
            if (length != lowerName.Length)
            {
                return false;
            }

            for (int i = 0; i < length; i++)
            {
                int b = buffer[at + i];
                if (b >= 'A' && b <= 'Z')
                {
                    b += 'a' - 'A';
                }

                if (b != lowerName[i])
                {
                    return false;
                }
            }

            return true;
        }
    }
}
