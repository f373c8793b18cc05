using System;
using System.Threading;

namespace Fota.Client
{
    /// <summary>
    /// Checks for an upgrade periodically on one thread of its own: at start-up (or after <see cref="FirstDelay"/>), then
    /// every <see cref="Interval"/> plus up to <see cref="Jitter"/> at random. Checks never overlap: each one is a
    /// <see cref="FotaClient.Run"/> on that thread, so a request the application starts meanwhile is answered
    /// <see cref="FotaResult.Busy"/> (or the check is, and is retried after <see cref="RetryDelay"/>). After a
    /// transient failure (no connection, a cut reply, a server error, platform code 43) it retries sooner, after
    /// <see cref="RetryDelay"/> doubled with each further failure up to <see cref="Interval"/>; "already latest",
    /// a download and every other refusal go back to the normal interval. The next check is never before the
    /// server's <see cref="FotaReport.RetryAfterMilliseconds"/> (platform codes 40 and 43, HTTP 429 and 503), capped at
    /// one day. The library never reboots: <see cref="Reported"/> decides what a successful download means.
    /// </summary>
    /// <remarks>
    /// Every wait is relative and counted by the runtime's own tick, which SNTP setting the date does not move:
    /// a jump of <c>DateTime.UtcNow</c> neither fires a burst of checks nor postpones the next one. The waits start
    /// when the previous check's <see cref="Reported"/> callback returned.
    /// </remarks>
    /// <example>
    /// <code>
    /// FotaScheduler scheduler = new FotaScheduler(options);
    /// scheduler.Reported = report =&gt; Debug.WriteLine(report.ToString());
    /// scheduler.Start();
    /// </code>
    /// </example>
    public class FotaScheduler
    {
        /// <summary>The longest <see cref="FirstDelay"/>, <see cref="Interval"/>, <see cref="Jitter"/> and <see cref="RetryDelay"/>: 7 days.</summary>
        public const int MaxMilliseconds = 604800000;

        /// <summary>The shortest <see cref="Interval"/> and <see cref="RetryDelay"/>: 1 s, so that nothing loops tightly.</summary>
        public const int MinMilliseconds = 1000;

        /// <summary>The default <see cref="Interval"/>: 4 hours, well inside the platform's ~6 downloads a day (code 40).</summary>
        public const int DefaultInterval = 14400000;

        /// <summary>The default <see cref="Jitter"/>: 20 minutes, so that a fleet does not ask all at once.</summary>
        public const int DefaultJitter = 1200000;

        /// <summary>The default <see cref="RetryDelay"/>: 2 minutes (platform code 43 asks for 1 to 3).</summary>
        public const int DefaultRetryDelay = 120000;

        // Transient failures in a row stop being counted here; the back-off reached the interval long before.
        private const int MaxFailures = 1000;

        private readonly IScheduleWait wait;
        private readonly Random random;
        private readonly object gate = new object();
        private Thread worker;
        private bool started;
        private bool stopping;
        private int firstDelay;
        private int interval = DefaultInterval;
        private int jitter = DefaultJitter;
        private int retryDelay = DefaultRetryDelay;

        /// <summary>A scheduler for requests with <paramref name="options"/>; nothing runs before <see cref="Start"/>.</summary>
        /// <param name="options">What every check asks and where it stores a download; <see cref="Preparing"/> may change it.</param>
        /// <exception cref="ArgumentNullException">When <paramref name="options"/> is <c>null</c>.</exception>
        public FotaScheduler(FotaOptions options) : this(options, new StopSignal(), new Random())
        {
        }

        // Tests wait with their own IScheduleWait and draw the jitter from a seeded Random.
        internal FotaScheduler(FotaOptions options, IScheduleWait wait, Random random)
        {
            if (options == null)
            {
                throw new ArgumentNullException("options");
            }

            Options = options;
            this.wait = wait;
            this.random = random;
            NextCheckMilliseconds = -1;
        }

        /// <summary>The options every check uses.</summary>
        public FotaOptions Options { get; }

        /// <summary>Milliseconds from <see cref="Start"/> to the first check (0, the default, checks at once); 0 to <see cref="MaxMilliseconds"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">When outside 0 to <see cref="MaxMilliseconds"/>.</exception>
        public int FirstDelay
        {
            get { return firstDelay; }
            set { firstDelay = Checked(value, 0, "FirstDelay"); }
        }

        /// <summary>Milliseconds between checks; <see cref="DefaultInterval"/> unless set; <see cref="MinMilliseconds"/> to <see cref="MaxMilliseconds"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">When outside <see cref="MinMilliseconds"/> to <see cref="MaxMilliseconds"/>.</exception>
        public int Interval
        {
            get { return interval; }
            set { interval = Checked(value, MinMilliseconds, "Interval"); }
        }

        /// <summary>The most milliseconds added at random to each wait (to a back-off at most half of it); 0 to <see cref="MaxMilliseconds"/>.</summary>
        /// <exception cref="ArgumentOutOfRangeException">When outside 0 to <see cref="MaxMilliseconds"/>.</exception>
        public int Jitter
        {
            get { return jitter; }
            set { jitter = Checked(value, 0, "Jitter"); }
        }

        /// <summary>
        /// Milliseconds to wait after a transient failure; doubled with each further one in a row, up to
        /// <see cref="Interval"/>. <see cref="MinMilliseconds"/> to <see cref="MaxMilliseconds"/>.
        /// </summary>
        /// <exception cref="ArgumentOutOfRangeException">When outside <see cref="MinMilliseconds"/> to <see cref="MaxMilliseconds"/>.</exception>
        public int RetryDelay
        {
            get { return retryDelay; }
            set { retryDelay = Checked(value, MinMilliseconds, "RetryDelay"); }
        }

        /// <summary>
        /// Called on the scheduler's thread before each check, with <see cref="Options"/>; returns whether to check now.
        /// When it throws, nothing is sent and <see cref="Reported"/> receives an <see cref="FotaResult.InternalError"/>
        /// report saying so; the schedule goes on. <c>null</c> checks every time.
        /// </summary>
        public FotaPrepareCallback Preparing { get; set; }

        /// <summary>
        /// Receives each check's report on the scheduler's thread. The next wait starts when it returns, so a callback
        /// that waits (e.g. for the application to be idle before rebooting) delays the next check and never overlaps
        /// it. Exceptions it throws are caught and ignored. <c>null</c> ignores the reports.
        /// </summary>
        public FotaCallback Reported { get; set; }

        /// <summary>
        /// Milliseconds the scheduler waits after the last check, decided before <see cref="Reported"/> receives that
        /// check's report (so the callback can log it); -1 before the first check.
        /// </summary>
        public int NextCheckMilliseconds { get; private set; }

        /// <summary>Transient failures in a row up to the last check (a skipped check counts as one); 0 after any other report.</summary>
        public int ConsecutiveFailures { get; private set; }

        /// <summary><c>true</c> from <see cref="Start"/> until the scheduler's thread ended after <see cref="Stop"/>.</summary>
        public bool IsRunning { get; private set; }

        /// <summary>Starts the scheduler's thread; the first check follows after <see cref="FirstDelay"/>.</summary>
        /// <exception cref="InvalidOperationException">When started before, or stopped: a scheduler runs once.</exception>
        public void Start()
        {
            lock (gate)
            {
                if (started || stopping)
                {
                    throw new InvalidOperationException(stopping ? "the scheduler was stopped; make a new one" : "the scheduler is already started");
                }

                Thread thread = new Thread(Loop);
                IsRunning = true;
                try
                {
                    thread.Start();
                }
                catch (Exception)
                {
                    IsRunning = false;
                    throw;
                }

                started = true;
                worker = thread;
            }
        }

        /// <summary>
        /// Stops the schedule: no check starts after this call, a wait ends at once, and a running check is not cut but
        /// ends with its report delivered to <see cref="Reported"/>. Waits for that at most
        /// <paramref name="millisecondsTimeout"/>. Called from <see cref="Reported"/> or <see cref="Preparing"/>, it
        /// returns at once and the schedule ends when the callback returns.
        /// </summary>
        /// <param name="millisecondsTimeout">The longest wait for the running check, 0 or more (a request runs at most its options' Timeout).</param>
        /// <returns><c>true</c> when the scheduler's thread ended (or will as soon as the calling callback returns, or never started); <c>false</c> when a check still ran after the timeout.</returns>
        /// <exception cref="ArgumentOutOfRangeException">When <paramref name="millisecondsTimeout"/> is negative.</exception>
        public bool Stop(int millisecondsTimeout)
        {
            if (millisecondsTimeout < 0)
            {
                throw new ArgumentOutOfRangeException("millisecondsTimeout", "must be 0 or more milliseconds");
            }

            Thread thread;
            lock (gate)
            {
                stopping = true;
                thread = worker;
            }

            wait.Release();
            if (thread == null || thread.ManagedThreadId == Thread.CurrentThread.ManagedThreadId)
            {
                return true;
            }

            return thread.Join(millisecondsTimeout);
        }

        private void Loop()
        {
            try
            {
                int failures = 0;
                int delay = firstDelay;
                while (!wait.Wait(delay) && MayCheck())
                {
                    FotaReport report = Check();
                    bool transient = report == null || CheckSchedule.IsTransient(report);
                    failures = !transient ? 0 : failures < MaxFailures ? failures + 1 : failures;
                    delay = CheckSchedule.NextDelay(transient, failures, report == null ? -1 : report.RetryAfterMilliseconds,
                        interval, jitter, retryDelay, random.Next());
                    ConsecutiveFailures = failures;
                    NextCheckMilliseconds = delay;
                    if (report != null)
                    {
                        Deliver(report);
                    }
                }
            }
            finally
            {
                IsRunning = false;
            }
        }

        // Under the lock that Stop takes: a check either starts before Stop, which then waits for its report, or never.
        private bool MayCheck()
        {
            lock (gate)
            {
                return !stopping;
            }
        }

        // The check's report, or null when Preparing skipped it.
        private FotaReport Check()
        {
            FotaPrepareCallback prepare = Preparing;
            if (prepare != null)
            {
                try
                {
                    if (!prepare(Options))
                    {
                        return null;
                    }
                }
                catch (Exception e)
                {
                    return new FotaReport(FotaResult.InternalError, "the Preparing callback threw " + e.GetType().Name + ": " + e.Message
                        + "; no request was sent");
                }
            }

            return FotaClient.Run(Options);
        }

        private void Deliver(FotaReport report)
        {
            FotaCallback callback = Reported;
            if (callback == null)
            {
                return;
            }

            try
            {
                callback(report);
            }
            catch (Exception)
            {
                // The application's bug must not end the schedule: the next check still comes.
            }
        }

        private static int Checked(int value, int min, string name)
        {
            if (value < min || value > MaxMilliseconds)
            {
                throw new ArgumentOutOfRangeException(name, name + " must be " + min.ToString() + " to " + MaxMilliseconds.ToString()
                    + " milliseconds, got " + value.ToString());
            }

            return value;
        }
    }
}
