using System;
using System.IO;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// Applying a module at boot with real files and real assemblies: modules are compiled, stored through
    /// ModuleRegion over FileRegion the way a download stores them, then checked and loaded by ModuleBoot.
    /// </summary>
    public class ModuleBootTests
    {
        private readonly string key = "fota.test." + Guid.NewGuid().ToString("N");

        /// <summary>Stores <paramref name="module"/> at <paramref name="path"/> as a download does, <paramref name="chunk"/> bytes at a time.</summary>
        internal static void Store(string path, byte[] module, int chunk = 4096)
        {
            var region = new ModuleRegion(new FileRegion(path));
            region.Begin(module.Length);
            for (int offset = 0; offset < module.Length; offset += chunk)
            {
                region.Write(module, offset, Math.Min(chunk, module.Length - offset));
            }

            region.Commit();
        }

        private static ModuleBoot Boot(string path) => new ModuleBoot(new ModuleFile(path), ModuleCompiler.EntryType, "Start");

        [Fact]
        public void AStoredModuleIsCheckedLoadedAndStartedInsteadOfTheBuiltInOne()
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            byte[] module = ModuleCompiler.Marking(key, "stored v2");
            Store(path, module, chunk: 1000);

            Assert.Equal(module.Length + 16, new FileInfo(path).Length);
            ModuleBoot boot = Boot(path);
            Assert.Equal(BootOutcome.Ready, boot.Load());
            Assert.NotNull(boot.Module);
            Assert.Contains("CRC-32 checked", boot.ToString());

            bool builtInRan = false;
            Assert.True(boot.Run(() => builtInRan = true));
            Assert.False(builtInRan);
            Assert.Equal("stored v2", AppDomain.CurrentDomain.GetData(key));
            Assert.True(File.Exists(path));
        }

        [Fact]
        public void WithoutAStoredModuleTheBuiltInModuleRuns()
        {
            using var folder = new TempFolder();
            ModuleBoot boot = Boot(folder.File("app.pe"));

            bool builtInRan = false;
            Assert.False(boot.Run(() => builtInRan = true));
            Assert.True(builtInRan);
            Assert.Equal(BootOutcome.NoModule, boot.Outcome);
            Assert.Null(boot.ModuleVersion);
            Assert.Equal("boot: NoModule: no module in " + folder.File("app.pe") + "; the built-in module runs", boot.ToString());
        }

        [Theory]
        [InlineData(0)]
        [InlineData(777)]
        [InlineData(-17)]
        public void AFlippedBitAnywhereIsRejectedAndTheModuleDiscarded(int position)
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            Store(path, ModuleCompiler.Marking(key, "damaged"));
            byte[] stored = File.ReadAllBytes(path);
            int at = position >= 0 ? position : stored.Length - 16 + position;   // negative: in the module's last bytes
            stored[at] ^= 0x10;
            File.WriteAllBytes(path, stored);

            ModuleBoot boot = Boot(path);
            bool builtInRan = false;
            Assert.False(boot.Run(() => builtInRan = true));
            Assert.True(builtInRan);
            Assert.Equal(BootOutcome.Rejected, boot.Outcome);
            Assert.Contains("CRC-32", boot.Detail);
            Assert.False(File.Exists(path));
            Assert.Null(AppDomain.CurrentDomain.GetData(key));
        }

        [Fact]
        public void ATruncatedOrTrailerlessFileIsRejected()
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            byte[] module = ModuleCompiler.Marking(key, "short");

            Store(path, module);
            byte[] stored = File.ReadAllBytes(path);
            File.WriteAllBytes(path, stored.AsSpan(0, stored.Length - 100).ToArray());
            Assert.Equal(BootOutcome.Rejected, Boot(path).Load());
            Assert.False(File.Exists(path));

            // A module stored by a plain FileRegion has no trailer: boot refuses what it cannot check.
            var plain = new FileRegion(path);
            plain.Begin(module.Length);
            plain.Write(module, 0, module.Length);
            plain.Commit();
            ModuleBoot boot = Boot(path);
            Assert.Equal(BootOutcome.Rejected, boot.Load());
            Assert.Contains("no module trailer", boot.Detail);
        }

        [Fact]
        public void BytesThatAreNotAnAssemblyFailToLoadAndAreDiscarded()
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            byte[] notAnAssembly = new byte[5000];
            new Random(42).NextBytes(notAnAssembly);
            Store(path, notAnAssembly);

            ModuleBoot boot = Boot(path);
            Assert.Equal(BootOutcome.LoadFailed, boot.Load());
            Assert.Contains("runtime refused", boot.Detail);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void AnAssemblyWithoutTheEntryMethodFailsToLoad()
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            Store(path, ModuleCompiler.WithoutEntry());

            ModuleBoot boot = Boot(path);
            Assert.Equal(BootOutcome.LoadFailed, boot.Load());
            Assert.Contains("TestModule.Entry.Start()", boot.Detail);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void AModuleThatThrowsOnStartIsDiscardedAndTheBuiltInModuleRuns()
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            Store(path, ModuleCompiler.Throwing());

            ModuleBoot boot = Boot(path);
            Assert.Equal(BootOutcome.Ready, boot.Load());
            bool builtInRan = false;
            Assert.False(boot.Run(() => builtInRan = true));
            Assert.True(builtInRan);
            Assert.Equal(BootOutcome.StartFailed, boot.Outcome);
            Assert.Contains("InvalidOperationException: sensor missing", boot.Detail);
            Assert.False(File.Exists(path));
        }

        [Fact]
        public void AnAbortedDownloadLeavesTheStoredModuleAsItWas()
        {
            using var folder = new TempFolder();
            string path = folder.File("app.pe");
            byte[] good = ModuleCompiler.Marking(key, "kept");
            Store(path, good);
            byte[] before = File.ReadAllBytes(path);

            var region = new ModuleRegion(new FileRegion(path));
            byte[] next = ModuleCompiler.Marking(key, "never");
            region.Begin(next.Length);
            region.Write(next, 0, next.Length / 2);
            region.Abort();

            Assert.Equal(before, File.ReadAllBytes(path));
            Assert.Single(folder.Files());
            Assert.True(Boot(path).Run(null));
            Assert.Equal("kept", AppDomain.CurrentDomain.GetData(key));
        }

        [Fact]
        public void ModuleRegionReservesRoomForTheTrailer()
        {
            using var folder = new TempFolder();
            Assert.Equal(-1, new ModuleRegion(new FileRegion(folder.File("a.pe"))).Capacity);
            Assert.Equal(1000 - 16, new ModuleRegion(new FileRegion(folder.File("a.pe"), 1000)).Capacity);
        }
    }
}
