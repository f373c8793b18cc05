using System;
using System.Globalization;
using System.IO;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;

namespace Fota.Server
{
    /// <summary>
    /// One line per request and per server event, each starting with the UTC time, then the client, method and
    /// path with the query (project keys cut to four characters, control characters escaped), then the outcome.
    /// Lines go through a bounded queue to one background writer, so a slow or full disk never holds up a
    /// request: when the queue is full, lines are dropped and the next line written says how many.
    /// </summary>
    internal sealed class RequestLog : IDisposable
    {
        private const int QueueLength = 16384;

        private readonly TextWriter writer;
        private readonly bool ownsWriter;
        private readonly TimeProvider time;
        private readonly Channel<object> lines;
        private readonly Task pump;
        private long dropped;
        private long failed;

        public RequestLog(TextWriter writer, bool ownsWriter, TimeProvider time)
        {
            this.writer = writer;
            this.ownsWriter = ownsWriter;
            this.time = time;
            if (writer != null)
            {
                lines = Channel.CreateBounded<object>(new BoundedChannelOptions(QueueLength)
                {
                    SingleReader = true,
                    FullMode = BoundedChannelFullMode.DropWrite,
                });
                pump = Task.Run(PumpAsync);
            }
        }

        /// <summary>A line about one request: time, client, method, path and query, then the outcome.</summary>
        public void Write(HttpContext context, string outcome)
        {
            if (writer == null)
            {
                return;
            }

            HttpRequest request = context.Request;
            Enqueue(context.Connection.RemoteIpAddress + " " + LogText.Escape(request.Method) + " "
                + LogText.Escape(request.Path.Value + LogText.RedactQuery(request.QueryString.Value)) + " -> " + LogText.Escape(outcome));
        }

        /// <summary>A line about the server itself (start-up, storage, connections).</summary>
        public void Write(string message)
        {
            if (writer != null)
            {
                Enqueue("server: " + LogText.Escape(message));
            }
        }

        /// <summary>Waits until every line queued so far is written (tests, shutdown).</summary>
        public void Flush()
        {
            if (writer == null)
            {
                return;
            }

            // A marker behind the lines queued so far; the pump completes it once they are written and flushed.
            var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            try
            {
                if (lines.Writer.WriteAsync(done).AsTask().Wait(TimeSpan.FromSeconds(5)))
                {
                    done.Task.Wait(TimeSpan.FromSeconds(5));
                }
            }
            catch (AggregateException)
            {
                // The log is closed: everything it took has been written.
            }
        }

        public void Dispose()
        {
            if (writer == null)
            {
                return;
            }

            lines.Writer.TryComplete();
            pump.Wait(TimeSpan.FromSeconds(5));
            if (ownsWriter)
            {
                writer.Dispose();
            }
        }

        private void Enqueue(string text)
        {
            string line = time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture) + " " + text;
            if (!lines.Writer.TryWrite(line))
            {
                Interlocked.Increment(ref dropped);
            }
        }

        private async Task PumpAsync()
        {
            while (await lines.Reader.WaitToReadAsync().ConfigureAwait(false))
            {
                TaskCompletionSource marker = null;
                while (marker == null && lines.Reader.TryRead(out object item))
                {
                    marker = item as TaskCompletionSource;
                    if (item is not string line)
                    {
                        continue;
                    }

                    long lost = Interlocked.Exchange(ref dropped, 0);
                    try
                    {
                        if (lost > 0)
                        {
                            writer.WriteLine(line.Substring(0, 25) + "server: " + lost + " log lines dropped (the log could not keep up)");
                        }

                        long unwritten = Interlocked.Exchange(ref failed, 0);
                        if (unwritten > 0)
                        {
                            writer.WriteLine(line.Substring(0, 25) + "server: " + unwritten + " log lines lost (the log could not be written)");
                        }

                        writer.WriteLine(line);
                    }
                    catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is UnauthorizedAccessException)
                    {
                        Interlocked.Add(ref failed, 1 + lost);
                    }
                }

                try
                {
                    writer.Flush();
                }
                catch (Exception e) when (e is IOException || e is ObjectDisposedException || e is UnauthorizedAccessException)
                {
                    Interlocked.Increment(ref failed);
                }

                marker?.TrySetResult();
            }
        }
    }
}
