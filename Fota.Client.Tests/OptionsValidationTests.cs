using System;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests
{
    /// <summary>Bad options are reported before any network traffic: the server never sees a connection.</summary>
    public sealed class OptionsValidationTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();
        private readonly ScriptedServer server = new ScriptedServer(c => c.Send(ScriptedServer.Reply(200, "image")));

        public void Dispose()
        {
            server.Dispose();
            folder.Dispose();
        }

        private FotaOptions Valid() => TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")));

        public static TheoryData<string, FotaResult, int, string> Cases => new TheoryData<string, FotaResult, int, string>
        {
            { "no region", FotaResult.InvalidOptions, 4, "Region" },
            { "chunk 100", FotaResult.InvalidOptions, 4, "ChunkSize" },
            { "chunk 70000", FotaResult.InvalidOptions, 4, "ChunkSize" },
            { "timeout 0", FotaResult.InvalidOptions, 4, "Timeout" },
            { "read timeout -1", FotaResult.InvalidOptions, 4, "Timeout" },
            { "no attempt", FotaResult.InvalidOptions, 4, "MaxAttempts 0 is outside 1-100" },
            { "101 attempts", FotaResult.InvalidOptions, 4, "MaxAttempts 101 is outside 1-100" },
            { "negative retry delay", FotaResult.InvalidOptions, 4, "RetryDelay -1 is outside 0-60000" },
            { "if-range header", FotaResult.InvalidOptions, 4, "'If-Range' is set by the library" },
            { "null verifier", FotaResult.InvalidOptions, 4, "Verifiers[1]" },
            { "method with space", FotaResult.InvalidOptions, 4, "Method" },
            { "empty method", FotaResult.InvalidOptions, 4, "Method" },
            { "header injection", FotaResult.InvalidOptions, 4, "line break" },
            { "header without colon", FotaResult.InvalidOptions, 4, "Name: value" },
            { "host header", FotaResult.InvalidOptions, 4, "set by the library" },
            { "transfer-encoding header", FotaResult.InvalidOptions, 4, "'Transfer-Encoding' is set by the library" },
            { "content-length header", FotaResult.InvalidOptions, 4, "'content-length' is set by the library" },
            { "connection header", FotaResult.InvalidOptions, 4, "'Connection' is set by the library" },
            { "accept-encoding header", FotaResult.InvalidOptions, 4, "'Accept-Encoding' is set by the library" },
            { "null header", FotaResult.InvalidOptions, 4, "null entry" },
            { "bad version", FotaResult.InvalidVersion, 5, "1.0" },
            { "no imei", FotaResult.InvalidOptions, 4, "Imei" },
            { "device id parameter with '='", FotaResult.InvalidOptions, 4, "DeviceIdParameter 'mac='" },
            { "no firmware name", FotaResult.InvalidOptions, 4, "FirmwareName" },
            { "platform without key", FotaResult.MissingProjectKey, 5, "ProjectKey" },
            { "ftp url", FotaResult.InvalidUrl, 1, "http://" },
            { "no host", FotaResult.InvalidUrl, 1, "no host" },
            { "bad port", FotaResult.InvalidUrl, 1, "port" },
            { "user info", FotaResult.InvalidUrl, 1, "user information" },
            { "space in verbatim url", FotaResult.InvalidUrl, 1, "space" },
        };

        [Theory]
        [MemberData(nameof(Cases))]
        public void IsReportedBeforeAnyTraffic(string problem, FotaResult expected, int legacy, string mention)
        {
            FotaOptions options = Valid();
            switch (problem)
            {
                case "no region": options.Region = null; break;
                case "chunk 100": options.ChunkSize = 100; break;
                case "chunk 70000": options.ChunkSize = 70000; break;
                case "no attempt": options.MaxAttempts = 0; break;
                case "101 attempts": options.MaxAttempts = 101; break;
                case "negative retry delay": options.RetryDelay = -1; break;
                case "if-range header": options.Headers = new[] { "If-Range: \"x\"" }; break;
                case "timeout 0": options.Timeout = 0; break;
                case "read timeout -1": options.ReadTimeout = -1; break;
                case "null verifier": options.Verifiers = new IFotaVerifier[] { new LengthVerifier(5), null }; break;
                case "method with space": options.Method = "GE T"; break;
                case "empty method": options.Method = ""; break;
                case "header injection": options.Headers = new[] { "X-A: 1\r\nX-B: 2" }; break;
                case "header without colon": options.Headers = new[] { "X-A 1" }; break;
                case "host header": options.Headers = new[] { "host: elsewhere" }; break;
                case "transfer-encoding header": options.Headers = new[] { "X-Ok: 1", "Transfer-Encoding: chunked" }; break;
                case "content-length header": options.Headers = new[] { "content-length: 5" }; break;
                case "connection header": options.Headers = new[] { "Connection: keep-alive" }; break;
                case "accept-encoding header": options.Headers = new[] { "Accept-Encoding: gzip" }; break;
                case "null header": options.Headers = new string[] { null }; break;
                case "bad version": options.Version = "1.0"; break;
                case "no imei": options.Imei = ""; break;
                case "device id parameter with '='": options.DeviceIdParameter = "mac="; break;
                case "no firmware name": options.FirmwareName = null; break;
                case "platform without key": options.Url = FotaOptions.PlatformUrl; options.ProjectKey = null; break;
                case "ftp url": options.Url = "ftp://127.0.0.1/x"; break;
                case "no host": options.Url = "http:///path"; break;
                case "bad port": options.Url = "http://127.0.0.1:99999/x"; break;
                case "user info": options.Url = "http://me@127.0.0.1:" + server.Port + "/x"; break;
                case "space in verbatim url": options.Url = "###http://127.0.0.1:" + server.Port + "/a b"; break;
                default: throw new ArgumentException(problem);
            }

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(expected, report.Result);
            Assert.Equal(legacy, report.LegacyCode);
            Assert.Contains(mention, report.Detail);
            Assert.Equal(0, report.HttpStatus);
            Assert.Empty(server.Requests);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void TheDeviceIdIsSentUnderTheChosenName()
        {
            FotaOptions options = Valid();
            options.DeviceIdParameter = "mac";
            options.Imei = "C81234567830";

            FotaClient.Run(options);

            Assert.True(server.Requests.TryDequeue(out string head));
            Assert.StartsWith("GET /api/site/firmware_upgrade?mac=C81234567830&project_key=k&", head);
        }

        [Fact]
        public void TheBodyIsSentAfterTheHead()
        {
            byte[] body = Firmware.Make(3000);
            byte[] received = null;
            using var reader = new ScriptedServer(c =>
            {
                received = c.ReadExactly(body.Length);
                c.Send(ScriptedServer.Reply(409, "{\"code\":27}"));
            });
            FotaOptions options = Valid();
            options.Url = reader.BaseUrl;
            options.Method = "POST";
            options.Body = body;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.UpToDate, report.Result);
            Assert.Equal(body, received);
        }

        [Fact]
        public void ExtraHeadersAndBodyAreSent()
        {
            FotaOptions options = Valid();
            options.Method = "POST";
            options.Headers = new[] { "X-Device-Note: 固件", "Authorization: Bearer abc" };
            options.Body = new byte[] { 1, 2, 3 };

            FotaClient.Run(options);

            Assert.True(server.Requests.TryDequeue(out string head));
            Assert.StartsWith("POST /api/site/firmware_upgrade?imei=1&", head);
            Assert.Contains("\r\nAuthorization: Bearer abc\r\n", head);
            Assert.Contains("\r\nContent-Length: 3\r\n", head);
            Assert.Contains("\r\nConnection: close\r\n", head);
        }
    }
}
