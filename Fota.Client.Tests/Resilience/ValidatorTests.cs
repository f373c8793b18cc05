using System;
using System.IO;
using System.Linq;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Resilience
{
    /// <summary>
    /// Which header makes a download resumable (a strong ETag, else Last-Modified; never a weak ETag), and Retry-After as
    /// seconds or as a date. A scripted server that serves ranges the way the test says.
    /// </summary>
    public sealed class ValidatorTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();
        private readonly byte[] image = Firmware.Make(50_000);
        private readonly VirtualTime time = new VirtualTime();

        public void Dispose() => folder.Dispose();

        // The first answer stops half-way; a request with Range gets the rest as 206, with the same validator headers.
        private ScriptedServer RangeServer(params string[] validators)
        {
            int half = image.Length / 2;
            return new ScriptedServer(c =>
            {
                string head = string.Concat(validators.Select(v => v + "\r\n"));
                if (c.LastHead.Contains("Range: bytes=" + half + "-"))
                {
                    c.Send(Encoding.ASCII.GetBytes("HTTP/1.1 206 Partial\r\nContent-Length: " + (image.Length - half) + "\r\nContent-Range: bytes "
                        + half + "-" + (image.Length - 1) + "/" + image.Length + "\r\n" + head + "\r\n"));
                    c.Send(image.Skip(half).ToArray());
                    return;
                }

                c.Send(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: " + image.Length + "\r\n" + head + "\r\n"));
                c.Send(image.Take(half).ToArray());
            });
        }

        private FotaReport Run(ScriptedServer server)
        {
            FotaOptions options = time.Apply(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin")),
                new Sha256Verifier(Firmware.Sha256Hex(image))));
            options.MaxAttempts = 2;
            return FotaClient.Run(options);
        }

        [Theory]
        [InlineData("If-Range: \"v1\"", "ETag: \"v1\"", "Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT")]
        [InlineData("If-Range: \"v1\"", "Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT", "ETag: \"v1\"")]
        [InlineData("If-Range: Wed, 21 Oct 2015 07:28:00 GMT", "ETag: W/\"weak\"", "Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT")]
        [InlineData("If-Range: Wed, 21 Oct 2015 07:28:00 GMT", "Last-Modified: Wed, 21 Oct 2015 07:28:00 GMT")]
        public void AStrongETagElseLastModifiedGoesIntoIfRange(string ifRange, params string[] validators)
        {
            using ScriptedServer server = RangeServer(validators);

            FotaReport report = Run(server);

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(folder.File("update.bin")));
            Assert.Contains(ifRange + "\r\n", server.Requests.ToArray()[1]);
        }

        [Theory]
        [InlineData("ETag: W/\"weak\"")]
        [InlineData("X-Nothing: here")]
        public void WithoutAUsableValidatorADropStartsOver(string header)
        {
            using ScriptedServer server = RangeServer(header);

            FotaReport report = Run(server);

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            Assert.DoesNotContain("Range:", server.Requests.ToArray()[1]);
            Assert.Empty(folder.Files());
        }

        [Theory]
        [InlineData("Retry-After: 30", 30_000)]
        [InlineData("Date: Wed, 21 Oct 2015 07:28:00 GMT\r\nRetry-After: Wed, 21 Oct 2015 07:29:30 GMT", 90_000)]
        public void RetryAfterIsReadAsSecondsOrAsADateFromTheReplysOwnDate(string headers, long wait)
        {
            byte[] reply = Encoding.ASCII.GetBytes("HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n" + headers + "\r\n\r\n");
            using var server = new ScriptedServer(c => c.Send(reply));
            FotaOptions options = time.Apply(TestOptions.For(server.BaseUrl, new FileRegion(folder.File("update.bin"))));
            options.Timeout = 60_000;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.Refused, report.Result);
            Assert.Equal(wait, report.RetryAfterMilliseconds);
        }
    }
}
