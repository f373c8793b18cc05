using System.Reflection;

[assembly: AssemblyTitle("Esp32Fota")]
[assembly: AssemblyDescription("Resident loader and updater of the Fota.Client ESP32 sample")]
[assembly: AssemblyVersion("1.0.0.0")]
