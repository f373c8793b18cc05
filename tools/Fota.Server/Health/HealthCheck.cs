using System;
using System.Collections.Generic;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Http;
using Microsoft.Data.Sqlite;

namespace Fota.Server
{
    /// <summary>
    /// <c>GET /healthz</c> for operators and service monitors: 200 when fota.db is still the file the server
    /// opened and takes a write, and every firmware file the database names is in the firmware folder with its
    /// recorded size and can be opened; otherwise 503 with one line per problem. The answer is reused for a
    /// second, so polling it hard costs at most one small write a second.
    /// </summary>
    internal sealed class HealthCheck
    {
        /// <summary>The path of the check.</summary>
        public const string Path = "/healthz";

        private static readonly TimeSpan Reuse = TimeSpan.FromSeconds(1);

        private readonly FotaDatabase database;
        private readonly DatabaseWriter writer;
        private readonly RequestLog log;
        private readonly SemaphoreSlim one = new SemaphoreSlim(1, 1);
        private (long At, int Status, string Body) last = (long.MinValue, 0, null);

        public HealthCheck(FotaDatabase database, DatabaseWriter writer, RequestLog log)
        {
            this.database = database;
            this.writer = writer;
            this.log = log;
        }

        public async Task HandleAsync(HttpContext context)
        {
            (int status, string body) = await CheckAsync(context.RequestAborted);
            context.Response.StatusCode = status;
            context.Response.ContentType = "application/json; charset=utf-8";
            context.Response.Headers.CacheControl = "no-store";
            byte[] bytes = System.Text.Encoding.ASCII.GetBytes(body);
            context.Response.ContentLength = bytes.Length;
            if (status != 200)
            {
                log.Write(context, status + " " + body);
            }

            await context.Response.Body.WriteAsync(bytes, context.RequestAborted);
        }

        private async Task<(int Status, string Body)> CheckAsync(CancellationToken cancel)
        {
            await one.WaitAsync(cancel);
            try
            {
                // The file check is cheap and must never be hidden by a reused answer.
                string moved = writer.CheckMoved();
                if (last.Body != null && moved == null && Environment.TickCount64 - last.At < Reuse.TotalMilliseconds)
                {
                    return (last.Status, last.Body);
                }

                var problems = new List<string>();
                string databaseProblem = await CheckDatabaseAsync();
                if (databaseProblem != null)
                {
                    problems.Add(databaseProblem);
                }

                int files = CheckFirmware(problems);
                string body = problems.Count == 0
                    ? "{\"status\":\"ok\",\"database\":\"writable\",\"firmware\":\"" + files + " file(s) readable\"}"
                    : "{\"status\":\"failing\",\"problems\":[" + string.Join(",", problems.ConvertAll(JsonText.Quote)) + "]}";
                last = (Environment.TickCount64, problems.Count == 0 ? 200 : 503, body);
                return (last.Status, last.Body);
            }
            finally
            {
                one.Release();
            }
        }

        private async Task<string> CheckDatabaseAsync()
        {
            string moved = writer.CheckMoved();
            if (moved != null)
            {
                return moved;
            }

            try
            {
                string now = Sql.Timestamp(DateTimeOffset.UtcNow);
                Task<int> write = writer.RunAsync(c => Sql.Execute(c,
                    "INSERT INTO server_health (id, checked) VALUES (1, $now) ON CONFLICT (id) DO UPDATE SET checked = excluded.checked;", ("$now", now)),
                    CancellationToken.None);
                if (await Task.WhenAny(write, Task.Delay(TimeSpan.FromSeconds(5))) != write)
                {
                    return "fota.db: a write did not finish within 5 s (locked by another process, or a very slow disk)";
                }

                await write;
                return null;
            }
            catch (Exception e) when (UpgradeEndpoint.IsStorageFailure(e))
            {
                return "fota.db cannot be written: " + DatabaseWriter.Describe(e);
            }
        }

        private int CheckFirmware(List<string> problems)
        {
            var files = new List<(long Id, string File, long Length)>();
            try
            {
                if (!Directory.Exists(database.FirmwareDirectory))
                {
                    problems.Add("the firmware folder " + database.FirmwareDirectory + " is missing");
                    return 0;
                }

                using SqliteConnection connection = database.OpenExisting();
                using SqliteCommand list = Sql.Command(connection, "SELECT id, file, length FROM firmware ORDER BY id;");
                using SqliteDataReader reader = list.ExecuteReader();
                while (reader.Read())
                {
                    files.Add((reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2)));
                }
            }
            catch (Exception e) when (UpgradeEndpoint.IsStorageFailure(e))
            {
                problems.Add("the firmware list cannot be read: " + DatabaseWriter.Describe(e));
                return 0;
            }

            foreach ((long id, string name, long length) in files)
            {
                try
                {
                    using var file = new FileStream(FirmwareFiles.PathOf(database.FirmwareDirectory, name), FileMode.Open, FileAccess.Read, FileShare.Read, 1);
                    if (file.Length != length)
                    {
                        problems.Add("firmware #" + id + " is " + file.Length + " bytes on disk but " + length + " were uploaded");
                    }
                }
                catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
                {
                    problems.Add("firmware #" + id + " cannot be read: " + e.Message);
                }
            }

            return files.Count;
        }
    }
}
