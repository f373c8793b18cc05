using System;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>
    /// The device has tens of kilobytes of RAM: a digest that allocates per Update would exhaust
    /// it over one image. Measured on the host, where the allocation counter is exact per thread.
    /// </summary>
    public class AllocationTests
    {
        private const int Chunk = 4096;
        private const int Total = 8 * 1024 * 1024;

        private static long AllocatedWhileFeeding(Action<byte[], int, int> update)
        {
            byte[] buffer = Pieces.RandomBytes(Chunk + 3, 5);

            // Warm up so that first-call costs (JIT, static table) are not counted.
            for (int i = 0; i < 8; i++)
            {
                update(buffer, 3, Chunk);
                update(buffer, 1, 100);
            }

            long before = GC.GetAllocatedBytesForCurrentThread();
            for (int fed = 0; fed < Total; fed += Chunk)
            {
                // Offset 3 and an odd piece now and then keep the SHA-256 tail path busy too.
                update(buffer, 3, Chunk);
                if ((fed & 0xFFFF) == 0)
                {
                    update(buffer, 0, 17);
                    update(buffer, 0, 0);
                }
            }

            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        [Fact]
        public void Crc32UpdateDoesNotAllocate()
        {
            var crc = new Crc32();
            Assert.InRange(AllocatedWhileFeeding(crc.Update), 0, 1023);
        }

        [Fact]
        public void Sha256UpdateDoesNotAllocate()
        {
            var sha = new Sha256();
            Assert.InRange(AllocatedWhileFeeding(sha.Update), 0, 1023);
        }

        [Fact]
        public void VerifierUpdatesDoNotAllocate()
        {
            IFotaVerifier[] verifiers =
            {
                new LengthVerifier(Total),
                new Crc32Verifier(0),
                new Sha256Verifier(new byte[32]),
            };

            foreach (IFotaVerifier verifier in verifiers)
            {
                verifier.Begin(-1);
                Assert.InRange(AllocatedWhileFeeding(verifier.Update), 0, 1023);
            }
        }
    }
}
