namespace Fota.Client.Tests.Support
{
    public static class TestOptions
    {
        /// <summary>
        /// Valid options for a device asking <paramref name="url"/> and storing into <paramref name="region"/>, with one
        /// attempt: tests of a single exchange see its own result; the retry tests ask for more.
        /// </summary>
        public static FotaOptions For(string url, IFotaRegion region, params IFotaVerifier[] verifiers) => new FotaOptions
        {
            Url = url,
            Imei = "1",
            ProjectKey = "k",
            FirmwareName = "f",
            Version = "1.0.0",
            Region = region,
            Verifiers = verifiers,
            ReadTimeout = 5000,
            MaxAttempts = 1,
        };
    }
}
