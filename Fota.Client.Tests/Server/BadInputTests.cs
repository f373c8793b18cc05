using System;
using System.Collections.Generic;
using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>Malformed requests get a clear 4xx JSON answer and leave the database and firmware folder as they were.</summary>
    public class BadInputTests
    {
        [Fact]
        public void MalformedRequestsAnswer4xxJsonAndChangeNothing()
        {
            using var harness = new ServerHarness();
            harness.Get(ServerHarness.Query("bound", harness.KeyA, "app", "1.0.1"));
            string before = harness.DumpDatabase();
            string a = harness.KeyA;
            string p = FotaServer.UpgradePath + "?";

            var requests = new List<string>
            {
                p.TrimEnd('?'),
                p,
                p + "imei=new1",
                p + "IMEI=new1&project_key=" + a + "&firmware_name=app&version=1.0.1",
                p + "imei=new1&Project_Key=" + a + "&firmware_name=app&version=1.0.1",
                p + "imei=new1&project_key=" + a + "&firmware_name=app",
                p + "imei=new1&project_key=" + a + "&version=1.0.1",
                p + "imei=&project_key=" + a + "&firmware_name=app&version=1.0.1",
                p + "imei=new1&project_key=&firmware_name=app&version=1.0.1",
                p + "imei=new1&project_key=" + a + "&firmware_name=&version=1.0.1",
                p + "imei=new1&project_key=" + a + "&firmware_name=app&version=",
                p + "imei=new1&imei=new2&project_key=" + a + "&firmware_name=app&version=1.0.1",
                p + "imei=new1&project_key=" + a + "&project_key=" + harness.KeyB + "&firmware_name=app&version=1.0.1",
                ServerHarness.Query(new string('9', 129), a, "app", "1.0.1"),
                ServerHarness.Query(new string('9', 4000), a, "app", "1.0.1"),
                ServerHarness.Query("new1", new string('K', 129), "app", "1.0.1"),
                ServerHarness.Query("new1", a, new string('f', 3000), "1.0.1"),
                ServerHarness.Query("new1", a, "app", new string('1', 200)),
                ServerHarness.Query("new1", a, "app", "1.0"),
                ServerHarness.Query("new1", a, "app", "1.0.0.0"),
                ServerHarness.Query("new1", a, "app", "1..0"),
                ServerHarness.Query("new1", a, "app", "100000.0.0"),
                ServerHarness.Query("new1", a, "app", "1.0.1000"),
                ServerHarness.Query("new1", a, "app", " 1.0.1"),
                ServerHarness.Query("new1", a, "app", "1.0.1\n"),
                ServerHarness.Query("new1", a, "../app", "1.0.1"),
                ServerHarness.Query("new1", a, "../../fota.db", "1.0.1"),
                ServerHarness.Query("new1", a, "..\\..\\fota.db", "1.0.1"),
                ServerHarness.Query("new1", a, "/etc/passwd", "1.0.1"),
                ServerHarness.Query("new1", a, "app\0", "1.0.1"),
                ServerHarness.Query("new1", a, "firmware/x.bin", "1.0.1"),
                ServerHarness.Query("../new1", a, "app", "1.0.1"),
                ServerHarness.Query("new1\r\nX: y", a, "app", "1.0.1"),
                ServerHarness.Query("new1", a + "' OR '1'='1", "app", "1.0.1"),
                ServerHarness.Query("new1", "NoSuchProjectKey", "app", "1.0.1"),
                p + "imei=new1&project_key=" + a + "&firmware_name=..%2F..%2Ffota.db&version=1.0.1",
                p + "imei=new1&project_key=" + a + "&firmware_name=%2e%2e%2fapp&version=1.0.1",
                p + "imei=new1&project_key=" + a + "&firmware_name=%ZZ&version=1.0.1",
                p + "imei=%C0%AE%C0%AE&project_key=" + a + "&firmware_name=app&version=1.0.1",
            };

            foreach (string request in requests)
            {
                Reply reply = harness.Get(request);
                Assert.True(reply.Status >= 400 && reply.Status < 500 && reply.Code > 0,
                    Shorten(request) + " -> " + reply);
            }

            Assert.Equal(before, harness.DumpDatabase());
        }

        [Fact]
        public void AQueryBeyondKestrelsLineLimitIsRefusedToo()
        {
            using var harness = new ServerHarness();
            string before = harness.DumpDatabase();

            Reply reply = harness.Get(ServerHarness.Query(new string('9', 20000), harness.KeyA, "app", "1.0.1"));

            Assert.InRange(reply.Status, 400, 499);
            Assert.Equal(before, harness.DumpDatabase());
        }

        private static string Shorten(string text)
        {
            return text.Length > 160 ? text.Substring(0, 160) + "..." : text;
        }
    }
}
