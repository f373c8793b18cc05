using System;

namespace Fota.Client
{
    /// <summary>
    /// Stores a downloaded application module for <see cref="ModuleBoot"/>: the bytes go to an inner region (usually a
    /// <c>FileRegion</c> on <c>I:\</c>) while their CRC-32 is computed, and <see cref="Commit"/> appends a 16-byte
    /// trailer with the length and CRC-32 before committing the inner region. The module and its check therefore
    /// land in one file with one commit: there is no moment at which a new module sits beside an old check.
    /// </summary>
    /// <example>
    /// <code>
    /// options.Region = new ModuleRegion(new FileRegion(@"I:\app.pe"));
    /// </code>
    /// </example>
    public class ModuleRegion : IFotaRegion
    {
        private readonly IFotaRegion inner;
        private readonly Crc32 crc = new Crc32();
        private long length;

        /// <summary>A module region storing through <paramref name="inner"/>.</summary>
        /// <exception cref="ArgumentNullException">When <paramref name="inner"/> is <c>null</c>.</exception>
        public ModuleRegion(IFotaRegion inner)
        {
            if (inner == null)
            {
                throw new ArgumentNullException("inner");
            }

            this.inner = inner;
        }

        /// <summary>The inner region's capacity less the trailer, or -1 when the inner region has no limit.</summary>
        public long Capacity
        {
            get
            {
                long capacity = inner.Capacity;
                return capacity < 0 ? -1 : (capacity > ModuleTrailer.Length ? capacity - ModuleTrailer.Length : 0);
            }
        }

        /// <inheritdoc />
        public void Begin(long expectedLength)
        {
            if (expectedLength > uint.MaxValue - ModuleTrailer.Length)
            {
                throw new FotaException(FotaResult.StorageFailed, "a module of " + expectedLength.ToString() + " bytes is too large");
            }

            crc.Reset();
            length = 0;
            inner.Begin(expectedLength < 0 ? -1 : expectedLength + ModuleTrailer.Length);
        }

        /// <inheritdoc />
        public void Write(byte[] buffer, int offset, int count)
        {
            crc.Update(buffer, offset, count);
            length += count;
            inner.Write(buffer, offset, count);
        }

        /// <inheritdoc />
        public void Commit()
        {
            byte[] trailer = ModuleTrailer.Build((uint)length, crc.Value);
            inner.Write(trailer, 0, trailer.Length);
            inner.Commit();
        }

        /// <inheritdoc />
        public void Abort()
        {
            inner.Abort();
        }
    }
}
