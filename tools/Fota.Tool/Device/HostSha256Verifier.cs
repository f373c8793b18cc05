using System;
using System.Security.Cryptography;
using System.Threading;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// SHA-256 of every payload byte as it streams past, with the runtime's hashing (OpenSSL or the OS, using
    /// the CPU's SHA instructions), where the device path uses the core's managed <see cref="Sha256Verifier"/>.
    /// Without an expected digest it only observes, so <c>fota get</c> can print the digest of what it stored
    /// without reading the file again.
    /// </summary>
    /// <remarks>
    /// Hashing runs on a thread of its own, a few buffers behind the download: <see cref="Update"/> copies each
    /// segment into one of <see cref="Slots"/> buffers of 64 KiB and returns, so receiving and writing the file go
    /// on while earlier bytes are hashed on another core. When every buffer is taken, <see cref="Update"/> waits.
    /// </remarks>
    public sealed class HostSha256Verifier : IFotaVerifier, IDisposable
    {
        /// <summary>How many buffers of bytes may wait to be hashed.</summary>
        public const int Slots = 8;

        private const int SlotSize = FotaOptions.MaxChunkSize;

        private readonly byte[] expected;
        private readonly byte[][] slots = new byte[Slots][];
        private readonly int[] lengths = new int[Slots];
        private readonly SemaphoreSlim free = new SemaphoreSlim(Slots, Slots);
        private readonly SemaphoreSlim filled = new SemaphoreSlim(0, Slots + 1);
        private readonly IncrementalHash hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        private Thread hasher;
        private int next;
        private int used = -1; // bytes in slots[next], or -1 when that slot is not taken yet
        private Exception failed;

        /// <summary>A verifier that accepts only <paramref name="expected"/> (32 bytes), or any image when <c>null</c>.</summary>
        public HostSha256Verifier(byte[] expected)
        {
            if (expected != null && expected.Length != SHA256.HashSizeInBytes)
            {
                throw new ArgumentException("a SHA-256 digest is 32 bytes", nameof(expected));
            }

            this.expected = expected;
            for (int i = 0; i < Slots; i++)
            {
                slots[i] = new byte[SlotSize];
            }
        }

        /// <summary><c>"SHA-256"</c> when it compares; <c>null</c> when it only observes, so the report does not list it as a check.</summary>
        public string Name => expected == null ? null : "SHA-256";

        /// <summary><c>true</c> when it compares with an expected digest; an observer accepts any body, cut short or not.</summary>
        public bool ChecksCompleteness => expected != null;

        /// <summary>The digest of the last complete image as 64 lower-case hex digits; <c>null</c> before one finished.</summary>
        public string Hex { get; private set; }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            Drain();
            hash.GetHashAndReset(); // forget any earlier image
            Hex = null;
            failed = null;
            next = 0;
            used = -1;
            hasher = new Thread(HashLoop) { IsBackground = true, Name = "sha256" };
            hasher.Start();
        }

        /// <inheritdoc />
        public void Update(byte[] buffer, int offset, int count)
        {
            if (hasher == null)
            {
                throw new InvalidOperationException("Update before Begin");
            }

            // Small segments (a small --chunk-size, chunked bodies) are gathered so that the hashing thread is
            // woken once per slot, not once per segment.
            while (count > 0)
            {
                if (used < 0)
                {
                    free.Wait();
                    used = 0;
                }

                int take = Math.Min(count, SlotSize - used);
                Buffer.BlockCopy(buffer, offset, slots[next], used, take);
                used += take;
                offset += take;
                count -= take;
                if (used == SlotSize)
                {
                    HandOver(used);
                }
            }
        }

        /// <inheritdoc />
        public bool Finish(out string failure)
        {
            if (Hex == null)
            {
                Drain();
                if (failed != null)
                {
                    throw new InvalidOperationException("hashing failed: " + failed.Message, failed);
                }

                Hex = Convert.ToHexStringLower(hash.GetHashAndReset());
            }

            if (expected != null && !Hex.Equals(Convert.ToHexStringLower(expected), StringComparison.Ordinal))
            {
                failure = "SHA-256 mismatch: expected " + Convert.ToHexStringLower(expected) + ", got " + Hex;
                return false;
            }

            failure = null;
            return true;
        }

        /// <inheritdoc />
        public void Dispose()
        {
            Drain();
            hash.Dispose();
            free.Dispose();
            filled.Dispose();
        }

        // Ends the hashing thread after the bytes already handed over (a length of -1 tells it to stop).
        private void Drain()
        {
            if (hasher == null)
            {
                return;
            }

            if (used > 0)
            {
                HandOver(used);
            }

            if (used < 0)
            {
                free.Wait();
            }

            HandOver(-1);
            hasher.Join();
            hasher = null;
        }

        // Gives slots[next] with length bytes (or the stop sign -1) to the hashing thread and moves on.
        private void HandOver(int length)
        {
            lengths[next] = length;
            next = (next + 1) % Slots;
            used = -1;
            filled.Release();
        }

        private void HashLoop()
        {
            for (int slot = 0; ; slot = (slot + 1) % Slots)
            {
                filled.Wait();
                int length = lengths[slot];
                if (length < 0)
                {
                    free.Release();
                    return;
                }

                try
                {
                    if (failed == null)
                    {
                        hash.AppendData(slots[slot], 0, length);
                    }
                }
                catch (Exception e) when (e is CryptographicException || e is ObjectDisposedException)
                {
                    failed = e;
                }

                free.Release();
            }
        }
    }
}
