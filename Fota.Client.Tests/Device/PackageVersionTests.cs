using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// Every place that names a nanoFramework package names the real one: the .nfproj references carry the real
    /// four-part assembly version (the real tools refuse anything else: MSB3245, then CS0234), packages.config the same
    /// package versions, build/NanoRefs declares the same assemblies with the same AssemblyVersion, the nuspecs depend
    /// on the same versions, and no project mixes the 1.x and 2.0 lines. The real values are in <see cref="RealPackages"/>.
    /// </summary>
    public class PackageVersionTests
    {
        public static TheoryData<string> Nfprojs() => new TheoryData<string>(DeviceProjectTests.Nfprojs);

        [Theory]
        [MemberData(nameof(Nfprojs))]
        public void EveryReferenceNamesTheRealAssemblyVersionAndLayoutOfAPackageInPackagesConfig(string nfproj)
        {
            var config = PackagesConfig(ConfigOf(nfproj));
            var references = References(nfproj);
            Assert.Equal(config.Count, references.Count);

            foreach (Reference reference in references)
            {
                RealPackages.Package real = RealPackages.Find(reference.Package, reference.PackageVersion);
                Assert.True(real != null, reference.Package + " " + reference.PackageVersion + " is not a known real package version");
                Assert.Equal(config[reference.Package], reference.PackageVersion);
                Assert.Equal(real.Assembly, reference.Assembly);
                Assert.Equal(real.Layout, reference.Layout);

                // A reference by name alone binds to whatever the HintPath holds; only a package whose assembly
                // version no source states is referenced that way.
                string expected = real.AssemblyVersion == null
                    ? real.Assembly
                    : real.Assembly + ", Version=" + real.AssemblyVersion + ", Culture=neutral, PublicKeyToken=c07d481e9758c731";
                Assert.Equal(expected, reference.Include);
            }
        }

        [Theory]
        [MemberData(nameof(Nfprojs))]
        public void NoProjectMixesTheTwoLinesAndProjectReferencesStayOnTheirLine(string nfproj)
        {
            string line = LineOf(nfproj);
            foreach (var package in PackagesConfig(ConfigOf(nfproj)))
            {
                Assert.Equal(line, RealPackages.Find(package.Key, package.Value).Line);
            }

            foreach (string referenced in ProjectReferences(nfproj))
            {
                Assert.Equal(line, LineOf(referenced));
            }
        }

        [Fact]
        public void TheDeclarationsInNanoRefsAreTheRealAssemblies()
        {
            var declarations = Declarations();
            Assert.Equal(7, declarations.Count);
            foreach (Declaration d in declarations)
            {
                RealPackages.Package real = RealPackages.Find(d.Package, d.Version);
                Assert.True(real != null, d.File + ": " + d.Package + " " + d.Version + " is not a known real package version");
                Assert.Equal(real.Assembly, d.Assembly);
                Assert.Equal(real.Assembly, Path.GetFileNameWithoutExtension(d.File));
                Assert.Equal(real.AssemblyVersion ?? "unknown", d.StatedVersion);
                Assert.Equal(real.AssemblyVersion ?? "0.0.0.0", d.AssemblyVersion);
                Assert.Contains("COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION", File.ReadAllText(d.File));

                // The declarations stand for what the device projects restore.
                foreach (string nfproj in DeviceProjectTests.Nfprojs.Where(p => LineOf(p) == real.Line))
                {
                    if (PackagesConfig(ConfigOf(nfproj)).TryGetValue(d.Package, out string restored))
                    {
                        Assert.Equal(d.Version, restored);
                    }
                }
            }
        }

        [Fact]
        public void TheRealMscorlibHasTheVersionTheFirstLineReferences()
        {
            // The one nanoFramework assembly restored here is the real CoreLibrary 1.17.11: the nanoFramework flavour of
            // the library was compiled against it, so its reference carries the real assembly's version.
            using var stream = File.OpenRead(Repository.Metadata("NanoAssemblyPath"));
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            AssemblyReference mscorlib = md.AssemblyReferences.Select(md.GetAssemblyReference).Single(r => md.GetString(r.Name) == "mscorlib");
            Assert.Equal(RealPackages.Find("nanoFramework.CoreLibrary", RealPackages.Line1).AssemblyVersion, mscorlib.Version.ToString());
        }

        [Fact]
        public void TheNanoFrameworkFlavourReferencesExactlyTheDeclaredAssemblies()
        {
            var declared = Declarations().ToDictionary(d => d.Assembly, d => d.AssemblyVersion);
            using var stream = File.OpenRead(Repository.Metadata("NanoAssemblyPath"));
            using var pe = new PEReader(stream);
            MetadataReader md = pe.GetMetadataReader();
            foreach (AssemblyReference reference in md.AssemblyReferences.Select(md.GetAssemblyReference))
            {
                string name = md.GetString(reference.Name);
                if (name != "mscorlib")
                {
                    Assert.True(declared.ContainsKey(name), name);
                    Assert.Equal(declared[name], reference.Version.ToString());
                }
            }
        }

        [Fact]
        public void TheNuspecsDependExactlyOnWhatTheirProjectsRestore()
        {
            AssertDependencies("Fota.Client.nanoFramework.nuspec", "Fota.Client/packages.config",
                "nanoFramework.System.Net", "nanoFramework.System.IO.FileSystem", "nanoFramework.Runtime.Native");
            AssertDependencies("Fota.Client.nanoFramework.Preview.nuspec", "Fota.Client.InFieldUpdate/Fota.Client/packages.config",
                "nanoFramework.System.Net", "nanoFramework.System.IO.FileSystem", "nanoFramework.Runtime.Native");
            AssertDependencies("Fota.Client.InFieldUpdate.nanoFramework.nuspec", "Fota.Client.InFieldUpdate/packages.config",
                "nanoFramework.Runtime.InFieldUpdate");

            // The library package's version is the assembly version the device projects compile.
            Match m = Regex.Match(Repository.Read("Fota.Client", "Properties", "AssemblyInfo.cs"), "AssemblyVersion\\(\"(\\d+\\.\\d+\\.\\d+)\\.0\"\\)");
            Assert.True(m.Success);
            Assert.Contains("<version>" + m.Groups[1].Value + "</version>", Repository.Read("nuget", "Fota.Client.nanoFramework.nuspec"));
            Assert.Contains("<version>" + m.Groups[1].Value + "-preview</version>", Repository.Read("nuget", "Fota.Client.nanoFramework.Preview.nuspec"));
        }

        [Fact]
        public void TheBuildCompilesAgainstTheCoreLibraryOfTheFirstLine()
        {
            Match nano = Regex.Match(Repository.Read("build", "Nano.targets"), "Include=\"nanoFramework.CoreLibrary\" Version=\"([^\"]+)\"");
            Assert.Equal(RealPackages.Line1, nano.Groups[1].Value);
        }

        private static void AssertDependencies(string nuspec, string config, params string[] direct)
        {
            var dependencies = XDocument.Load(Repository.File("nuget", nuspec)).Descendants().Where(e => e.Name.LocalName == "dependency")
                .ToDictionary(d => d.Attribute("id").Value, d => d.Attribute("version").Value);
            var restored = PackagesConfig(config);
            foreach (var dependency in dependencies.Where(d => !d.Key.StartsWith("Fota.Client", StringComparison.Ordinal)))
            {
                Assert.Equal("[" + restored[dependency.Key] + "]", dependency.Value);
            }

            foreach (string id in direct.Append("nanoFramework.CoreLibrary"))
            {
                Assert.True(dependencies.ContainsKey(id), nuspec + " lacks " + id);
            }
        }

        internal sealed record Reference(string Include, string Assembly, string Package, string PackageVersion, string Layout);

        internal sealed record Declaration(string File, string Package, string Version, string Assembly, string StatedVersion, string AssemblyVersion);

        private static string ConfigOf(string nfproj) => Path.GetDirectoryName(nfproj.Replace('\\', '/')).Replace('\\', '/') + "/packages.config";

        private static string LineOf(string nfproj) =>
            RealPackages.LineOf(PackagesConfig(ConfigOf(nfproj)).Select(p => RealPackages.Find(p.Key, p.Value)).Where(p => p != null));

        private static IEnumerable<XElement> Items(string nfproj, string name) =>
            XDocument.Load(Repository.File(nfproj.Split('/'))).Descendants().Where(e => e.Name.LocalName == name);

        private static List<Reference> References(string nfproj) => Items(nfproj, "Reference").Select(reference =>
        {
            string hint = reference.Elements().Single(e => e.Name.LocalName == "HintPath").Value.Replace('\\', '/');
            Match m = Regex.Match(hint, @"packages/(?<id>[A-Za-z.]+?)\.(?<version>\d+\.\d+\.\d+(-preview\.\d+)?)/(?<layout>lib(/netnano1\.0)?)/(?<asm>[^/]+)\.dll$");
            Assert.True(m.Success, nfproj + ": " + hint);
            string include = reference.Attribute("Include").Value;
            Assert.StartsWith(m.Groups["asm"].Value, include);
            return new Reference(include, m.Groups["asm"].Value, m.Groups["id"].Value, m.Groups["version"].Value, m.Groups["layout"].Value);
        }).ToList();

        private static IEnumerable<string> ProjectReferences(string nfproj)
        {
            string folder = Path.GetDirectoryName(Repository.File(nfproj.Split('/')));
            return Items(nfproj, "ProjectReference").Select(p => Path.GetRelativePath(Repository.Root,
                Path.GetFullPath(Path.Combine(folder, p.Attribute("Include").Value.Replace('\\', '/')))).Replace('\\', '/'));
        }

        internal static Dictionary<string, string> PackagesConfig(string relative) =>
            XDocument.Load(Repository.File(relative.Split('/', '\\'))).Descendants("package")
                .ToDictionary(p => p.Attribute("id").Value, p => p.Attribute("version").Value);

        internal static List<Declaration> Declarations() =>
            Directory.EnumerateFiles(Repository.File("build", "NanoRefs"), "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains(Path.DirectorySeparatorChar + "obj" + Path.DirectorySeparatorChar))
                .Select(file =>
                {
                    string text = File.ReadAllText(file);
                    Match head = Regex.Match(text, @"^// Package (?<id>\S+) (?<version>\S+) \(assembly (?<asm>\S+) (?<asmver>[\d.]+|unknown)\)\.");
                    Assert.True(head.Success, file + " must start with its package id, version, assembly name and version");
                    Match attribute = Regex.Match(text, "\\[assembly: AssemblyVersion\\(\"([^\"]+)\"\\)\\]");
                    Assert.True(attribute.Success, file);
                    return new Declaration(file, head.Groups["id"].Value, head.Groups["version"].Value, head.Groups["asm"].Value,
                        head.Groups["asmver"].Value, attribute.Groups[1].Value);
                }).ToList();
    }
}
