using System;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>
    /// The nanoFramework flavour of the library as built: compiled against nanoFramework's mscorlib only and free of
    /// generic definitions (which crash nanoCLR). The build itself fails on both; this checks the artifact.
    /// </summary>
    public class NanoFlavourTests
    {
        private static MetadataReader Open(out PEReader pe, string key = "NanoAssemblyPath")
        {
            string path = typeof(NanoFlavourTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .Single(a => a.Key == key).Value;
            Assert.True(File.Exists(path), "nanoFramework flavour not built: " + path);
            pe = new PEReader(File.OpenRead(path));
            return pe.GetMetadataReader();
        }

        // The nanoFramework flavour also references the device packages (Device/DeviceProjectTests checks which);
        // build/CoreCheck compiles the core alone, and that must need nothing but mscorlib.
        [Fact]
        public void TheCoreReferencesNothingButNanoFrameworkMscorlib()
        {
            MetadataReader md = Open(out PEReader pe, "CoreAssemblyPath");
            using (pe)
            {
                var references = md.AssemblyReferences.Select(h => md.GetAssemblyReference(h)).ToList();
                Assert.NotEmpty(references);
                foreach (AssemblyReference reference in references)
                {
                    Assert.Equal("mscorlib", md.GetString(reference.Name));
                    Assert.Equal(1, reference.Version.Major);
                }
            }
        }

        [Fact]
        public void DefinesNoGenericTypeOrMethod()
        {
            MetadataReader md = Open(out PEReader pe);
            using (pe)
            {
                Assert.Equal(0, md.GetTableRowCount(TableIndex.GenericParam));
            }
        }

        [Fact]
        public void HoldsTheWholeCore()
        {
            MetadataReader md = Open(out PEReader pe);
            using (pe)
            {
                var names = md.TypeDefinitions.Select(h => md.GetString(md.GetTypeDefinition(h).Name)).ToHashSet();
                foreach (string core in new[] { "FotaClient", "FotaOptions", "FotaReport", "UrlBuilder", "HttpReader", "Downloader", "Sha256", "Crc32" })
                {
                    Assert.Contains(core, names);
                }
            }
        }
    }
}
