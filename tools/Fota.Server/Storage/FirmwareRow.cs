using System;

namespace Fota.Server
{
    /// <summary>One firmware entry as the upgrade rules read it.</summary>
    internal sealed record FirmwareRow(long Id, string Version, string File, long Length, string Sha256, bool Pending, DateTimeOffset Created);
}
