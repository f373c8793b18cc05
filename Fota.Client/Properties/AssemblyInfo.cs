using System.Reflection;

// The device library's identity: Fota.Client.nfproj and the nanoFramework flavour of Fota.Client.csproj compile this
// file; keep the version equal to the package version in nuget/Fota.Client.nanoFramework.nuspec.
[assembly: AssemblyTitle("Fota.Client")]
[assembly: AssemblyDescription("Firmware-over-the-air client for the LuatOS IoT platform's upgrade protocol")]
[assembly: AssemblyProduct("Fota.Client")]
[assembly: AssemblyVersion("0.1.0.0")]
