using System;
using System.Collections.Generic;
using System.Linq;
using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>
    /// Every rule of GET /api/site/firmware_upgrade as one row: optional set-up (earlier requests, admin actions),
    /// one request, the expected HTTP status and JSON code (-1: a firmware is served; its bytes are compared).
    /// Each row runs against its own fresh server.
    /// </summary>
    public class UpgradeRulesTests
    {
        private sealed record Case(Action<ServerHarness> Setup, Func<ServerHarness, string> Request, int Status, int Code, string Served = null);

        private static readonly Dictionary<string, Case> Cases = new Dictionary<string, Case>
        {
            // Firmware choice: newest entry newer than the device, middle segment ignored.
            ["new device, older version: gets the newest (1.0.5)"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.0.1"), 200, -1, "Alpha app 1.0.5"),
            ["version equal to the newest: 27"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.0.5"), 409, 27),
            ["1.9.5 against 1.0.5: middle ignored, 27"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.9.5"), 409, 27),
            ["1.9.4 against 1.0.5: middle ignored, served"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.9.4"), 200, -1, "Alpha app 1.0.5"),
            ["0.9.9 against 1.0.5: first segment decides, served"] = new Case(null, h => Q("d1", h.KeyA, "app", "0.9.9"), 200, -1, "Alpha app 1.0.5"),
            ["2.0.0 against 1.0.5: newer device, 27 (no downgrade)"] = new Case(null, h => Q("d1", h.KeyA, "app", "2.0.0"), 409, 27),
            ["core-style version 1025.1.0 against 1.0.5: 27"] = new Case(null, h => Q("d1", h.KeyA, "app", "1025.1.0"), 409, 27),

            // Projects and firmware names.
            ["unknown project key: 25"] = new Case(null, h => Q("d1", "NoSuchKey0123456789abcdefABCDEFgh", "app", "1.0.1"), 404, 25),
            ["firmware name not in the project: 26"] = new Case(null, h => Q("d1", h.KeyA, "nope", "1.0.1"), 404, 26),
            ["firmware name of another project: 26"] = new Case(h => h.AddFirmware("Beta", h.KeyB, "only-beta", "1.0.1", 10),
                h => Q("d1", h.KeyA, "only-beta", "1.0.0"), 404, 26),

            // Malformed requests: 400 with the code of the parameter concerned.
            ["IMEI in upper case: 3"] = new Case(null, h => Raw("IMEI=d1&project_key=" + h.KeyA + "&firmware_name=app&version=1.0.1"), 400, 3),
            ["imei missing: 3"] = new Case(null, h => Raw("project_key=" + h.KeyA + "&firmware_name=app&version=1.0.1"), 400, 3),
            ["imei empty: 3"] = new Case(null, h => Q("", h.KeyA, "app", "1.0.1"), 400, 3),
            ["imei twice: 3"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.0.1") + "&imei=d2", 400, 3),
            ["imei of 129 characters: 3"] = new Case(null, h => Q(new string('7', 129), h.KeyA, "app", "1.0.1"), 400, 3),
            ["imei with a space: 3"] = new Case(null, h => Q("d 1", h.KeyA, "app", "1.0.1"), 400, 3),
            ["project_key missing: 25"] = new Case(null, h => Raw("imei=d1&firmware_name=app&version=1.0.1"), 400, 25),
            ["project_key with punctuation: 25"] = new Case(null, h => Q("d1", h.KeyA + "'", "app", "1.0.1"), 400, 25),
            ["firmware_name missing: 26"] = new Case(null, h => Raw("imei=d1&project_key=" + h.KeyA + "&version=1.0.1"), 400, 26),
            ["firmware_name ../app: 26"] = new Case(null, h => Q("d1", h.KeyA, "../app", "1.0.1"), 400, 26),
            ["firmware_name with a slash: 26"] = new Case(null, h => Q("d1", h.KeyA, "fw/app", "1.0.1"), 400, 26),
            ["firmware_name of 129 characters: 26"] = new Case(null, h => Q("d1", h.KeyA, new string('a', 129), "1.0.1"), 400, 26),
            ["version missing: 44"] = new Case(null, h => Raw("imei=d1&project_key=" + h.KeyA + "&firmware_name=app"), 400, 44),
            ["version of two segments: 44"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.0"), 400, 44),
            ["version segment above 999: 44"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.1000.0"), 400, 44),
            ["version with letters: 44"] = new Case(null, h => Q("d1", h.KeyA, "app", "1.0.a"), 400, 44),
            ["version negative: 44"] = new Case(null, h => Q("d1", h.KeyA, "app", "-1.0.0"), 400, 44),

            // Ownership: bindings, accounts, bans.
            ["bound device, another project's key (same account): 25"] = new Case(h => h.Get(Q("d2", h.KeyA, "app", "1.0.1")),
                h => Q("d2", h.KeyB, "app", "1.0.1"), 403, 25),
            ["bound device, another account's key: 25"] = new Case(h => h.Get(Q("d3", h.KeyA, "app", "1.0.1")),
                h => Q("d3", h.KeyG, "app", "1.0.1"), 403, 25),
            ["bound device, its own key again: served"] = new Case(h => h.Get(Q("d3", h.KeyA, "app", "1.0.1")),
                h => Q("d3", h.KeyA, "app", "1.0.3"), 200, -1, "Alpha app 1.0.5"),
            ["unbound device, key of another account: 17"] = new Case(h => { h.Get(Q("d4", h.KeyA, "app", "1.0.1")); h.Catalog.UnbindDevice("d4"); },
                h => Q("d4", h.KeyG, "app", "1.0.1"), 403, 17),
            ["unbound device, key of its account: binds anew, served"] = new Case(h => { h.Get(Q("d5", h.KeyA, "app", "1.0.1")); h.Catalog.UnbindDevice("d5"); },
                h => Q("d5", h.KeyB, "app", "1.0.1"), 200, -1, "Beta app 1.0.9"),
            ["rebound device, its old key: 25"] = new Case(h => { h.Get(Q("d5", h.KeyA, "app", "1.0.1")); h.Catalog.UnbindDevice("d5"); h.Get(Q("d5", h.KeyB, "app", "1.0.1")); },
                h => Q("d5", h.KeyA, "app", "1.0.1"), 403, 25),
            ["device moved to another account: served there"] = new Case(h => { h.Get(Q("d6", h.KeyA, "app", "1.0.1")); h.Catalog.MoveDevice("d6", h.KeyG); },
                h => Q("d6", h.KeyG, "app", "1.0.1"), 200, -1, "Gamma app 1.0.9"),
            ["device moved before its first request: old key 25"] = new Case(h => h.Catalog.MoveDevice("d7", h.KeyG),
                h => Q("d7", h.KeyA, "app", "1.0.1"), 403, 25),
            ["banned device: 21"] = new Case(h => { h.Get(Q("d8", h.KeyA, "app", "1.0.1")); h.Catalog.BanDevice("d8"); },
                h => Q("d8", h.KeyA, "app", "1.0.1"), 403, 21),
            ["banned device, another key: still 21"] = new Case(h => { h.Get(Q("d8", h.KeyA, "app", "1.0.1")); h.Catalog.BanDevice("d8"); },
                h => Q("d8", h.KeyG, "app", "1.0.1"), 403, 21),
            ["unbanned device: served"] = new Case(h => { h.Get(Q("d8", h.KeyA, "app", "1.0.1")); h.Catalog.BanDevice("d8"); h.Catalog.UnbanDevice("d8"); },
                h => Q("d8", h.KeyA, "app", "1.0.1"), 200, -1, "Alpha app 1.0.5"),

            // Firmware being prepared.
            ["newest is pending: 43, not the older ready one"] = new Case(null, h => Q("d9", h.KeyA, "slow", "1.0.0"), 503, 43),
            ["pending marked ready: served"] = new Case(h => h.Catalog.MarkFirmwareReady(h.PendingId),
                h => Q("d9", h.KeyA, "slow", "1.0.0"), 200, -1, "Alpha slow 2.0.0"),
            ["device newer than the pending entry: 27"] = new Case(null, h => Q("d9", h.KeyA, "slow", "2.0.1"), 409, 27),
        };

        public static TheoryData<string> CaseNames
        {
            get
            {
                var names = new TheoryData<string>();
                foreach (string name in Cases.Keys)
                {
                    names.Add(name);
                }

                return names;
            }
        }

        [Theory]
        [MemberData(nameof(CaseNames))]
        public void Rule(string name)
        {
            Case row = Cases[name];
            using var harness = new ServerHarness();
            row.Setup?.Invoke(harness);

            Reply reply = harness.Get(row.Request(harness));

            Assert.True(reply.Status == row.Status && reply.Code == row.Code,
                name + ": expected " + row.Status + " code " + row.Code + ", got " + reply);
            if (row.Served != null)
            {
                Assert.Equal(harness.File(row.Served.Split(' ')[0], row.Served.Split(' ')[1], row.Served.Split(' ')[2]), reply.Body);
                Assert.Equal("application/octet-stream", reply.ContentType);
            }
            else
            {
                Assert.StartsWith("application/json", reply.ContentType);
                Assert.True(reply.Status > 299);
            }
        }

        [Fact]
        public void AlreadyLatestIsThePlatformsJsonWithEscapedChinese()
        {
            using var harness = new ServerHarness();

            Reply reply = harness.Get(Q("d1", harness.KeyA, "app", "1.0.5"));

            // The platform's own bytes for code 27, then this server's English detail.
            Assert.StartsWith("{\"code\":27,\"msg\":\"\\u5df2\\u662f\\u6700\\u65b0\\u7248\\u672c\",\"detail\":\"already the latest version: ", reply.Text);
            Assert.Equal("已是最新版本", reply.Message);
            Assert.All(reply.Body, b => Assert.True(b < 0x80));
        }

        [Fact]
        public void PleaseWaitAndLoopingCarryRetryAfter()
        {
            using var harness = new ServerHarness(maxUpgradesPerDay: 1);

            Reply wait = harness.Get(Q("d1", harness.KeyA, "slow", "1.0.0"));
            harness.Get(Q("d1", harness.KeyA, "app", "1.0.0"));
            Reply looping = harness.Get(Q("d1", harness.KeyA, "app", "1.0.0"));

            Assert.Equal(43, wait.Code);
            Assert.Equal(90, wait.RetryAfter);
            Assert.Equal(40, looping.Code);
            Assert.InRange(looping.RetryAfter.Value, 1, 86400);
        }

        [Fact]
        public void OtherPathsAndMethodsAreNotTheUpgradeEndpoint()
        {
            using var harness = new ServerHarness();

            Reply otherPath = harness.Get("/api/site/other?imei=d1");
            using var post = new System.Net.Http.HttpRequestMessage(System.Net.Http.HttpMethod.Post, Q("d1", harness.KeyA, "app", "1.0.1"));
            int postStatus = (int)harness.Client.Send(post).StatusCode;

            Assert.Equal(404, otherPath.Status);
            Assert.Equal(405, postStatus);
            Assert.Empty(harness.Catalog.ListDevices());
        }

        [Fact]
        public void FirstRequestBindsTheDeviceToTheKeysProjectAndAccount()
        {
            using var harness = new ServerHarness();

            harness.Get(Q("C81234567830", harness.KeyG, "app", "1.0.1"));
            harness.Get(Q("C81234567830", harness.KeyA, "app", "1.0.1"));

            DeviceInfo device = Assert.Single(harness.Catalog.ListDevices());
            Assert.Equal("C81234567830", device.Imei);
            Assert.Equal("Gamma", device.Project);
            Assert.Equal("other", device.Account);
            Assert.Equal("1.0.1", device.LastVersion);
        }

        private static string Q(string imei, string key, string name, string version)
        {
            return ServerHarness.Query(imei, key, name, version);
        }

        private static string Raw(string query)
        {
            return Fota.Server.FotaServer.UpgradePath + "?" + query;
        }
    }
}
