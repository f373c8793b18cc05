using System.Threading;

namespace Fota.Client
{
    /// <summary>
    /// The scheduler's real wait: an event that <see cref="Release"/> sets, waited on with a timeout. nanoCLR counts
    /// that timeout on its own tick (on the ESP32, FreeRTOS's tick count), which SNTP setting the date does not move;
    /// .NET's waits are monotonic too. So a wait lasts what it was asked to, whatever <c>DateTime.UtcNow</c> does.
    /// </summary>
    internal class StopSignal : IScheduleWait
    {
        private readonly ManualResetEvent released = new ManualResetEvent(false);

        /// <inheritdoc />
        public bool Wait(int milliseconds)
        {
            return released.WaitOne(milliseconds, false);
        }

        /// <inheritdoc />
        public void Release()
        {
            released.Set();
        }
    }
}
