using System;
using System.IO;
using System.Net.Http;
using System.Threading.Tasks;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>
    /// Answers that need no write do not wait for the database's write lock; a binding is committed before the
    /// answer that depends on it; last-seen bookkeeping is written later, off the request.
    /// </summary>
    public class WritePathTests
    {
        [Fact]
        public async Task AKnownDeviceIsAnsweredWhileAnotherProcessHoldsTheWriteLockAndANewOneWaitsForIt()
        {
            using var harness = new ServerHarness();
            Assert.Equal(200, harness.Get(ServerHarness.Query("known", harness.KeyA, "app", "1.0.1")).Status);
            harness.Server.Flush();

            using var admin = new SqliteConnection("Data Source=" + Path.Combine(harness.DataDirectory, "fota.db") + ";Pooling=False");
            admin.Open();
            SqliteTransaction locked = admin.BeginTransaction(); // BEGIN IMMEDIATE: the write lock, as a long admin command would hold it
            Task<HttpResponseMessage> newDevice;
            try
            {
                Reply latest = harness.Get(ServerHarness.Query("known", harness.KeyA, "app", "1.0.5"));
                Reply wrongKey = harness.Get(ServerHarness.Query("known", harness.KeyB, "app", "1.0.1"));
                Assert.Equal((409, 27), (latest.Status, latest.Code));
                Assert.Equal((403, 25), (wrongKey.Status, wrongKey.Code));
                newDevice = harness.Client.GetAsync(ServerHarness.Query("fresh", harness.KeyA, "app", "1.0.1"));
            }
            finally
            {
                locked.Rollback();
            }

            using HttpResponseMessage answer = await newDevice;
            Assert.Equal(200, (int)answer.StatusCode);

            // The binding was durable before the answer: a fresh connection sees it at once.
            using var check = new SqliteConnection("Data Source=" + Path.Combine(harness.DataDirectory, "fota.db") + ";Mode=ReadOnly;Pooling=False");
            check.Open();
            using SqliteCommand select = check.CreateCommand();
            select.CommandText = "SELECT p.name FROM devices d JOIN projects p ON p.id = d.project_id WHERE d.imei = 'fresh';";
            Assert.Equal("Alpha", select.ExecuteScalar());
        }

        [Fact]
        public void LastSeenIsRecordedOffTheRequestPath()
        {
            using var harness = new ServerHarness();
            harness.Get(ServerHarness.Query("seen", harness.KeyA, "app", "1.0.1"));
            harness.Get(ServerHarness.Query("seen", harness.KeyA, "app", "1.0.5"));

            harness.Server.Flush();

            Assert.Equal("1.0.5", Assert.Single(harness.Catalog.ListDevices()).LastVersion);
        }
    }
}
