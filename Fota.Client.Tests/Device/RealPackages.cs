using System.Collections.Generic;
using System.Linq;

namespace Fota.Client.Tests.Device
{
    /// <summary>
    /// The nanoFramework packages the device projects use, with the assembly each one ships and that assembly's real
    /// four-part version, as read from nanoFramework's own sources (not derived from the package version). The 1.x
    /// versions are those of nanoframework/Samples at 121ef04 (2026-07-24), whose
    /// samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine/AzureEdgeOTAEngine.nfproj references all nine with these
    /// exact versions (written by nanoFramework's dependency bot from the published assemblies); each matches the
    /// package repository's version.json: "precision": "build" gives major.minor.height.0, and System.Threading's
    /// "precision": "revision" adds the first two bytes of the release commit (tag v1.1.52 is 866134ed: 0x8661 =
    /// 34401). The 2.0 line's versions are those its own projects reference (nanoframework/System.Net tag
    /// v2.0.0-preview.25, System.Net.nfproj): "2.0.0-preview.{height}" puts the height in the pre-release label, so
    /// every assembly is 2.0.0.0 (Nerdbank.GitVersioning stores the commit id only when the height is the build
    /// number, hence System.Threading too). The layouts are the packages' nuspecs at those tags.
    /// </summary>
    internal static class RealPackages
    {
        /// <summary>Flat lib\ of the 1.x packages.</summary>
        internal const string Flat = "lib";

        /// <summary>lib\netnano1.0\ of most 2.0-line packages.</summary>
        internal const string NetNano = "lib/netnano1.0";

        internal const string Line1 = "1.17.11";

        internal const string Line2 = "2.0.0-preview.52";

        internal static readonly Package[] All =
        {
            // The 1.x line (CoreLibrary 1.17.11): the library, the ESP32 sample.
            new Package(Line1, "nanoFramework.CoreLibrary", "1.17.11", "mscorlib", "1.17.11.0", Flat),
            new Package(Line1, "nanoFramework.Runtime.Events", "1.11.37", "nanoFramework.Runtime.Events", "1.11.37.0", Flat),
            new Package(Line1, "nanoFramework.Runtime.Native", "1.7.11", "nanoFramework.Runtime.Native", "1.7.11.0", Flat),
            new Package(Line1, "nanoFramework.System.IO.FileSystem", "1.1.93", "System.IO.FileSystem", "1.1.93.0", Flat),
            new Package(Line1, "nanoFramework.System.IO.Streams", "1.1.96", "System.IO.Streams", "1.1.96.0", Flat),
            new Package(Line1, "nanoFramework.System.Net", "1.11.60", "System.Net", "1.11.60.0", Flat),
            new Package(Line1, "nanoFramework.System.Text", "1.3.42", "nanoFramework.System.Text", "1.3.42.0", Flat),
            new Package(Line1, "nanoFramework.System.Threading", "1.1.52", "System.Threading", "1.1.52.34401", Flat),
            new Package(Line1, "nanoFramework.System.Device.Wifi", "1.5.149", "System.Device.Wifi", "1.5.149.0", Flat),

            // The 2.0 preview line (CoreLibrary 2.0.0-preview.52): the in-field-update region and the library built for it.
            new Package(Line2, "nanoFramework.CoreLibrary", "2.0.0-preview.52", "mscorlib", "2.0.0.0", NetNano),
            new Package(Line2, "nanoFramework.Runtime.Events", "2.0.0-preview.13", "nanoFramework.Runtime.Events", "2.0.0.0", NetNano),

            // Tag v2.0.0-preview.17 (cb4a2e1), the newest 2.0 build of Runtime.Native, still packs the flat lib\.
            new Package(Line2, "nanoFramework.Runtime.Native", "2.0.0-preview.17", "nanoFramework.Runtime.Native", "2.0.0.0", Flat),
            new Package(Line2, "nanoFramework.System.IO.FileSystem", "2.0.0-preview.21", "System.IO.FileSystem", "2.0.0.0", NetNano),
            new Package(Line2, "nanoFramework.System.IO.Streams", "2.0.0-preview.22", "System.IO.Streams", "2.0.0.0", NetNano),
            new Package(Line2, "nanoFramework.System.Net", "2.0.0-preview.25", "System.Net", "2.0.0.0", NetNano),
            new Package(Line2, "nanoFramework.System.Text", "2.0.0-preview.23", "nanoFramework.System.Text", "2.0.0.0", NetNano),
            new Package(Line2, "nanoFramework.System.Threading", "2.0.0-preview.14", "System.Threading", "2.0.0.0", NetNano),

            // 1.0.19 is the version of nanoFramework.Runtime.InFieldUpdate.Provider on nuget.org, whose nuspec pins
            // this package to its own version; the nuspec that depends on CoreLibrary 2.0.0-preview.52 packs the flat
            // lib\. No source found states the assembly's version (the repository's version.json is not in any store
            // searched and no published project references it with one), so it is referenced by name only.
            new Package(Line2, "nanoFramework.Runtime.InFieldUpdate", "1.0.19", "nanoFramework.Runtime.InFieldUpdate", null, Flat),
        };

        internal static Package Find(string id, string version) => All.SingleOrDefault(p => p.Id == id && p.Version == version);

        /// <summary>The line (named by its CoreLibrary version) of a project whose packages.config names these packages.</summary>
        internal static string LineOf(IEnumerable<Package> packages) => packages.Single(p => p.Id == "nanoFramework.CoreLibrary").Line;

        /// <param name="Line">The CoreLibrary version of the line the package belongs to: one application never mixes two.</param>
        /// <param name="AssemblyVersion">Null when no source states it.</param>
        internal sealed record Package(string Line, string Id, string Version, string Assembly, string AssemblyVersion, string Layout);
    }
}
