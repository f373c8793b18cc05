namespace Fota.Client
{
    /// <summary>
    /// Receives the single report of a request started with <c>FotaClient.Request</c>.
    /// </summary>
    /// <param name="report">What happened; never <c>null</c>.</param>
    public delegate void FotaCallback(FotaReport report);
}
