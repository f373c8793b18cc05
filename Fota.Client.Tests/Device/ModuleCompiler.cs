using System;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Fota.Client.Tests.Device
{
    /// <summary>Compiles real application modules for the boot tests: each Start() leaves a mark the test can read.</summary>
    internal static class ModuleCompiler
    {
        internal const string EntryType = "TestModule.Entry";

        /// <summary>A module whose Start() stores <paramref name="mark"/> in the AppDomain under <paramref name="key"/>.</summary>
        internal static byte[] Marking(string key, string mark, string version = null) => Compile(
            "namespace TestModule { public static class Entry { public static void Start() { System.AppDomain.CurrentDomain.SetData(\""
            + key + "\", \"" + mark + "\"); } } }", version);

        /// <summary>A module whose Start() throws.</summary>
        internal static byte[] Throwing(string version = null) => Compile(
            "namespace TestModule { public static class Entry { public static void Start() { throw new System.InvalidOperationException(\"sensor missing\"); } } }",
            version);

        /// <summary>A module without the entry type.</summary>
        internal static byte[] WithoutEntry(string version = null) =>
            Compile("namespace TestModule { public static class Other { public static void Start() { } } }", version);

        // version: the module's AssemblyVersion (four parts), or null for none (0.0.0.0).
        private static byte[] Compile(string source, string version)
        {
            if (version != null)
            {
                source = "[assembly: System.Reflection.AssemblyVersion(\"" + version + "\")] " + source;
            }

            var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")).Split(Path.PathSeparator)
                .Where(p => p.EndsWith("System.Runtime.dll", StringComparison.Ordinal) || p.EndsWith("System.Private.CoreLib.dll", StringComparison.Ordinal))
                .Select(p => MetadataReference.CreateFromFile(p));
            var compilation = CSharpCompilation.Create(
                "TestModule" + Guid.NewGuid().ToString("N"),
                new[] { CSharpSyntaxTree.ParseText(source) },
                references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            if (!result.Success)
            {
                throw new InvalidOperationException(string.Join(Environment.NewLine, result.Diagnostics));
            }

            return image.ToArray();
        }
    }
}
