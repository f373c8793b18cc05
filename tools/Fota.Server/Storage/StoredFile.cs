namespace Fota.Server
{
    /// <summary>A firmware file copied into the data folder: its server-chosen name, size and SHA-256.</summary>
    internal sealed record StoredFile(string Name, long Length, string Sha256);
}
