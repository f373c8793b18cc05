using System;

namespace Fota.Client
{
    /// <summary>
    /// One attempt of a request: connect, send the request (with <c>Range</c> and <c>If-Range</c> when the transfer can
    /// continue), read the reply head, and act on it: follow a redirect (at most <see cref="MaxRedirects"/>, never from
    /// https to http, never in a loop), report a refusal, or hand a firmware body to the <see cref="Downloader"/>.
    /// </summary>
    internal static class Exchange
    {
        /// <summary>Redirects followed in one attempt.</summary>
        internal const int MaxRedirects = 5;

        /// <summary>Runs one attempt; returns its result or throws a <see cref="FotaException"/> with it.</summary>
        internal static FotaResult Run(RequestPlan plan, Transfer transfer, RequestClock clock, FotaReport report)
        {
            string url = plan.Url;
            HttpTarget target = plan.Target;
            string method = plan.Method;
            byte[] body = plan.Body;
            string[] visited = new string[MaxRedirects + 1];
            for (int hop = 0; ; hop++)
            {
                visited[hop] = url;
                report.Url = url;
                IConnection connection = Connect(plan, target, clock);
                clock.Watch(connection);
                try
                {
                    clock.ThrowIfExpired();
                    long from = transfer.RangeFrom;
                    bool foreign = target.Host != plan.Target.Host || target.Port != plan.Target.Port;
                    Send(connection, HttpRequest.BuildHead(method, target, plan.Headers, body == null ? 0 : body.Length, from,
                        from > 0 ? transfer.Validator : null, foreign));
                    if (body != null && body.Length > 0)
                    {
                        Send(connection, body);
                    }

                    HttpReader reader = new HttpReader(connection, plan.Buffer, clock);
                    HttpResponse response = reader.ReadHead(method == "HEAD");
                    report.HttpStatus = response.Status;
                    if (response.IsRedirect)
                    {
                        url = Follow(url, response.Location, target, visited, hop);
                        target = HttpTarget.Parse(url);
                        if (response.Status == 303)
                        {
                            // "See other": fetch it, whatever the first request was.
                            method = "GET";
                            body = null;
                        }

                        continue;
                    }

                    if (response.Status == 416 && from > 0)
                    {
                        throw transfer.Restart("the server cannot send bytes " + from.ToString() + " on (416)");
                    }

                    if (response.Status > 299)
                    {
                        return RefusalReply.Read(reader, response, report, clock.Now);
                    }

                    long expected = transfer.Accept(response, from);
                    Downloader.Run(reader, plan.Buffer, expected, transfer, response.Status);
                    return FotaResult.Success;
                }
                finally
                {
                    clock.Watch(null);
                    CloseQuietly(connection);
                }
            }
        }

        // The next URL of a redirect, or a refusal that says why it is not followed.
        private static string Follow(string url, string location, HttpTarget from, string[] visited, int hop)
        {
            if (location == null || location.Length == 0)
            {
                throw new FotaException(FotaResult.Refused, "redirect without a Location header");
            }

            string next = Redirect.Resolve(url, location);
            HttpTarget target;
            try
            {
                target = HttpTarget.Parse(next);
            }
            catch (FotaException e)
            {
                throw new FotaException(FotaResult.Refused, "redirected to an unusable address: " + e.Message);
            }

            if (from.Secure && !target.Secure)
            {
                throw new FotaException(FotaResult.Refused, "redirected from https to http (" + next
                    + "): refused, the firmware would travel unprotected");
            }

            for (int i = 0; i <= hop; i++)
            {
                if (visited[i] == next)
                {
                    throw new FotaException(FotaResult.Refused, "redirect loop: " + url + " leads back to " + next);
                }
            }

            if (hop == MaxRedirects)
            {
                throw new FotaException(FotaResult.Refused, "more than " + MaxRedirects.ToString() + " redirects (the last to " + next + ")");
            }

            return next;
        }

        private static IConnection Connect(RequestPlan plan, HttpTarget target, RequestClock clock)
        {
            clock.ThrowIfExpired();
            IConnection connection;
            try
            {
                connection = plan.Connector.Open(target.Host, target.Port, target.Secure, plan.Options, plan.ReadTimeout);
            }
            catch (FotaException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "cannot connect to " + target.HostHeader + ": " + e.Message);
            }

            if (connection == null)
            {
                throw new FotaException(FotaResult.InternalError, "the connector returned no connection");
            }

            return connection;
        }

        private static void Send(IConnection connection, byte[] data)
        {
            try
            {
                connection.Write(data, 0, data.Length);
            }
            catch (FotaException)
            {
                throw;
            }
            catch (Exception e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "sending the request failed: " + e.Message);
            }
        }

        private static void CloseQuietly(IConnection connection)
        {
            try
            {
                connection.Close();
            }
            catch (Exception)
            {
                // Closing is best effort; the result is already decided.
            }
        }
    }
}
