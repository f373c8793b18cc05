using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>A stored module in RAM, with the trailer ModuleRegion appends, for ModuleBoot without a file system.</summary>
    public class MemoryModuleFile : IModuleFile
    {
        private byte[] stored;

        /// <summary>Holds <paramref name="module"/> as ModuleRegion stores it (<c>null</c>: nothing stored).</summary>
        public MemoryModuleFile(byte[] module)
        {
            if (module == null)
            {
                return;
            }

            byte[] trailer = ModuleTrailer.Build((uint)module.Length, Crc32.Compute(module, 0, module.Length));
            stored = new byte[module.Length + trailer.Length];
            Array.Copy(module, stored, module.Length);
            Array.Copy(trailer, 0, stored, module.Length, trailer.Length);
        }

        /// <summary><c>true</c> once the boot discarded the module.</summary>
        public bool Discarded { get; private set; }

        /// <inheritdoc />
        public string Name
        {
            get { return "memory"; }
        }

        /// <inheritdoc />
        public long Length
        {
            get { return stored == null ? -1 : stored.Length; }
        }

        /// <inheritdoc />
        public void Read(long position, byte[] buffer, int offset, int count)
        {
            Array.Copy(stored, (int)position, buffer, offset, count);
        }

        /// <inheritdoc />
        public void Discard()
        {
            stored = null;
            Discarded = true;
        }
    }
}
