namespace Fota.Server
{
    /// <summary>The firmware entry a device is to receive.</summary>
    internal sealed record ServedFirmware(long Id, string Name, string Version, string FilePath, long Length, string Sha256, System.DateTimeOffset Created);
}
