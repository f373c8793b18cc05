using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using Xunit;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// The compile-time declarations in build/NanoRefs, as built, against facts read from the real nanoFramework sources
    /// (cited in each declaration file): a value or signature that differs would compile here and fail on the device.
    /// </summary>
    public class NanoRefsApiTests
    {
        private static T WithAssembly<T>(string name, System.Func<MetadataReader, T> read)
        {
            string path = name == "nanoFramework.Runtime.InFieldUpdate"
                ? Repository.Metadata("InFieldUpdateDeclarationPath")
                : Path.Combine(Path.GetDirectoryName(Repository.Metadata("NanoAssemblyPath")), name + ".dll");
            using var pe = new PEReader(File.OpenRead(path));
            return read(pe.GetMetadataReader());
        }

        private static TypeDefinition Type(MetadataReader md, string ns, string name) =>
            md.TypeDefinitions.Select(md.GetTypeDefinition).Single(t => md.GetString(t.Namespace) == ns && md.GetString(t.Name) == name);

        private static Dictionary<string, int> EnumValues(MetadataReader md, string ns, string name) =>
            Type(md, ns, name).GetFields().Select(md.GetFieldDefinition)
                .Where(f => (f.Attributes & FieldAttributes.Literal) != 0)
                .ToDictionary(f => md.GetString(f.Name), f => md.GetBlobReader(md.GetConstant(f.GetDefaultValue()).Value).ReadInt32());

        // Parameter counts of the public constructors.
        private static List<int> Constructors(MetadataReader md, string ns, string name) =>
            Type(md, ns, name).GetMethods().Select(md.GetMethodDefinition)
                .Where(m => md.GetString(m.Name) == ".ctor" && (m.Attributes & MethodAttributes.MemberAccessMask) == MethodAttributes.Public)
                .Select(m => m.GetParameters().Count).ToList();

        [Fact]
        public void SslProtocolsHaveTheValuesOfNanoFrameworkAndDotNet()
        {
            var values = WithAssembly("System.Net", md => EnumValues(md, "System.Net.Security", "SslProtocols"));
            Assert.Equal(new Dictionary<string, int> { ["None"] = 0, ["Tls"] = 192, ["Tls11"] = 768, ["Tls12"] = 3072, ["Tls13"] = 12288 }, values);
        }

        [Fact]
        public void IPAddressAndSocketExceptionHaveNoParameterlessConstructor()
        {
            Assert.Equal(new[] { 1, 1 }, WithAssembly("System.Net", md => Constructors(md, "System.Net", "IPAddress")));
            Assert.Equal(new[] { 1 }, WithAssembly("System.Net", md => Constructors(md, "System.Net.Sockets", "SocketException")));
        }

        [Fact]
        public void TheRegionsSlotResultsAreTheRuntimesUpdateSessionResults()
        {
            // The device adapter converts by casting, so each name must carry the same number in both enums.
            var runtime = WithAssembly("nanoFramework.Runtime.InFieldUpdate", md => EnumValues(md, "nanoFramework.Runtime.InFieldUpdate", "UpdateSessionResult"));
            var region = System.Enum.GetValues<SlotResult>().ToDictionary(r => r.ToString(), r => (int)r);
            Assert.Equal(15, runtime.Count);
            Assert.Equal(runtime.OrderBy(p => p.Key), region.OrderBy(p => p.Key));
        }

        [Fact]
        public void RebootDeviceTakesAnOptionalRebootOption()
        {
            var options = WithAssembly("nanoFramework.Runtime.Native", md => EnumValues(md, "nanoFramework.Runtime.Native", "RebootOption"));
            Assert.Equal(new Dictionary<string, int> { ["NormalReboot"] = 0, ["EnterNanoBooter"] = 1, ["ClrOnly"] = 2, ["EnterProprietaryBooter"] = 8 }, options);

            bool optional = WithAssembly("nanoFramework.Runtime.Native", md =>
            {
                MethodDefinition reboot = Type(md, "nanoFramework.Runtime.Native", "Power").GetMethods().Select(md.GetMethodDefinition)
                    .Single(m => md.GetString(m.Name) == "RebootDevice");
                Parameter parameter = reboot.GetParameters().Select(md.GetParameter).Single();
                return (parameter.Attributes & ParameterAttributes.Optional) != 0
                    && md.GetBlobReader(md.GetConstant(parameter.GetDefaultValue()).Value).ReadInt32() == 0;
            });
            Assert.True(optional);
        }
    }
}
