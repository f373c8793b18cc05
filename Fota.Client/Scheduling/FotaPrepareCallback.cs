namespace Fota.Client
{
    /// <summary>
    /// Runs on the scheduler's thread before each check of <see cref="FotaScheduler"/>: bring the network up, or set
    /// what to ask for (e.g. <see cref="FotaOptions.Version"/>) in the options that the check then uses.
    /// </summary>
    /// <param name="options">The scheduler's options; changes stay for later checks.</param>
    /// <returns>
    /// <c>true</c> to check now; <c>false</c> to skip this check (e.g. no network): nothing is sent, no report is
    /// delivered, and the next attempt comes after the back-off of a transient failure.
    /// </returns>
    public delegate bool FotaPrepareCallback(FotaOptions options);
}
