using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // The failed-module memory's logic on the interpreter, over a store in RAM: what is remembered, what is asked, and
    // a module the runtime refuses still giving its version from its nanoFramework header.
    [TestClass]
    public class FailedModuleTests
    {
        // The first 40 bytes of nanoFramework.CoreLibrary 1.17.11's mscorlib.pe: marker NFMRK1, five 32-bit fields,
        // then the version 1.17.11.0 as four 16-bit numbers at byte 28.
        private static readonly byte[] MscorlibHead =
        {
            0x4E, 0x46, 0x4D, 0x52, 0x4B, 0x31, 0x00, 0x00, 0x66, 0xC5, 0xDB, 0x4E, 0xD1, 0x17, 0x56, 0x29,
            0x00, 0x00, 0x00, 0x00, 0x56, 0xC8, 0x49, 0x15, 0xFF, 0xFF, 0xFF, 0xFF, 0x01, 0x00, 0x11, 0x00,
            0x0B, 0x00, 0x00, 0x00, 0xD2, 0xFC, 0x01, 0x00,
        };

        // A module with a real header whose body is not an assembly: the runtime refuses it.
        private static byte[] RefusedModule()
        {
            byte[] module = new byte[400];
            Array.Copy(MscorlibHead, module, MscorlibHead.Length);
            for (int i = MscorlibHead.Length; i < module.Length; i++)
            {
                module[i] = (byte)(i * 7);
            }

            return module;
        }

        [TestMethod]
        public static void AssemblyHeader_VersionReadWithoutLoading()
        {
            Version version = AssemblyHeader.ReadVersion(MscorlibHead);
            Assert.IsNotNull(version);
            Assert.AreEqual("1.17.11.0", version.ToString());

            byte[] other = new byte[40];
            Array.Copy(MscorlibHead, other, 40);
            other[5] = (byte)'2';
            Assert.IsNull(AssemblyHeader.ReadVersion(other), "another marker");
            Assert.IsNull(AssemblyHeader.ReadVersion(new byte[35]), "too short");
            Assert.IsNull(AssemblyHeader.ReadVersion(null));
        }

        [TestMethod]
        public static void RefusedByTheRuntime_RememberedByItsHeaderVersion()
        {
            MemoryModuleFile file = new MemoryModuleFile(RefusedModule());
            ModuleBoot boot = new ModuleBoot(file, "App.Module", "Start");
            Assert.AreEqual((int)BootOutcome.LoadFailed, (int)boot.Load(), boot.ToString());
            Assert.IsTrue(file.Discarded);
            Assert.AreEqual("1.17.11.0", boot.ModuleVersion.ToString());

            MemoryVersionFile store = new MemoryVersionFile(null);
            FailedModuleMemory memory = new FailedModuleMemory(store);
            Assert.AreEqual("failed module: 1.17.11 remembered; the platform is asked for a newer one", memory.Note(boot));
            Assert.AreEqual("1.17.11", store.Text);
            Assert.AreEqual("1.17.11", new FailedModuleMemory(store).VersionToAsk("0.0.0"));
        }

        [TestMethod]
        public static void NoModuleOrDamaged_NothingRemembered()
        {
            MemoryVersionFile store = new MemoryVersionFile(null);
            FailedModuleMemory memory = new FailedModuleMemory(store);
            ModuleBoot none = new ModuleBoot(new MemoryModuleFile(null), "App.Module", "Start");
            none.Load();
            Assert.IsNull(memory.Note(none));

            ModuleBoot boot = new ModuleBoot(new DamagedModuleFile(new MemoryModuleFile(RefusedModule())), "App.Module", "Start");
            Assert.AreEqual((int)BootOutcome.Rejected, (int)boot.Load(), boot.ToString());
            Assert.IsNull(memory.Note(boot));
            Assert.AreEqual(0, store.Writes);
        }

        [TestMethod]
        public static void VersionToAsk_TheNewerOfRunningAndFailed()
        {
            FailedModuleMemory memory = new FailedModuleMemory(new MemoryVersionFile("1.0.3"));
            Assert.AreEqual("1.0.3", memory.FailedVersion);
            Assert.AreEqual("1.0.3", memory.VersionToAsk("0.0.0"));
            Assert.AreEqual("1.0.3", memory.VersionToAsk("1.0.2"));
            Assert.AreEqual("1.0.3", memory.VersionToAsk("1.9.3"));
            Assert.AreEqual("1.0.4", memory.VersionToAsk("1.0.4"));
            Assert.AreEqual("2.0.0", memory.VersionToAsk("2.0.0"));
            Assert.AreEqual("0.0.0", new FailedModuleMemory(new MemoryVersionFile(null)).VersionToAsk("0.0.0"));
        }

        [TestMethod]
        public static void StoredTextThatIsNoVersionOrUnreadable_NothingRemembered()
        {
            Assert.IsNull(new FailedModuleMemory(new MemoryVersionFile("1.0")).FailedVersion);
            Assert.IsNull(new FailedModuleMemory(new MemoryVersionFile("")).FailedVersion);
            MemoryVersionFile broken = new MemoryVersionFile("1.0.3");
            broken.Broken = true;
            Assert.IsNull(new FailedModuleMemory(broken).FailedVersion);
        }

        [TestMethod]
        public static void NewerAlreadyRemembered_Kept()
        {
            MemoryVersionFile store = new MemoryVersionFile("2.0.1");
            ModuleBoot boot = new ModuleBoot(new MemoryModuleFile(RefusedModule()), "App.Module", "Start");
            boot.Load();
            Assert.AreEqual("failed module: 1.17.11 failed; 2.0.1 is remembered already, so neither is downloaded again",
                new FailedModuleMemory(store).Note(boot));
            Assert.AreEqual("2.0.1", store.Text);
            Assert.AreEqual(0, store.Writes);
        }

        [TestMethod]
        public static void StorageFails_RememberedUntilTheNextReboot()
        {
            MemoryVersionFile store = new MemoryVersionFile(null);
            FailedModuleMemory memory = new FailedModuleMemory(store);
            store.Broken = true;
            ModuleBoot boot = new ModuleBoot(new MemoryModuleFile(RefusedModule()), "App.Module", "Start");
            boot.Load();
            Assert.AreEqual("failed module: 1.17.11 remembered until the next reboot only: storing it in memory failed: storage broken",
                memory.Note(boot));
            Assert.AreEqual("1.17.11", memory.VersionToAsk("1.0.0"));
        }

        // A stored module whose eleventh byte flipped after it was written.
        private class DamagedModuleFile : IModuleFile
        {
            private readonly MemoryModuleFile inner;

            internal DamagedModuleFile(MemoryModuleFile inner)
            {
                this.inner = inner;
            }

            public string Name
            {
                get { return inner.Name; }
            }

            public long Length
            {
                get { return inner.Length; }
            }

            public void Read(long position, byte[] buffer, int offset, int count)
            {
                inner.Read(position, buffer, offset, count);
                if (position <= 10 && position + count > 10)
                {
                    buffer[offset + 10 - (int)position] ^= 1;
                }
            }

            public void Discard()
            {
                inner.Discard();
            }
        }
    }
}
