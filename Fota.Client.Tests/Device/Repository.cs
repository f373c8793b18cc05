using System.IO;
using System.Linq;
using System.Reflection;

namespace Fota.Client.Tests.Device
{
    /// <summary>Paths of the checked-out repository, as the test project's build recorded them.</summary>
    internal static class Repository
    {
        internal static string Root => Metadata("RepositoryRoot");

        internal static string Metadata(string key) =>
            typeof(Repository).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value;

        internal static string File(params string[] parts) => Path.Combine(new[] { Root }.Concat(parts).ToArray());

        internal static string Read(params string[] parts) => System.IO.File.ReadAllText(File(parts));
    }
}
