using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Net.Sockets;
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

        [Theory]
        [InlineData("http://127.0.0.l:5081", "'127.0.0.l' is neither an IP address")]
        [InlineData("http://256.1.1.1:5081", "'256.1.1.1' is neither an IP address")]
        [InlineData("http://fota.example.com:5081", "host names are refused")]
        [InlineData("http://127.0.0.1:5081,http://0.0.0.O:5082", "'0.0.0.O' is neither an IP address")]
        public void AMistypedListenAddressIsRefusedWithStatus2(string urls, string reason)
        {
            var result = FotaProcess.Run(work, "serve", "--urls", urls, "--data", "d");

            Assert.Equal(2, result.Exit);
            Assert.Contains("fota: --urls: ", result.Err);
            Assert.Contains(reason, result.Err);
            Assert.False(Directory.Exists(Path.Combine(work, "d")), "nothing may be created for a refused command line");
        }

        [Fact]
        public async System.Threading.Tasks.Task WithUlimit256AFloodOfConnectionsIsRefusedAndTheServerLives()
        {
            string key = FotaProcess.Run(work, "project", "create", "demo", "--data", "d").Out.Trim();
            var start = new ProcessStartInfo("bash")
            {
                WorkingDirectory = work,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("ulimit -n 256; exec dotnet \"$0\" serve --urls http://127.0.0.1:0 --data d");
            start.ArgumentList.Add(FotaProcess.ToolPath);
            using Process serve = Process.Start(start);
            var flood = new List<Socket>();
            try
            {
                string first = await serve.StandardOutput.ReadLineAsync();
                Assert.StartsWith("Listening on http://127.0.0.1:", first);
                var baseUrl = new Uri(first.Split(' ')[2]);

                // More connections than the process has file descriptors.
                for (int i = 0; i < 400; i++)
                {
                    var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
                    socket.Connect(baseUrl.Host, baseUrl.Port);
                    flood.Add(socket);
                }

                Assert.True(RawHttp.StillOpen(flood, 64, 10000) <= 64, "the server kept more than 64 of the flood open");
                using var device = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
                using HttpResponseMessage reply = await device.GetAsync(new Uri(baseUrl, ServerHarness.Query("dev", key, "app", "1.0.1")));
                Assert.True((int)reply.StatusCode == 404, "expected the rules' 404 (no firmware named app), got " + (int)reply.StatusCode); 
                Assert.False(serve.HasExited, "fota serve died under the flood");

                flood.ForEach(s => s.Dispose());
                FotaProcess.Terminate(serve);
                Assert.True(serve.WaitForExit(20000), "fota serve did not stop on SIGTERM");
                string rest = await serve.StandardOutput.ReadToEndAsync();
                Assert.Equal(0, serve.ExitCode);
                Assert.Contains("Limits: at most 64 connections (lowered from 1000 to fit ulimit -n 256)", rest);
                Assert.Contains("connection limit 64 reached", rest);
            }
            finally
            {
                flood.ForEach(s => s.Dispose());
                if (!serve.HasExited)
                {
                    serve.Kill();
                }
            }
        }

        [Fact]
        public void BackupCopiesTheDataFolderAndRefusesToOverwrite()
        {
            byte[] firmware = new byte[999];
            File.WriteAllBytes(Path.Combine(work, "fw.bin"), firmware);
            string key = FotaProcess.Run(work, "project", "create", "demo", "--data", "d").Out.Trim();
            FotaProcess.Run(work, "firmware", "add", "--data", "d", "--project-key", key, "--name", "app", "--version", "1.0.2", "--file", "fw.bin");

            var first = FotaProcess.Run(work, "backup", "--data", "d", "--out", "copy");
            var again = FotaProcess.Run(work, "backup", "--data", "d", "--out", "copy");
            var listed = FotaProcess.Run(work, "firmware", "list", "--data", "copy");

            Assert.Equal(0, first.Exit);
            Assert.Contains("Backed up fota.db and 1 firmware file(s)", first.Out);
            Assert.Equal(1, again.Exit);
            Assert.Contains("is not empty", again.Err);
            Assert.Equal(0, listed.Exit);
            Assert.Contains("app", listed.Out);
            Assert.Single(Directory.GetFiles(Path.Combine(work, "copy", "firmware")));
        }
    }
}
