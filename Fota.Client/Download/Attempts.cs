using System;

namespace Fota.Client
{
    /// <summary>
    /// The retry loop around the exchange (design.md): one <see cref="Exchange"/> after another until one succeeds, a
    /// failure cannot pass, the attempts run out, or the next wait does not fit the request's Timeout. The transfer lives
    /// across the attempts, so a body that stopped continues with <c>Range</c>; at the end it either keeps what the region
    /// holds for a later request (a failure of the path or of time) or discards it.
    /// </summary>
    internal static class Attempts
    {
        /// <summary>Runs the request's attempts; returns the last result, with the report describing it.</summary>
        internal static FotaResult Run(RequestPlan plan, Transfer transfer, FotaOptions options, RequestClock clock, FotaReport report)
        {
            Random random = null;
            int attempt = 0;
            int idle = 0;
            FotaResult result;
            while (true)
            {
                attempt++;
                long before = transfer.Position;
                bool restart = false;
                Clear(report);
                try
                {
                    result = Exchange.Run(plan, transfer, clock, report);
                }
                catch (FotaException e)
                {
                    result = e.Result;
                    report.Detail = e.Message;
                    restart = e is RestartException;
                }
                catch (Exception e)
                {
                    // A bug in the library or a plug-in (a verifier, the connector): reported as such, never retried.
                    result = FotaResult.InternalError;
                    report.Detail = e.GetType().Name + ": " + e.Message;
                }

                if (result != FotaResult.Success && clock.CancelRequested)
                {
                    // Whatever the closed connection made of it, the attempt ended because the application asked.
                    result = FotaResult.Cancelled;
                    report.Detail = RequestClock.Cancelled().Message;
                    break;
                }

                if (result == FotaResult.Success)
                {
                    report.Detail += Summary(attempt, transfer);
                    return result;
                }

                idle = transfer.Position > before ? 1 : idle + 1;
                if (attempt >= options.MaxAttempts || (!restart && !RetryPolicy.IsTransient(result, report, clock)))
                {
                    break;
                }

                if (!restart)
                {
                    if (random == null)
                    {
                        random = new Random((int)clock.Now);
                    }

                    long wait = RetryPolicy.Wait(report, idle, options.RetryDelay, random);
                    if (wait >= clock.RemainingMilliseconds)
                    {
                        report.Detail += "; not tried again: waiting " + (wait / 1000).ToString() + " s would pass the Timeout";
                        break;
                    }

                    // A reboot during the wait must not lose what arrived.
                    transfer.Interrupted();
                    try
                    {
                        clock.Wait(wait);
                    }
                    catch (FotaException e)
                    {
                        result = e.Result;
                        report.Detail = e.Message + " (while waiting to try again after: " + report.Detail + ")";
                        break;
                    }
                }
            }

            transfer.End(RetryPolicy.KeepsProgress(result, report, clock));
            if (attempt > 1)
            {
                report.Detail += "; after " + attempt.ToString() + " attempts";
            }

            return result;
        }

        // What one attempt learnt from the server; the next attempt's reply says it anew.
        private static void Clear(FotaReport report)
        {
            report.HttpStatus = 0;
            report.PlatformCode = -1;
            report.PlatformMessage = null;
            report.RetryAfterMilliseconds = -1;
            report.Detail = null;
        }

        private static string Summary(int attempt, Transfer transfer)
        {
            string text = "";
            if (transfer.ContinuedFrom >= 0)
            {
                text += "; continued an interrupted download at byte " + transfer.ContinuedFrom.ToString();
            }

            if (attempt > 1)
            {
                text += "; " + attempt.ToString() + " attempts, " + transfer.Resumes.ToString() + " resumed with Range";
            }

            return text;
        }
    }
}
