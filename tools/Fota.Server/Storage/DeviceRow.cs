namespace Fota.Server
{
    /// <summary>A device's account, project (<c>null</c> when unbound) and ban, as the upgrade rules need them.</summary>
    internal sealed record DeviceRow(long AccountId, long? ProjectId, bool Banned);
}
