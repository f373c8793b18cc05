using System.Reflection;

// Keep the version equal to the package version in nuget/Fota.Client.InFieldUpdate.nanoFramework.nuspec.
[assembly: AssemblyTitle("Fota.Client.InFieldUpdate")]
[assembly: AssemblyDescription("Fota.Client region storing upgrades in an MCUboot flash slot through nanoFramework in-field update")]
[assembly: AssemblyProduct("Fota.Client")]
[assembly: AssemblyVersion("0.1.0.0")]
