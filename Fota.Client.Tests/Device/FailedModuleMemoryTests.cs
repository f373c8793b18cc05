using System;
using System.IO;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// Remembering a module that failed to start, with real compiled modules stored the way a download stores them,
    /// real files, and the real upgrade server deciding what it offers to the version the device sends.
    /// </summary>
    public sealed class FailedModuleMemoryTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();

        public void Dispose() => folder.Dispose();

        private string ModulePath => folder.File("app.pe");

        private string MemoryPath => folder.File("fota.failed");

        private FailedModuleMemory Memory() => new FailedModuleMemory(new VersionFile(MemoryPath));

        // Stores the module, boots it (Load, then Run when it is ready) and lets the memory note each step.
        private ModuleBoot Boot(byte[] module, FailedModuleMemory memory, out string[] lines)
        {
            if (module != null)
            {
                ModuleBootTests.Store(ModulePath, module);
            }

            var boot = new ModuleBoot(new ModuleFile(ModulePath), ModuleCompiler.EntryType, "Start");
            boot.Load();
            string first = memory.Note(boot);
            string second = null;
            if (boot.Outcome == BootOutcome.Ready && !boot.Run(null))
            {
                second = memory.Note(boot);
            }

            lines = new[] { first, second };
            return boot;
        }

        [Fact]
        public void AModuleThatThrowsOnStartIsRememberedAcrossAReboot()
        {
            ModuleBoot boot = Boot(ModuleCompiler.Throwing("1.0.3.0"), Memory(), out string[] lines);

            Assert.Equal(BootOutcome.StartFailed, boot.Outcome);
            Assert.Equal(new Version(1, 0, 3, 0), boot.ModuleVersion);
            Assert.Equal(new[] { null, "failed module: 1.0.3 remembered; the platform is asked for a newer one" }, lines);
            Assert.Equal("1.0.3\n", File.ReadAllText(MemoryPath));

            FailedModuleMemory afterReboot = Memory();
            Assert.Equal("1.0.3", afterReboot.FailedVersion);
            Assert.Equal("1.0.3", afterReboot.VersionToAsk("0.0.0"));
            Assert.Equal("1.0.4", afterReboot.VersionToAsk("1.0.4"));
            Assert.Equal("1.0.3", afterReboot.VersionToAsk("1.7.3"));   // the middle segment is not compared
            Assert.Equal("2.0.0", afterReboot.VersionToAsk("2.0.0"));
        }

        [Fact]
        public void AModuleWithoutItsEntryMethodIsRememberedToo()
        {
            ModuleBoot boot = Boot(ModuleCompiler.WithoutEntry("1.2.7.0"), Memory(), out string[] lines);

            Assert.Equal(BootOutcome.LoadFailed, boot.Outcome);
            Assert.Equal("failed module: 1.2.7 remembered; the platform is asked for a newer one", lines[0]);
            Assert.Equal("1.2.7", Memory().FailedVersion);
        }

        [Fact]
        public void ANanoFrameworkImageTheRuntimeRefusesIsRememberedByTheVersionInItsHeader()
        {
            // nanoFramework's own mscorlib.pe (version 1.17.11.0) is a real .pe that .NET cannot load.
            string packages = Environment.GetEnvironmentVariable("NUGET_PACKAGES")
                ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");
            string pe = Path.Combine(packages, "nanoframework.corelibrary", "1.17.11", "lib", "mscorlib.pe");
            ModuleBoot boot = Boot(File.ReadAllBytes(pe), Memory(), out string[] lines);

            Assert.Equal(BootOutcome.LoadFailed, boot.Outcome);
            Assert.Contains("runtime refused", boot.Detail);
            Assert.Equal(new Version(1, 17, 11, 0), boot.ModuleVersion);
            Assert.Equal("failed module: 1.17.11 remembered; the platform is asked for a newer one", lines[0]);
        }

        [Fact]
        public void ANewerModuleThatStartsClearsTheMemory()
        {
            FailedModuleMemory memory = Memory();
            Boot(ModuleCompiler.Throwing("1.0.3.0"), memory, out _);

            string key = "fota.test." + Guid.NewGuid().ToString("N");
            ModuleBoot boot = Boot(ModuleCompiler.Marking(key, "1.0.4", "1.0.4.0"), memory, out string[] lines);

            Assert.Equal(BootOutcome.Ready, boot.Outcome);
            Assert.Equal("1.0.4", AppDomain.CurrentDomain.GetData(key));
            Assert.Equal(new[] { "failed module: 1.0.4 starts, newer than 1.0.3 that failed; forgotten", null }, lines);
            Assert.Null(memory.FailedVersion);
            Assert.False(File.Exists(MemoryPath));
            Assert.Null(Memory().FailedVersion);
        }

        [Theory]
        [InlineData("1.0.3.0")]
        [InlineData("1.0.2.0")]
        [InlineData("1.9.3.0")]
        public void AModuleThatIsNotNewerThanTheFailedOneLeavesTheMemory(string version)
        {
            File.WriteAllText(MemoryPath, "1.0.3\n");
            FailedModuleMemory memory = Memory();
            string key = "fota.test." + Guid.NewGuid().ToString("N");

            Boot(ModuleCompiler.Marking(key, "started", version), memory, out string[] lines);

            Assert.Equal("started", AppDomain.CurrentDomain.GetData(key));
            Assert.Equal(new string[] { null, null }, lines);
            Assert.Equal("1.0.3", Memory().FailedVersion);
        }

        [Fact]
        public void AnOlderFailureKeepsTheNewerOneRemembered()
        {
            File.WriteAllText(MemoryPath, "1.0.5\n");
            Boot(ModuleCompiler.Throwing("1.0.4.0"), Memory(), out string[] lines);

            Assert.Equal("failed module: 1.0.4 failed; 1.0.5 is remembered already, so neither is downloaded again", lines[1]);
            Assert.Equal("1.0.5", Memory().FailedVersion);
        }

        [Fact]
        public void AModuleWithoutAVersionOrWithOneThePlatformCannotCompareIsNotRemembered()
        {
            File.WriteAllText(MemoryPath, "1.0.1\n");
            byte[] notAnAssembly = new byte[3000];
            new Random(5).NextBytes(notAnAssembly);

            Boot(notAnAssembly, Memory(), out string[] lines);
            Assert.Equal("failed module: not remembered, it names no version; it may be downloaded again", lines[0]);

            Boot(ModuleCompiler.Throwing("1.0.1000.0"), Memory(), out lines);
            Assert.StartsWith("failed module: not remembered, its version is not one the platform compares (", lines[1]);
            Assert.Contains("1.0.1000", lines[1]);

            Assert.Equal("1.0.1", Memory().FailedVersion);
        }

        [Fact]
        public void ADamagedOrMissingModuleIsNotRemembered()
        {
            FailedModuleMemory memory = Memory();
            Boot(null, memory, out string[] lines);
            Assert.Equal(new string[] { null, null }, lines);

            ModuleBootTests.Store(ModulePath, ModuleCompiler.Throwing("1.0.3.0"));
            byte[] stored = File.ReadAllBytes(ModulePath);
            stored[100] ^= 1;
            File.WriteAllBytes(ModulePath, stored);
            ModuleBoot boot = Boot(null, memory, out lines);

            Assert.Equal(BootOutcome.Rejected, boot.Outcome);
            Assert.Equal(new string[] { null, null }, lines);
            Assert.Null(memory.FailedVersion);
            Assert.False(File.Exists(MemoryPath));
        }

        [Fact]
        public void AMemoryThatCannotBeStoredStillHoldsUntilTheNextReboot()
        {
            var memory = new FailedModuleMemory(new VersionFile(folder.File(Path.Combine("missing", "fota.failed"))));
            Boot(ModuleCompiler.Throwing("1.0.3.0"), memory, out string[] lines);

            Assert.StartsWith("failed module: 1.0.3 remembered until the next reboot only: storing it in ", lines[1]);
            Assert.Equal("1.0.3", memory.VersionToAsk("0.0.0"));
        }

        [Theory]
        [InlineData("")]
        [InlineData("1.0\n")]
        [InlineData("banana\n")]
        public void StoredTextThatIsNotAVersionIsNothingRemembered(string contents)
        {
            File.WriteAllText(MemoryPath, contents);
            Assert.Null(Memory().FailedVersion);
            Assert.Equal("0.0.0", Memory().VersionToAsk("0.0.0"));
        }

        [Fact]
        public void BadArgumentsAreRefused()
        {
            Assert.Throws<ArgumentNullException>(() => new FailedModuleMemory(null));
            Assert.Throws<ArgumentNullException>(() => Memory().Note(null));
            Assert.Throws<ArgumentException>(() => Memory().VersionToAsk("1.0"));
            Assert.Throws<ArgumentException>(() => Memory().VersionToAsk(null));
        }

        // The whole story against the real upgrade server: the module that failed is not downloaded again, and the next
        // newer upload is.
        [Fact]
        public void TheFailedModuleIsNotDownloadedAgainUntilANewerOneIsOffered()
        {
            using var server = new ServerHarness(seed: false);
            string key = server.Catalog.CreateProject("Devices").Key;
            Upload(server, key, "1.0.3", ModuleCompiler.Throwing("1.0.3.0"));
            FailedModuleMemory memory = Memory();

            // The built-in module runs and asks with 0.0.0: 1.0.3 is offered, stored, and fails to start.
            Assert.Equal(FotaResult.Success, Check(server, key, memory.VersionToAsk("0.0.0")).Result);
            Boot(null, memory, out _);
            Assert.Equal("1.0.3", memory.FailedVersion);

            // Every later check asks with 1.0.3: "already latest", nothing downloaded.
            for (int i = 0; i < 3; i++)
            {
                FotaReport report = Check(server, key, Memory().VersionToAsk("0.0.0"));
                Assert.Equal(FotaResult.UpToDate, report.Result);
                Assert.Equal(0, report.BytesReceived);
                Assert.Contains("&version=1.0.3", report.Url);
            }

            // A newer module is uploaded: offered, stored, started; the memory is cleared.
            string mark = "fota.test." + Guid.NewGuid().ToString("N");
            Upload(server, key, "1.0.4", ModuleCompiler.Marking(mark, "fixed", "1.0.4.0"));
            Assert.Equal(FotaResult.Success, Check(server, key, Memory().VersionToAsk("0.0.0")).Result);
            Boot(null, Memory(), out string[] lines);
            Assert.Equal("fixed", AppDomain.CurrentDomain.GetData(mark));
            Assert.Equal("failed module: 1.0.4 starts, newer than 1.0.3 that failed; forgotten", lines[0]);
            Assert.False(File.Exists(MemoryPath));
        }

        private void Upload(ServerHarness server, string key, string version, byte[] module)
        {
            string source = folder.File("upload-" + version + ".pe");
            File.WriteAllBytes(source, module);
            server.Catalog.AddFirmware(key, "Module", version, source);
        }

        private FotaReport Check(ServerHarness server, string key, string version)
        {
            var options = new FotaOptions
            {
                Url = server.Server.UpgradeUrl,
                Imei = "C81234567830",
                ProjectKey = key,
                FirmwareName = "Module",
                Version = version,
                Region = new ModuleRegion(new FileRegion(ModulePath)),
            };
            return FotaClient.Run(options);
        }
    }
}
