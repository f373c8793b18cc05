using System;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>If-None-Match/If-Modified-Since give 304, If-Match/If-Unmodified-Since 412; neither counts as a download.</summary>
    public class ConditionalRequestTests
    {
        [Fact]
        public void ConditionalAnswersFollowTheEtagAndUploadTimeAndAreNotCounted()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 1);
            string outdated = ServerHarness.Query("cond", harness.KeyA, "app", "1.0.1");
            string etag = "\"" + System.Linq.Enumerable.Single(harness.Catalog.ListFirmware(), f => f.Name == "app" && f.Version == "1.0.5").Sha256 + "\"";

            Reply notModified = harness.Get(outdated, ("If-None-Match", etag));
            Reply anyNotModified = harness.Get(outdated, ("If-None-Match", "\"other\", *"));
            Reply weakNotModified = harness.Get(outdated, ("If-None-Match", "W/" + etag));
            Reply notModifiedSince = harness.Get(outdated, ("If-Modified-Since", DateTimeOffset.UtcNow.AddDays(1).ToString("r")));
            Reply wrongMatch = harness.Get(outdated, ("If-Match", "\"0000\""));
            Reply weakMatch = harness.Get(outdated, ("If-Match", "W/" + etag));
            Reply modifiedSinceThen = harness.Get(outdated, ("If-Unmodified-Since", "Mon, 01 Jan 1990 00:00:00 GMT"));

            Assert.Equal((304, 0), (notModified.Status, notModified.Body.Length));
            Assert.Equal(etag, notModified.ETag);
            Assert.Equal(304, anyNotModified.Status);
            Assert.Equal(304, weakNotModified.Status);
            Assert.Equal(304, notModifiedSince.Status);
            Assert.Equal((412, 0), (wrongMatch.Status, wrongMatch.Body.Length));
            Assert.Equal(412, weakMatch.Status); // If-Match compares strongly
            Assert.Equal(412, modifiedSinceThen.Status);

            // None of the seven counted: the one download of the day is still there, and then it is used up.
            Reply matching = harness.Get(outdated, ("If-Match", etag), ("If-None-Match", "\"other\""));
            Assert.Equal(200, matching.Status);
            Assert.Equal(harness.File("Alpha", "app", "1.0.5"), matching.Body);
            Assert.Equal(40, harness.Get(outdated).Code);
        }

        [Fact]
        public void ARefusalIsNotTurnedInto304()
        {
            using var harness = new ServerHarness();

            Reply reply = harness.Get(ServerHarness.Query("cond", harness.KeyA, "app", "1.0.5"), ("If-None-Match", "*"));

            Assert.Equal((409, 27), (reply.Status, reply.Code));
        }

        [Fact]
        public void MethodsAreCaseSensitive()
        {
            using var harness = new ServerHarness();
            string query = ServerHarness.Query("case", harness.KeyA, "app", "1.0.1");

            string lower = RawHttp.Exchange(harness.Server.BaseUrl, "get " + query + " HTTP/1.1\nHost: x\nConnection: close\n", false);
            string upper = RawHttp.Exchange(harness.Server.BaseUrl, "GET " + query + " HTTP/1.1\nHost: x\nConnection: close\n", false);

            Assert.StartsWith("HTTP/1.1 405", lower);
            Assert.Contains("Allow: GET", lower);
            Assert.StartsWith("HTTP/1.1 200", upper);
            Assert.Equal("Alpha", Assert.Single(harness.Catalog.ListDevices()).Project);
        }
    }
}
