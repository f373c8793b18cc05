namespace Fota.Client
{
    /// <summary>
    /// How <see cref="FotaScheduler"/> waits between checks: a relative wait that <see cref="Release"/> ends early.
    /// The device's is <see cref="StopSignal"/>; tests put their own in its place so that nothing waits for real time.
    /// </summary>
    internal interface IScheduleWait
    {
        /// <summary>Waits <paramref name="milliseconds"/>; returns <c>true</c> at once when released, before or during the wait.</summary>
        bool Wait(int milliseconds);

        /// <summary>Ends the current wait and every later one at once.</summary>
        void Release();
    }
}
