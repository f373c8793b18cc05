using System;
using System.Linq;
using System.Net.NetworkInformation;
using Xunit;

namespace Fota.Client.Tests.Device
{
    public class DeviceDefaultsTests
    {
        [Fact]
        public void ImeiFromMacMatchesDotNetsOwnFormattingOfThisMachinesInterfaces()
        {
            // .NET prints a PhysicalAddress as upper-case hex without separators: the platform's form for Wi-Fi devices.
            var macs = NetworkInterface.GetAllNetworkInterfaces()
                .Select(i => i.GetPhysicalAddress())
                .Where(a => a.GetAddressBytes().Length == 6 && a.GetAddressBytes().Any(b => b != 0) && a.GetAddressBytes().Any(b => b != 0xFF))
                .ToList();
            macs.Add(new PhysicalAddress(new byte[] { 0xC8, 0x12, 0x34, 0x56, 0x78, 0x30 }));
            macs.Add(new PhysicalAddress(new byte[] { 0x0A, 0xB0, 0x00, 0xFE, 0x01, 0x9F }));

            foreach (PhysicalAddress mac in macs)
            {
                string imei = DeviceDefaults.ImeiFromMac(mac.GetAddressBytes());
                Assert.Equal(mac.ToString(), imei);
                Assert.Equal(12, imei.Length);
            }
        }

        [Fact]
        public void ImeiOfTheProtocolDocumentsExampleDevice()
        {
            // protocol.md: "a Wi-Fi MAC written as 12 hex digits (e.g. C81234567830)".
            Assert.Equal("C81234567830", DeviceDefaults.ImeiFromMac(Convert.FromHexString("C81234567830")));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("0011223344")]
        [InlineData("00112233445566")]
        [InlineData("000000000000")]
        [InlineData("FFFFFFFFFFFF")]
        public void ImeiFromMacRefusesWhatIsNotADevicesOwnAddress(string hex)
        {
            byte[] mac = hex == null ? null : Convert.FromHexString(hex);
            FotaException e = Assert.Throws<FotaException>(() => DeviceDefaults.ImeiFromMac(mac));
            Assert.Equal(FotaResult.InvalidOptions, e.Result);
            Assert.Contains("Imei", e.Message);
        }

        [Fact]
        public void VersionFromARealAssemblyVersionIsItsFirstThreeSegmentsAndPassesTheVersionCheck()
        {
            foreach (Version assembly in new[] { typeof(FotaClient).Assembly.GetName().Version, typeof(DeviceDefaultsTests).Assembly.GetName().Version })
            {
                string version = DeviceDefaults.VersionFromAssembly(assembly);
                Assert.Equal(assembly.ToString(3), version);
                Assert.Null(FotaVersion.CheckApplication(version));
                Assert.Null(FotaVersion.Check(version));
            }
        }

        [Fact]
        public void VersionFromAssemblyDropsTheRevisionAndFillsAMissingBuild()
        {
            Assert.Equal("999.0.999", DeviceDefaults.VersionFromAssembly(new Version(999, 0, 999, 65000)));
            Assert.Equal("1.2.0", DeviceDefaults.VersionFromAssembly(new Version(1, 2)));
        }

        [Theory]
        [InlineData(1000, 0, 0)]
        [InlineData(1, 1000, 0)]
        [InlineData(1, 0, 1000)]
        public void VersionFromAssemblyRefusesSegmentsAbove999WithTheAssemblyVersionInTheMessage(int major, int minor, int build)
        {
            var assembly = new Version(major, minor, build, 7);
            FotaException e = Assert.Throws<FotaException>(() => DeviceDefaults.VersionFromAssembly(assembly));
            Assert.Equal(FotaResult.InvalidVersion, e.Result);
            Assert.Contains(assembly.ToString(), e.Message);
            Assert.Contains("AssemblyVersion", e.Message);
        }

        [Fact]
        public void VersionFromAssemblyRefusesAMissingVersion()
        {
            Assert.Equal(FotaResult.InvalidVersion, Assert.Throws<FotaException>(() => DeviceDefaults.VersionFromAssembly(null)).Result);
        }

        [Fact]
        public void FirmwareNameJoinsApplicationAndTargetAndTravelsUnchangedInTheUrl()
        {
            string application = typeof(DeviceDefaultsTests).Assembly.GetName().Name;
            foreach (string target in new[] { "ESP32_REV0", "ESP32_PSRAM_REV3", "ORGPAL_PALTHREE" })
            {
                string name = DeviceDefaults.FirmwareName(application, target);
                Assert.Equal(application + "_nanoFramework_" + target, name);

                // Names are made of RFC 3986 unreserved characters, so the URL carries them verbatim.
                string url = UrlBuilder.Compose(FotaOptions.PlatformUrl, "C81234567830", "key", name, "1.0.0");
                Assert.Contains("&firmware_name=" + name + "&", url);
            }
        }

        [Theory]
        [InlineData(null, "ESP32_REV0")]
        [InlineData("", "ESP32_REV0")]
        [InlineData("App", null)]
        [InlineData("App", "")]
        public void FirmwareNameRefusesEmptyParts(string application, string target)
        {
            FotaException e = Assert.Throws<FotaException>(() => DeviceDefaults.FirmwareName(application, target));
            Assert.Equal(FotaResult.InvalidOptions, e.Result);
            Assert.Contains("FirmwareName", e.Message);
        }
    }
}
