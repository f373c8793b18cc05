using System;

namespace Fota.Client
{
    /// <summary>
    /// Accepts an image only when exactly the expected number of bytes arrived, and rejects a
    /// server whose announced length already disagrees with it.
    /// </summary>
    public class LengthVerifier : IFotaVerifier, IResumableVerifier
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

        /// <summary>16 bytes: the announced length and the bytes counted.</summary>
        public int StateLength
        {
            get { return 16; }
        }

        /// <summary>Saves the announced length (-1 as all ones) and the count.</summary>
        public void SaveState(byte[] target, int offset)
        {
            BufferRange.Check(target, offset, 16);
            BigEndian.Write(target, offset, _announced, 8);
            BigEndian.Write(target, offset + 8, _received, 8);
        }

        /// <summary>Continues counting from a saved state.</summary>
        /// <returns><c>false</c> for a negative count or an announced length below -1.</returns>
        public bool RestoreState(byte[] source, int offset)
        {
            BufferRange.Check(source, offset, 16);
            long announced = BigEndian.Read(source, offset, 8);
            long received = BigEndian.Read(source, offset + 8, 8);
            if (announced < -1 || received < 0)
            {
                return false;
            }

            _announced = announced;
            _received = received;
            return true;
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
