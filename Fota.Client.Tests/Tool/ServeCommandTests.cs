using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using Fota.Server;
using Fota.Client.Tests.Server;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary><c>fota serve</c> as a process: it prints where it listens, serves devices and stops on SIGTERM.</summary>
    public class ServeCommandTests : IDisposable
    {
        private readonly string work = Path.Combine(Path.GetTempPath(), "fota-serve-" + Guid.NewGuid().ToString("N"));

        public ServeCommandTests()
        {
            Directory.CreateDirectory(work);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(work, true);
        }

        [Fact]
        public async System.Threading.Tasks.Task ServeAnswersDevicesAndStopsOnSigterm()
        {
            byte[] firmware = new byte[4321];
            new Random(5).NextBytes(firmware);
            File.WriteAllBytes(Path.Combine(work, "fw.bin"), firmware);
            string key = FotaProcess.Run(work, "project", "create", "demo", "--data", "d").Out.Trim();
            Assert.Equal(0, FotaProcess.Run(work, "firmware", "add", "--data", "d", "--project-key", key,
                "--name", "app", "--version", "1.0.2", "--file", "fw.bin").Exit);

            using Process serve = FotaProcess.Start(work, "serve", "--urls", "http://127.0.0.1:0", "--data", "d");
            try
            {
                string first = await serve.StandardOutput.ReadLineAsync();
                Assert.StartsWith("Listening on http://127.0.0.1:", first);
                string baseUrl = first.Split(' ')[2];

                using var client = new HttpClient();
                byte[] body = await client.GetByteArrayAsync(baseUrl + ServerHarness.Query("dev", key, "app", "1.0.1"));
                Assert.Equal(firmware, body);

                FotaProcess.Terminate(serve);
                Assert.True(serve.WaitForExit(20000), "fota serve did not stop on SIGTERM");
                string rest = await serve.StandardOutput.ReadToEndAsync();
                Assert.Equal(0, serve.ExitCode);
                Assert.Contains("-> 200 app 1.0.2", rest);
                Assert.Contains("Stopping.", rest);
            }
            finally
            {
                if (!serve.HasExited)
                {
                    serve.Kill();
                }
            }
        }

        [Fact]
        public void ServeOnABusyPortFailsWithStatus1()
        {
            using FotaServer busy = FotaServer.Start(new FotaServerOptions
            {
                DataDirectory = Path.Combine(work, "busy"),
                Urls = new[] { "http://127.0.0.1:0" },
            });

            var result = FotaProcess.Run(work, "serve", "--urls", busy.BaseUrl, "--data", "d");

            Assert.Equal(1, result.Exit);
            Assert.Contains("cannot serve", result.Err);
        }
    }
}
