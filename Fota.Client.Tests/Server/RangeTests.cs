using System;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Security.Cryptography;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>How the firmware body is served: headers, single byte ranges, 416, and a resumed download.</summary>
    public class RangeTests
    {
        private const int Length = 10000;

        [Fact]
        public void TheWholeFileComesWithLengthTypeAndAcceptRanges()
        {
            using var harness = Harness(out string request, out byte[] file);

            Reply reply = harness.Get(request);

            Assert.Equal(200, reply.Status);
            Assert.Equal(file, reply.Body);
            Assert.Equal(Length, reply.ContentLength);
            Assert.Equal("application/octet-stream", reply.ContentType);
            Assert.Equal("bytes", reply.AcceptRanges);
            Assert.Null(reply.ContentRange);
            Assert.Equal("\"" + Convert.ToHexStringLower(SHA256.HashData(file)) + "\"", reply.ETag);
        }

        [Theory]
        [InlineData("bytes=0-0", 0, 1)]
        [InlineData("bytes=1000-1999", 1000, 1000)]
        [InlineData("bytes=9990-", 9990, 10)]
        [InlineData("bytes=-100", 9900, 100)]
        [InlineData("bytes=-20000", 0, Length)]
        [InlineData("bytes=9000-99999999999999999999999", 9000, 1000)]
        [InlineData("bytes=0-", 0, Length)]
        public void ASingleRangeIsAnsweredWith206(string range, int offset, int count)
        {
            using var harness = Harness(out string request, out byte[] file);

            Reply reply = harness.Get(request, ("Range", range));

            Assert.Equal(206, reply.Status);
            Assert.Equal("bytes " + offset + "-" + (offset + count - 1) + "/" + Length, reply.ContentRange);
            Assert.Equal(count, reply.ContentLength);
            Assert.Equal(file.Skip(offset).Take(count).ToArray(), reply.Body);
            Assert.Equal("bytes", reply.AcceptRanges);
        }

        [Theory]
        [InlineData("bytes=10000-")]
        [InlineData("bytes=10000-10005")]
        [InlineData("bytes=-0")]
        [InlineData("bytes=99999999999999999999999-")]
        public void AnUnsatisfiableRangeIs416WithTheLength(string range)
        {
            using var harness = Harness(out string request, out _);

            Reply reply = harness.Get(request, ("Range", range));

            Assert.Equal(416, reply.Status);
            Assert.Equal("bytes */" + Length, reply.ContentRange);
            Assert.Empty(reply.Body);
        }

        [Theory]
        [InlineData("bytes=0-9,20-29")]
        [InlineData("bytes=5-2")]
        [InlineData("items=0-9")]
        [InlineData("bytes=a-b")]
        public void AMalformedOrMultipleRangeIsIgnored(string range)
        {
            using var harness = Harness(out string request, out byte[] file);

            Reply reply = harness.Get(request, ("Range", range));

            Assert.Equal(200, reply.Status);
            Assert.Equal(file, reply.Body);
        }

        [Fact]
        public void IfRangeWithAnotherFilesTagSendsTheWholeFile()
        {
            using var harness = Harness(out string request, out byte[] file);

            Reply reply = harness.Get(request, ("Range", "bytes=5000-"), ("If-Range", "\"0000\""));

            Assert.Equal(200, reply.Status);
            Assert.Equal(file, reply.Body);
        }

        [Fact]
        public void ADownloadCutShortAndResumedMatchesTheFile()
        {
            using var harness = Harness(out string request, out byte[] file);

            // Read part of a full download, then hang up as a device losing its connection would.
            var partial = new MemoryStream();
            string etag;
            using (HttpResponseMessage response = harness.Client.Send(new HttpRequestMessage(HttpMethod.Get, request), HttpCompletionOption.ResponseHeadersRead))
            {
                etag = response.Headers.ETag.ToString();
                using Stream body = response.Content.ReadAsStream();
                byte[] buffer = new byte[1234];
                while (partial.Length < 3000)
                {
                    int read = body.Read(buffer, 0, buffer.Length);
                    Assert.True(read > 0);
                    partial.Write(buffer, 0, read);
                }
            }

            long offset = partial.Length;
            Reply rest = harness.Get(request, ("Range", "bytes=" + offset + "-"), ("If-Range", etag));

            Assert.Equal(206, rest.Status);
            Assert.Equal("bytes " + offset + "-" + (Length - 1) + "/" + Length, rest.ContentRange);
            byte[] whole = partial.ToArray().Concat(rest.Body).ToArray();
            Assert.Equal(file, whole);
            Assert.Equal(SHA256.HashData(file), SHA256.HashData(whole));
        }

        private static ServerHarness Harness(out string request, out byte[] file)
        {
            var harness = new ServerHarness(seed: false);
            string key = harness.Catalog.CreateProject("Ranges").Key;
            harness.AddFirmware("Ranges", key, "big", "1.0.2", Length);
            request = ServerHarness.Query("ranger", key, "big", "1.0.1");
            file = harness.File("Ranges", "big", "1.0.2");
            return harness;
        }
    }
}
