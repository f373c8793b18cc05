using Xunit;

namespace Fota.Client.Tests
{
    public class UrlBuilderTests
    {
        private const string Key = "b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM";

        [Fact]
        public void ReproducesTheReferenceUrlByteForByte()
        {
            string url = UrlBuilder.Compose(FotaOptions.PlatformUrl, "C81234567830", Key, "fotademo_LuatOS-SoC_AIR601", "1025.1.0");

            Assert.Equal(
                "http://iot.openluat.com/api/site/firmware_upgrade?imei=C81234567830&project_key=b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM&firmware_name=fotademo_LuatOS-SoC_AIR601&version=1025.1.0",
                url);
        }

        [Theory]
        [InlineData("http://h/p", "http://h/p?imei=")]
        [InlineData("http://h/p?", "http://h/p?imei=")]
        [InlineData("http://h/p?a=1", "http://h/p?a=1&imei=")]
        [InlineData("http://h/p?a=1&", "http://h/p?a=1&imei=")]
        [InlineData("http://h:8080", "http://h:8080?imei=")]
        public void JoinsWithQuestionMarkOrAmpersand(string baseUrl, string expectedStart)
        {
            string url = UrlBuilder.Compose(baseUrl, "1", "k", "f", "1.0.0");

            Assert.Equal(expectedStart + "1&project_key=k&firmware_name=f&version=1.0.0", url);
        }

        [Theory]
        [InlineData("a b", "a%20b")]
        [InlineData("a&b=c", "a%26b%3Dc")]
        [InlineData("x?y#z/", "x%3Fy%23z%2F")]
        [InlineData("100%", "100%25")]
        [InlineData("plus+", "plus%2B")]
        [InlineData("AZaz09-._~", "AZaz09-._~")]
        [InlineData("!*,;", "%21%2A%2C%3B")]
        [InlineData("'()$:@[]", "%27%28%29%24%3A%40%5B%5D")]
        [InlineData("固件", "%E5%9B%BA%E4%BB%B6")]
        [InlineData("é", "%C3%A9")]
        [InlineData("😀", "%F0%9F%98%80")]
        public void PercentEncodesReservedCharactersAsUtf8(string value, string encoded)
        {
            Assert.Equal(encoded, UrlBuilder.Encode(value));
            string url = UrlBuilder.Compose("http://h/p", value, "k", value, "1.0.0");
            Assert.Equal("http://h/p?imei=" + encoded + "&project_key=k&firmware_name=" + encoded + "&version=1.0.0", url);
        }

        [Theory]
        [InlineData("mac")]
        [InlineData("uid")]
        [InlineData("imei")]
        [InlineData("Device-ID_2.x~")]
        public void TheDeviceIdGoesUnderTheChosenName(string name)
        {
            string url = UrlBuilder.Compose(FotaOptions.PlatformUrl, name, "C81234567830", Key, "fotademo_LuatOS-SoC_AIR601", "1025.1.0");

            Assert.Equal("http://iot.openluat.com/api/site/firmware_upgrade?" + name + "=C81234567830&project_key=" + Key
                + "&firmware_name=fotademo_LuatOS-SoC_AIR601&version=1025.1.0", url);
            Assert.Null(UrlBuilder.CheckDeviceIdParameter(name));
        }

        [Theory]
        [InlineData(null, "empty")]
        [InlineData("", "empty")]
        [InlineData("mac address", "letters, digits")]
        [InlineData("mac=", "letters, digits")]
        [InlineData("a&b", "letters, digits")]
        [InlineData("ma%63", "letters, digits")]
        [InlineData("mäc", "letters, digits")]
        [InlineData("0123456789abcdef0123456789abcdef0", "1-32")]
        [InlineData("project_key", "another parameter")]
        [InlineData("firmware_name", "another parameter")]
        [InlineData("version", "another parameter")]
        public void AnUnusableDeviceIdNameIsRefused(string name, string mention)
        {
            var e = Assert.Throws<FotaException>(() => UrlBuilder.Compose("http://h/", name, "1", "k", "f", "1.0.0"));
            Assert.Equal(FotaResult.InvalidOptions, e.Result);
            Assert.Contains("DeviceIdParameter", e.Message);
            Assert.Contains(mention, e.Message);
        }

        [Fact]
        public void VerbatimUrlDropsThePrefixAndAppendsNothing()
        {
            Assert.Equal("http://my.server/fw.bin?x=1", UrlBuilder.Compose("###http://my.server/fw.bin?x=1", null, null, null, null));
        }

        [Fact]
        public void VerbatimPlatformUrlNeedsNoKey()
        {
            Assert.Equal(FotaOptions.PlatformUrl, UrlBuilder.Compose("###" + FotaOptions.PlatformUrl, null, null, null, "bad"));
        }

        [Fact]
        public void RepeatedUseNeverGrowsTheUrl()
        {
            var options = new FotaOptions { Imei = "1", ProjectKey = "k", FirmwareName = "f", Version = "1.2.3" };
            string first = UrlBuilder.Compose(options.Url, options.Imei, options.ProjectKey, options.FirmwareName, options.Version);
            for (int i = 0; i < 5; i++)
            {
                Assert.Equal(first, UrlBuilder.Compose(options.Url, options.Imei, options.ProjectKey, options.FirmwareName, options.Version));
            }

            Assert.Equal(FotaOptions.PlatformUrl, options.Url);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("  ")]
        public void PlatformUrlWithoutKeyIsRefused(string key)
        {
            var e = Assert.Throws<FotaException>(() => UrlBuilder.Compose(FotaOptions.PlatformUrl, "1", key, "f", "1.0.0"));
            Assert.Equal(FotaResult.MissingProjectKey, e.Result);
            Assert.Equal(5, FotaReport.ToLegacyCode(e.Result));
        }

        [Theory]
        [InlineData("http://IOT.openluat.com/other")]
        [InlineData("https://iot.openluat.com:443/api/site/firmware_upgrade")]
        public void AnyPlatformHostUrlNeedsAKey(string baseUrl)
        {
            var e = Assert.Throws<FotaException>(() => UrlBuilder.Compose(baseUrl, "1", null, "f", "1.0.0"));
            Assert.Equal(FotaResult.MissingProjectKey, e.Result);
        }

        [Fact]
        public void OwnServerWithoutKeySendsAnEmptyKey()
        {
            Assert.Equal("http://h/?imei=1&project_key=&firmware_name=f&version=1.0.0", UrlBuilder.Compose("http://h/", "1", null, "f", "1.0.0"));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("1")]
        [InlineData("1.0")]
        [InlineData("1.0.")]
        [InlineData(".1.0")]
        [InlineData("1..0")]
        [InlineData("1.0.0.0")]
        [InlineData("1.0.1000")]
        [InlineData("1.1000.0")]
        [InlineData("100000.0.0")]
        [InlineData("-1.0.0")]
        [InlineData("+1.0.0")]
        [InlineData("1.0.0 ")]
        [InlineData(" 1.0.0")]
        [InlineData("1.a.0")]
        [InlineData("V1.0.0")]
        [InlineData("1.0.0-beta")]
        [InlineData("１.0.0")]
        [InlineData("000001.0.0")]
        public void InvalidVersionsAreRefusedBeforeAnyTraffic(string version)
        {
            var e = Assert.Throws<FotaException>(() => UrlBuilder.Compose("http://h/", "1", "k", "f", version));
            Assert.Equal(FotaResult.InvalidVersion, e.Result);
            Assert.NotNull(FotaVersion.Check(version));
        }

        [Theory]
        [InlineData("0.0.0")]
        [InlineData("999.999.999")]
        [InlineData("1025.1.0")]
        [InlineData("99999.0.999")]
        [InlineData("007.08.9")]
        public void ValidVersionsPass(string version)
        {
            Assert.Null(FotaVersion.Check(version));
            Assert.EndsWith("&version=" + version, UrlBuilder.Compose("http://h/", "1", "k", "f", version));
        }

        [Theory]
        [InlineData(null, "f", FotaResult.InvalidOptions)]
        [InlineData("", "f", FotaResult.InvalidOptions)]
        [InlineData("1", null, FotaResult.InvalidOptions)]
        [InlineData("1", " ", FotaResult.InvalidOptions)]
        public void MissingIdOrFirmwareNameIsRefused(string imei, string firmwareName, FotaResult expected)
        {
            var e = Assert.Throws<FotaException>(() => UrlBuilder.Compose("http://h/", imei, "k", firmwareName, "1.0.0"));
            Assert.Equal(expected, e.Result);
        }

        [Theory]
        [InlineData(null)]
        [InlineData("")]
        [InlineData("http://h/p#frag")]
        public void UnusableBaseUrlsAreRefused(string baseUrl)
        {
            var e = Assert.Throws<FotaException>(() => UrlBuilder.Compose(baseUrl, "1", "k", "f", "1.0.0"));
            Assert.Equal(FotaResult.InvalidUrl, e.Result);
        }

        [Fact]
        public void CoreVersionSynthesisFollowsLibfota2()
        {
            Assert.Equal("1103.1.2", FotaVersion.FromCore(1103, "1.0.2"));
            Assert.Equal("1025.1.0", FotaVersion.FromCore(1025, "1.7.0"));
            Assert.Throws<System.ArgumentException>(() => FotaVersion.FromCore(1103, "1.0.1000"));
            Assert.Throws<System.ArgumentException>(() => FotaVersion.FromCore(1103, "1.0"));
            Assert.Throws<System.ArgumentException>(() => FotaVersion.FromCore(-1, "1.0.0"));
            Assert.Throws<System.ArgumentException>(() => FotaVersion.FromCore(100000, "1.0.0"));
        }

        [Theory]
        [InlineData("1.0.2", "1.0.1", true)]
        [InlineData("1.5.1", "1.0.1", false)]
        [InlineData("1.0.1", "1.9.1", false)]
        [InlineData("2.0.0", "1.999.999", true)]
        [InlineData("1103.1.2", "1025.9.9", true)]
        [InlineData("1.0.0", "1.0.0", false)]
        [InlineData("1.0.0", "1.0.1", false)]
        public void NewerComparesFirstThenThirdSegment(string candidate, string current, bool newer)
        {
            Assert.Equal(newer, FotaVersion.IsNewer(candidate, current));
        }
    }
}
