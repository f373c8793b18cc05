using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// The Visual Studio device projects (.nfproj) must build what the dotnet build type-checks, and every place that
    /// names a nanoFramework package must name the same version: packages.config, the .nfproj references, the
    /// compile-time declarations in build/NanoRefs, build/Nano.targets and the nuspecs.
    /// </summary>
    public class DeviceProjectTests
    {
        // The .nfproj files and the folders whose sources they must compile (relative to the .nfproj's folder).
        public static TheoryData<string, string[]> Projects() => new TheoryData<string, string[]>
        {
            { "Fota.Client/Fota.Client.nfproj", new[] { "Platform/Host" } },
            { "Fota.Client.InFieldUpdate/Fota.Client.InFieldUpdate.nfproj", new string[0] },
            { "samples/Esp32Fota/Esp32Fota.nfproj", new string[0] },
            { "samples/Esp32Fota.Module/Esp32Fota.Module.nfproj", new string[0] },
        };

        private static XDocument Load(string relative) => XDocument.Load(Repository.File(relative.Split('/')));

        private static IEnumerable<XElement> Items(XDocument project, string name) => project.Descendants().Where(e => e.Name.LocalName == name);

        [Theory]
        [MemberData(nameof(Projects))]
        public void EverySourceFileIsCompiledByItsNfprojAndEveryCompileItemExists(string nfproj, string[] excluded)
        {
            string folder = Path.GetDirectoryName(Repository.File(nfproj.Split('/')));
            var listed = Items(Load(nfproj), "Compile").Select(e => e.Attribute("Include").Value.Replace('\\', '/')).ToList();
            Assert.Equal(listed.Count, listed.Distinct().Count());

            var onDisk = Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(folder, f).Replace('\\', '/'))
                .Where(f => !f.StartsWith("bin/") && !f.StartsWith("obj/"))
                .Where(f => !excluded.Any(x => f.StartsWith(x + "/")))
                .ToList();

            Assert.Empty(onDisk.Except(listed));   // a source file the device build would miss
            Assert.Empty(listed.Except(onDisk));   // a compile item without a file
        }

        [Fact]
        public void TheDotnetSolutionHoldsNoNfproj()
        {
            // dotnet cannot load the nanoFramework project system; the device projects live in nanoFramework.Fota.Device.sln.
            Assert.DoesNotContain(".nfproj", Repository.Read("nanoFramework.Fota.sln"));
            string device = Repository.Read("nanoFramework.Fota.Device.sln");
            foreach (string nfproj in new[] { "Fota.Client.nfproj", "Esp32Fota.nfproj", "Esp32Fota.Module.nfproj" })
            {
                Assert.Contains(nfproj, device);
            }
        }

        [Fact]
        public void DeclarationsStateTheirPackageAndAssemblyVersionsConsistently()
        {
            var declarations = Declarations();
            Assert.Equal(7, declarations.Count);
            foreach (var d in declarations.Values)
            {
                Assert.Equal(Path.GetFileNameWithoutExtension(d.File), d.Assembly);
                Assert.Equal(AssemblyVersionOf(d.Version), d.AssemblyVersion);
                Assert.Contains("COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION", File.ReadAllText(d.File));
            }
        }

        [Theory]
        [MemberData(nameof(Projects))]
        public void NfprojReferencesMatchPackagesConfigAndTheDeclarations(string nfproj, string[] excluded)
        {
            _ = excluded;
            string folder = Path.GetDirectoryName(nfproj.Replace('/', Path.DirectorySeparatorChar));
            var packages = PackagesConfig(Path.Combine(folder, "packages.config"));
            var declarations = Declarations();

            var references = Items(Load(nfproj), "Reference").ToList();
            Assert.Equal(packages.Count, references.Count);
            foreach (XElement reference in references)
            {
                string include = reference.Attribute("Include").Value;
                string hint = reference.Elements().Single(e => e.Name.LocalName == "HintPath").Value.Replace('\\', '/');
                Match m = Regex.Match(hint, @"packages/(?<id>.+?)\.(?<version>\d+\.\d+\.\d+(-[a-z]+\.\d+)?)/lib/(netnano1\.0/)?(?<asm>[^/]+)\.dll$");
                Assert.True(m.Success, hint);
                string id = m.Groups["id"].Value, version = m.Groups["version"].Value, assembly = m.Groups["asm"].Value;

                Assert.Equal(packages[id], version);
                Assert.StartsWith(assembly + ", Version=" + AssemblyVersionOf(version) + ",", include);
                if (declarations.TryGetValue(id, out var declared) && id != "nanoFramework.CoreLibrary")
                {
                    if (declared.Version.Contains('-') == version.Contains('-'))
                    {
                        Assert.Equal(declared.Version, version);
                        Assert.Equal(declared.Assembly, assembly);
                    }
                }
            }
        }

        [Fact]
        public void PackageVersionsAgreeAcrossTheDeviceProjectsNanoTargetsAndTheNuspecs()
        {
            var declarations = Declarations();
            var coreLine = new Dictionary<string, string>();
            foreach (string config in new[] { "Fota.Client/packages.config", "samples/Esp32Fota/packages.config", "samples/Esp32Fota.Module/packages.config" })
            {
                foreach (var package in PackagesConfig(config))
                {
                    if (coreLine.TryGetValue(package.Key, out string seen))
                    {
                        Assert.Equal(seen, package.Value);
                    }

                    coreLine[package.Key] = package.Value;
                    if (declarations.TryGetValue(package.Key, out var declared))
                    {
                        Assert.Equal(declared.Version, package.Value);
                    }
                }
            }

            // The mscorlib everything is compiled against here is the one the device projects use.
            Match nano = Regex.Match(Repository.Read("build", "Nano.targets"), "Include=\"nanoFramework.CoreLibrary\" Version=\"([^\"]+)\"");
            Assert.Equal(coreLine["nanoFramework.CoreLibrary"], nano.Groups[1].Value);

            // The library package depends, exactly, on the versions its project restores.
            var library = NuspecDependencies("Fota.Client.nanoFramework.nuspec");
            var libraryConfig = PackagesConfig("Fota.Client/packages.config");
            Assert.NotEmpty(library);
            foreach (var dependency in library)
            {
                Assert.Equal("[" + libraryConfig[dependency.Key] + "]", dependency.Value);
            }

            foreach (string direct in new[] { "nanoFramework.System.Net", "nanoFramework.System.IO.FileSystem", "nanoFramework.Runtime.Native" })
            {
                Assert.True(library.ContainsKey(direct), direct);
            }

            // The in-field-update package sits on the 2.0 line with the declared InFieldUpdate version.
            var ifu = NuspecDependencies("Fota.Client.InFieldUpdate.nanoFramework.nuspec");
            var ifuConfig = PackagesConfig("Fota.Client.InFieldUpdate/packages.config");
            Assert.Equal("[" + ifuConfig["nanoFramework.CoreLibrary"] + "]", ifu["nanoFramework.CoreLibrary"]);
            Assert.Equal("[" + ifuConfig["nanoFramework.Runtime.InFieldUpdate"] + "]", ifu["nanoFramework.Runtime.InFieldUpdate"]);
            Assert.Equal(declarations["nanoFramework.Runtime.InFieldUpdate"].Version, ifuConfig["nanoFramework.Runtime.InFieldUpdate"]);
            Assert.StartsWith("2.0.0-preview.", ifuConfig["nanoFramework.CoreLibrary"]);

            // The package version is the assembly version the device projects compile.
            Assert.Contains("<version>" + AssemblyInfoVersion("Fota.Client") + "</version>", Repository.Read("nuget", "Fota.Client.nanoFramework.nuspec"));
        }

        [Fact]
        public void NuspecsUseNanoFrameworksFlatLibLayoutAndAnIdOutsideTheReservedPrefix()
        {
            foreach (string nuspec in new[] { "Fota.Client.nanoFramework.nuspec", "Fota.Client.InFieldUpdate.nanoFramework.nuspec" })
            {
                XDocument doc = XDocument.Load(Repository.File("nuget", nuspec));
                string id = doc.Descendants().Single(e => e.Name.LocalName == "id").Value;
                Assert.False(id.StartsWith("nanoFramework.", StringComparison.OrdinalIgnoreCase), id);
                Assert.Contains("nanoFramework C# csharp netmf netnf", doc.Descendants().Single(e => e.Name.LocalName == "tags").Value);

                var targets = doc.Descendants().Where(e => e.Name.LocalName == "file").Select(e => e.Attribute("target").Value).ToList();
                string assembly = id.Substring(0, id.Length - ".nanoFramework".Length);
                foreach (string extension in new[] { ".dll", ".pe", ".pdbx", ".pdb", ".xml" })
                {
                    Assert.Contains("lib\\" + assembly + extension, targets);
                }
            }
        }

        [Fact]
        public void TheNanoFrameworkFlavourReferencesExactlyTheDeclaredAssemblies()
        {
            var declared = Declarations().Values.ToDictionary(d => d.Assembly, d => d.AssemblyVersion);
            using var stream = File.OpenRead(Repository.Metadata("NanoAssemblyPath"));
            using var pe = new System.Reflection.PortableExecutable.PEReader(stream);
            var md = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in md.AssemblyReferences)
            {
                var reference = md.GetAssemblyReference(handle);
                string name = md.GetString(reference.Name);
                if (name == "mscorlib")
                {
                    continue;
                }

                Assert.True(declared.ContainsKey(name), name);
                Assert.Equal(declared[name], reference.Version.ToString());
            }
        }

        internal sealed record Declaration(string File, string Package, string Version, string Assembly, string AssemblyVersion);

        internal static Dictionary<string, Declaration> Declarations()
        {
            var result = new Dictionary<string, Declaration>();
            foreach (string file in Directory.EnumerateFiles(Repository.File("build", "NanoRefs"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar)))
            {
                string text = File.ReadAllText(file);
                Match head = Regex.Match(text, @"^// Package (?<id>\S+) (?<version>\S+) \(assembly (?<asm>\S+) (?<asmver>[\d.]+)\)\.");
                Assert.True(head.Success, file + " must start with its package id, version, assembly name and version");
                Match attribute = Regex.Match(text, "\\[assembly: AssemblyVersion\\(\"([^\"]+)\"\\)\\]");
                Assert.Equal(head.Groups["asmver"].Value, attribute.Groups[1].Value);
                result.Add(head.Groups["id"].Value, new Declaration(file, head.Groups["id"].Value, head.Groups["version"].Value, head.Groups["asm"].Value, attribute.Groups[1].Value));
            }

            return result;
        }

        // nanoFramework stamps a 1.x package's assembly with the package version; the 2.0 preview line stamps 2.0.0.0.
        private static string AssemblyVersionOf(string packageVersion) =>
            packageVersion.Contains('-') ? packageVersion.Split('-')[0] + ".0" : packageVersion + ".0";

        private static Dictionary<string, string> PackagesConfig(string relative) =>
            XDocument.Load(Repository.File(relative.Split('/', '\\'))).Descendants("package")
                .ToDictionary(p => p.Attribute("id").Value, p => p.Attribute("version").Value);

        private static Dictionary<string, string> NuspecDependencies(string nuspec) =>
            XDocument.Load(Repository.File("nuget", nuspec)).Descendants().Where(e => e.Name.LocalName == "dependency")
                .ToDictionary(d => d.Attribute("id").Value, d => d.Attribute("version").Value);

        private static string AssemblyInfoVersion(string project)
        {
            Match m = Regex.Match(Repository.Read(project, "Properties", "AssemblyInfo.cs"), "AssemblyVersion\\(\"(\\d+\\.\\d+\\.\\d+)\\.0\"\\)");
            Assert.True(m.Success);
            return m.Groups[1].Value;
        }
    }
}
