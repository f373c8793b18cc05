using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// The Visual Studio device projects (.nfproj) must build what the dotnet build type-checks: every source file of
    /// their folders and nothing else. Package versions are checked by <see cref="PackageVersionTests"/>.
    /// </summary>
    public class DeviceProjectTests
    {
        /// <summary>Every .nfproj of the repository.</summary>
        internal static readonly string[] Nfprojs =
        {
            "Fota.Client/Fota.Client.nfproj",
            "Fota.Client.InFieldUpdate/Fota.Client/Fota.Client.nfproj",
            "Fota.Client.InFieldUpdate/Fota.Client.InFieldUpdate.nfproj",
            "samples/Esp32Fota/Esp32Fota.nfproj",
            "samples/Esp32Fota.Module/Esp32Fota.Module.nfproj",
        };

        // Each .nfproj with the folders whose .cs files it must compile and the subfolders (of each of those) it must leave
        // out: the host platform files, the flash-slot region (its own assembly), the 2.0-line build of the library.
        public static TheoryData<string, string[], string[]> Sources() => new TheoryData<string, string[], string[]>
        {
            { "Fota.Client/Fota.Client.nfproj", new[] { "Fota.Client" }, new[] { "Platform/Host", "Regions/FlashSlot" } },
            { "Fota.Client.InFieldUpdate/Fota.Client/Fota.Client.nfproj", new[] { "Fota.Client" }, new[] { "Platform/Host", "Regions/FlashSlot" } },
            { "Fota.Client.InFieldUpdate/Fota.Client.InFieldUpdate.nfproj", new[] { "Fota.Client/Regions/FlashSlot", "Fota.Client.InFieldUpdate" }, new[] { "Fota.Client" } },
            { "samples/Esp32Fota/Esp32Fota.nfproj", new[] { "samples/Esp32Fota" }, new string[0] },
            { "samples/Esp32Fota.Module/Esp32Fota.Module.nfproj", new[] { "samples/Esp32Fota.Module" }, new string[0] },
        };

        private static IEnumerable<XElement> Items(string nfproj, string name) =>
            XDocument.Load(Repository.File(nfproj.Split('/'))).Descendants().Where(e => e.Name.LocalName == name);

        [Fact]
        public void EveryNfprojIsListedHere()
        {
            var onDisk = Directory.EnumerateFiles(Repository.Root, "*.nfproj", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(Repository.Root, f).Replace('\\', '/'));
            Assert.Equal(Nfprojs.OrderBy(p => p), onDisk.OrderBy(p => p));
        }

        [Theory]
        [MemberData(nameof(Sources))]
        public void EverySourceFileIsCompiledByItsNfprojAndEveryCompileItemExists(string nfproj, string[] roots, string[] excluded)
        {
            string folder = Path.GetDirectoryName(Repository.File(nfproj.Split('/')));
            var listed = Items(nfproj, "Compile")
                .Select(e => Path.GetRelativePath(Repository.Root, Path.GetFullPath(Path.Combine(folder, e.Attribute("Include").Value.Replace('\\', '/')))).Replace('\\', '/'))
                .ToList();
            Assert.Equal(listed.Count, listed.Distinct().Count());

            var onDisk = roots.SelectMany(root => Directory.EnumerateFiles(Repository.File(root.Split('/')), "*.cs", SearchOption.AllDirectories)
                    .Select(f => Path.GetRelativePath(Repository.File(root.Split('/')), f).Replace('\\', '/'))
                    .Where(f => !f.Split('/').Any(part => part == "bin" || part == "obj"))
                    .Where(f => !excluded.Any(x => f.StartsWith(x + "/")))
                    .Select(f => root + "/" + f))
                .ToList();

            Assert.Empty(onDisk.Except(listed));   // a source file the device build would miss
            Assert.Empty(listed.Except(onDisk));   // a compile item without a file
        }

        [Fact]
        public void TheDotnetSolutionHoldsNoNfprojAndTheDeviceSolutionsHoldEveryOne()
        {
            // dotnet cannot load the nanoFramework project system; the device projects live in their own solutions, one
            // per nanoFramework line.
            Assert.DoesNotContain(".nfproj", Repository.Read("nanoFramework.Fota.sln"));
            string line1 = Repository.Read("nanoFramework.Fota.Device.sln");
            string line2 = Repository.Read("nanoFramework.Fota.InFieldUpdate.sln");
            foreach (string nfproj in Nfprojs)
            {
                string path = nfproj.Replace('/', '\\');
                bool preview = nfproj.StartsWith("Fota.Client.InFieldUpdate/", StringComparison.Ordinal);
                Assert.True((preview ? line2 : line1).Contains("\"" + path + "\""), path);
                Assert.False((preview ? line1 : line2).Contains("\"" + path + "\""), path);
            }
        }

        [Fact]
        public void NuspecsUseTheLayoutOfTheirLineAndAnIdOutsideTheReservedPrefix()
        {
            foreach ((string nuspec, string layout) in new[]
            {
                ("Fota.Client.nanoFramework.nuspec", "lib\\"),
                ("Fota.Client.nanoFramework.Preview.nuspec", "lib\\netnano1.0\\"),
                ("Fota.Client.InFieldUpdate.nanoFramework.nuspec", "lib\\netnano1.0\\"),
            })
            {
                XDocument doc = XDocument.Load(Repository.File("nuget", nuspec));
                string id = doc.Descendants().Single(e => e.Name.LocalName == "id").Value;
                Assert.False(id.StartsWith("nanoFramework.", StringComparison.OrdinalIgnoreCase), id);
                Assert.Contains("nanoFramework C# csharp netmf netnf", doc.Descendants().Single(e => e.Name.LocalName == "tags").Value);

                var targets = doc.Descendants().Where(e => e.Name.LocalName == "file").Select(e => e.Attribute("target").Value).ToList();
                string assembly = id.Substring(0, id.Length - ".nanoFramework".Length);
                foreach (string extension in new[] { ".dll", ".pe", ".pdbx", ".pdb", ".xml" })
                {
                    Assert.Contains(layout + assembly + extension, targets);
                }
            }
        }
    }
}
