using System.Linq;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>A project takes at most MaxDevicesPerProject devices; the next new one is refused with code 91 and not registered.</summary>
    public class DeviceCapTests
    {
        [Fact]
        public void TheDeviceBeyondTheCapIsRefusedAndNotRegistered()
        {
            using var harness = new ServerHarness(configure: o => o.MaxDevicesPerProject = 3);
            for (int i = 0; i < 3; i++)
            {
                Assert.Equal(200, harness.Get(ServerHarness.Query("d" + i, harness.KeyA, "app", "1.0.1")).Status);
            }

            Reply refused = harness.Get(ServerHarness.Query("d3", harness.KeyA, "app", "1.0.1"));
            Reply known = harness.Get(ServerHarness.Query("d0", harness.KeyA, "app", "1.0.1"));
            Reply otherProject = harness.Get(ServerHarness.Query("d3", harness.KeyB, "app", "1.0.1"));

            Assert.Equal((403, 91), (refused.Status, refused.Code));
            Assert.Contains("this project already has 3 devices", refused.Text);
            Assert.Equal(200, known.Status);
            Assert.Equal(200, otherProject.Status);
            Assert.Equal(new[] { "Alpha", "Alpha", "Alpha", "Beta" }, harness.Catalog.ListDevices().Select(d => d.Project));
        }

        [Fact]
        public void AnUnboundDeviceIsNotReboundIntoAFullProject()
        {
            using var harness = new ServerHarness(configure: o => o.MaxDevicesPerProject = 1);
            harness.Get(ServerHarness.Query("first", harness.KeyA, "app", "1.0.1"));
            harness.Get(ServerHarness.Query("moving", harness.KeyB, "app", "1.0.1"));
            harness.Catalog.UnbindDevice("moving");

            Reply refused = harness.Get(ServerHarness.Query("moving", harness.KeyA, "app", "1.0.1"));

            Assert.Equal((403, 91), (refused.Status, refused.Code));
            Assert.Null(harness.Catalog.ListDevices().Single(d => d.Imei == "moving").Project);
        }
    }
}
