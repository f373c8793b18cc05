using System;
using System.Collections.Generic;
using System.Threading;

namespace Fota.Client.Tests.Scheduling
{
    /// <summary>
    /// The scheduler's wait without time: it records each delay asked for and returns at once for the first
    /// <c>checks</c> waits, so that exactly that many checks run; the next wait signals <see cref="Exhausted"/> and holds
    /// until <see cref="Release"/> (the scheduler's Stop). Nothing depends on how long anything takes.
    /// </summary>
    internal sealed class ScriptedWait : IScheduleWait
    {
        private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
        private readonly int checks;
        private readonly List<int> delays = new List<int>();
        private readonly ManualResetEventSlim released = new ManualResetEventSlim(false);

        public ScriptedWait(int checks)
        {
            this.checks = checks;
        }

        /// <summary>Set when the scheduler asks for the wait after its last allowed check.</summary>
        public ManualResetEventSlim Exhausted { get; } = new ManualResetEventSlim(false);

        /// <summary>Runs with the wait's number (1 for the first) when a wait elapses, just before it returns.</summary>
        public Action<int> Elapsing { get; set; }

        public int[] Delays
        {
            get
            {
                lock (delays)
                {
                    return delays.ToArray();
                }
            }
        }

        public bool Wait(int milliseconds)
        {
            int count;
            lock (delays)
            {
                delays.Add(milliseconds);
                count = delays.Count;
            }

            if (released.IsSet)
            {
                return true;
            }

            if (count <= checks)
            {
                Elapsing?.Invoke(count);
                return false;
            }

            Exhausted.Set();

            // A test that never stops the scheduler ends it here (a throw would end the test host instead).
            released.Wait(Patience);
            return true;
        }

        public void Release() => released.Set();

        /// <summary>Waits until every allowed check ran and the scheduler waits for the next.</summary>
        public void AwaitExhausted()
        {
            if (!Exhausted.Wait(Patience))
            {
                throw new TimeoutException("the scheduler did not run its checks; delays so far: " + string.Join(", ", Delays));
            }
        }
    }
}
