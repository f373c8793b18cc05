using System.Reflection;

// The platform compares the first three segments (each at most 999): raise them for every upload.
[assembly: AssemblyTitle("Esp32Fota.Module")]
[assembly: AssemblyDescription("Application module of the Fota.Client ESP32 sample, upgraded over the air")]
[assembly: AssemblyVersion("1.0.1.0")]
