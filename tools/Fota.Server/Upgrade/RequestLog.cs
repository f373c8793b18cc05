using System;
using System.Globalization;
using System.IO;
using Microsoft.AspNetCore.Http;

namespace Fota.Server
{
    /// <summary>One line per request: time, client, query and outcome. Silent without a writer.</summary>
    internal sealed class RequestLog
    {
        private const int MaxQueryShown = 300;

        private readonly TextWriter writer;
        private readonly TimeProvider time;

        public RequestLog(TextWriter writer, TimeProvider time)
        {
            this.writer = writer == null ? null : TextWriter.Synchronized(writer);
            this.time = time;
        }

        public void Write(HttpContext context, string outcome)
        {
            if (writer == null)
            {
                return;
            }

            // Device input is logged shortened and without control characters so one request stays one line.
            string query = context.Request.QueryString.Value ?? "";
            if (query.Length > MaxQueryShown)
            {
                query = query.Substring(0, MaxQueryShown) + "…(" + query.Length + " chars)";
            }

            writer.WriteLine(time.GetUtcNow().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture) + " "
                + context.Connection.RemoteIpAddress + " " + context.Request.Method + " " + Clean(context.Request.Path.Value + query)
                + " -> " + Clean(outcome));
        }

        private static string Clean(string text)
        {
            var line = new System.Text.StringBuilder(text.Length);
            foreach (char c in text)
            {
                line.Append(c < 0x20 || c == 0x7F ? '?' : c);
            }

            return line.ToString();
        }
    }
}
