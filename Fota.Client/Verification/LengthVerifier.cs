using System;

namespace Fota.Client
{
    /// <summary>
    /// Accepts an image only when exactly the expected number of bytes arrived, and rejects a
    /// server whose announced length already disagrees with it.
    /// </summary>
    public class LengthVerifier : IFotaVerifier
    {
        private readonly long _expected;
        private long _announced;
        private long _received;

        /// <summary>Creates a verifier for images of exactly <paramref name="expectedLength"/> bytes.</summary>
        /// <exception cref="ArgumentOutOfRangeException"><paramref name="expectedLength"/> is negative.</exception>
        public LengthVerifier(long expectedLength)
        {
            if (expectedLength < 0)
            {
                throw new ArgumentOutOfRangeException(nameof(expectedLength), "expected length must be 0 or more");
            }

            _expected = expectedLength;
            _announced = -1;
        }

        /// <summary><c>"length"</c>.</summary>
        public string Name
        {
            get { return "length"; }
        }

        /// <summary><c>true</c>: an image that lacks bytes has another length.</summary>
        public bool ChecksCompleteness
        {
            get { return true; }
        }

        /// <summary>The length an image must have to be accepted.</summary>
        public long ExpectedLength
        {
            get { return _expected; }
        }

        /// <summary>Bytes seen since the last <see cref="Begin"/>.</summary>
        public long BytesReceived
        {
            get { return _received; }
        }

        /// <summary>Starts a new image and remembers the server's announced length for the verdict.</summary>
        /// <param name="expectedLength">Length announced by the server, or -1 when unknown.</param>
        public void Begin(long expectedLength)
        {
            _announced = expectedLength;
            _received = 0;
        }

        /// <summary>Counts <paramref name="count"/> more bytes; the bytes themselves are not read.</summary>
        /// <exception cref="ArgumentNullException"><paramref name="buffer"/> is null.</exception>
        /// <exception cref="ArgumentOutOfRangeException">The slice does not lie inside <paramref name="buffer"/>.</exception>
        public void Update(byte[] buffer, int offset, int count)
        {
            BufferRange.Check(buffer, offset, count);
            _received += count;
        }

        /// <summary>Accepts when exactly the expected number of bytes was seen and the server did not announce another length.</summary>
        /// <param name="failure">Expected against announced or received length; <c>null</c> when accepted.</param>
        /// <returns><c>true</c> when the image is accepted.</returns>
        public bool Finish(out string failure)
        {
            // The announcement is checked first: a server that announces the wrong length is
            // serving another image, even if the connection happened to stop at the right byte.
            if (_announced >= 0 && _announced != _expected)
            {
                failure = "length mismatch: server announced " + _announced.ToString() + " bytes but "
                    + _expected.ToString() + " were expected (received " + _received.ToString() + ")";
                return false;
            }

            if (_received != _expected)
            {
                failure = "length mismatch: expected " + _expected.ToString() + " bytes, received " + _received.ToString();
                return false;
            }

            failure = null;
            return true;
        }
    }
}
