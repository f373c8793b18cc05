using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

// Rejects what compiles against nanoFramework's mscorlib but breaks the real nanoCLR:
// a generic type or method defined in the assembly itself (compiler-generated ones included)
// crashes the interpreter while it resolves the type (nanoframework.md, "Traps").
// Usage: NanoCheck <assembly.dll>; prints MSBuild-style errors and exits 1 on any finding.
internal static class Program
{
    private static int Main(string[] args)
    {
        if (args.Length != 1 || !File.Exists(args[0]))
        {
            Console.Error.WriteLine("usage: NanoCheck <assembly.dll>");
            return 2;
        }

        int findings = 0;
        using (var stream = File.OpenRead(args[0]))
        using (var pe = new PEReader(stream))
        {
            MetadataReader md = pe.GetMetadataReader();
            foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
            {
                TypeDefinition type = md.GetTypeDefinition(typeHandle);
                string typeName = FullName(md, type);
                if (type.GetGenericParameters().Count > 0)
                {
                    Report(args[0], "generic type '" + typeName + "'");
                    findings++;
                }

                foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
                {
                    MethodDefinition method = md.GetMethodDefinition(methodHandle);
                    if (method.GetGenericParameters().Count > 0)
                    {
                        Report(args[0], "generic method '" + typeName + "." + md.GetString(method.Name) + "'");
                        findings++;
                    }
                }
            }
        }

        return findings == 0 ? 0 : 1;
    }

    private static string FullName(MetadataReader md, TypeDefinition type)
    {
        string name = md.GetString(type.Name);
        if (!type.GetDeclaringType().IsNil)
        {
            return FullName(md, md.GetTypeDefinition(type.GetDeclaringType())) + "+" + name;
        }

        string ns = md.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    private static void Report(string assembly, string what)
    {
        // MSBuild turns "file : error CODE: text" lines from Exec into build errors.
        Console.WriteLine(Path.GetFileName(assembly) + " : error NANO001: " + what +
            " is defined; nanoCLR crashes on generic definitions. Use object, arrays or ArrayList instead.");
    }
}
