using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // The URL as the request really composes and sends it (report.Url, the request line, what the connector is asked),
    // so these tests hold whatever the URL type is called.
    [TestClass]
    public class UrlTests
    {
        private const string ReferenceUrl = "http://iot.openluat.com/api/site/firmware_upgrade?imei=C81234567830"
            + "&project_key=b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM&firmware_name=fotademo_LuatOS-SoC_AIR601&version=1025.1.0";

        private static MemoryConnector connector;
        private static MemoryConnection connection;

        // Runs the options against a server answering "already latest", which is the cheapest complete exchange.
        private static FotaReport Ask(FotaOptions options)
        {
            options.Connector = connector;
            return FotaClient.Run(options);
        }

        private static FotaOptions Device()
        {
            connection = new MemoryConnection(Requests.WithBody("HTTP/1.1 409 Conflict", Bytes.Ascii("{\"code\":27}")));
            connector = new MemoryConnector(connection);
            return Requests.Options(connector, new MemoryRegion(0));
        }

        private static string RequestLine()
        {
            string written = connection.WrittenText;
            return written.Substring(0, written.IndexOf("\r\n"));
        }

        [TestMethod]
        public static void ThePlatformsReferenceUrl_ByteForByte()
        {
            FotaReport report = Ask(Device());
            Assert.AreEqual(FotaResult.UpToDate, report.Result, report.ToString());
            Assert.AreEqual(ReferenceUrl, report.Url);
            Assert.AreEqual("GET " + ReferenceUrl.Substring("http://iot.openluat.com".Length) + " HTTP/1.1", RequestLine());
            Assert.IsTrue(connection.WrittenText.IndexOf("\r\nHost: iot.openluat.com\r\n") > 0, connection.WrittenText);
            Assert.AreEqual("iot.openluat.com", connector.Host);
            Assert.AreEqual(80, connector.Port);
            Assert.IsFalse(connector.Secure);
        }

        [TestMethod]
        public static void RepeatedRequests_DoNotGrowTheUrl()
        {
            FotaOptions options = Device();
            Ask(options);
            options = Device();
            Assert.AreEqual(ReferenceUrl, Ask(options).Url);
        }

        [TestMethod]
        public static void BaseWithAQuery_JoinsWithAmpersand()
        {
            FotaOptions options = Device();
            options.Url = "http://fota.example/check?channel=beta";
            Assert.AreEqual("http://fota.example/check?channel=beta&imei=C81234567830", Ask(options).Url.Substring(0, 56));
        }

        [TestMethod]
        public static void BaseEndingInQuestionMarkOrAmpersand_AddsNoSeparator()
        {
            FotaOptions options = Device();
            options.Url = "http://fota.example/check?";
            Assert.AreEqual("http://fota.example/check?imei=", Ask(options).Url.Substring(0, 31));
            options = Device();
            options.Url = "http://fota.example/check?a=1&";
            Assert.AreEqual("http://fota.example/check?a=1&imei=", Ask(options).Url.Substring(0, 35));
        }

        [TestMethod]
        public static void VerbatimUrl_SentAsItIs()
        {
            FotaOptions options = Device();
            options.Url = "###http://fota.example:8080/f/app.bin?sig=x";
            options.ProjectKey = null;
            FotaReport report = Ask(options);
            Assert.AreEqual("http://fota.example:8080/f/app.bin?sig=x", report.Url);
            Assert.AreEqual("GET /f/app.bin?sig=x HTTP/1.1", RequestLine());
            Assert.AreEqual(8080, connector.Port);
            Assert.IsTrue(connection.WrittenText.IndexOf("\r\nHost: fota.example:8080\r\n") > 0, connection.WrittenText);
        }

        [TestMethod]
        public static void ReservedAndNonAsciiCharacters_PercentEncodedAsUtf8()
        {
            FotaOptions options = Device();
            options.FirmwareName = "a b&c=d/\u00e9";
            string url = Ask(options).Url;
            Assert.IsTrue(url.IndexOf("&firmware_name=a%20b%26c%3Dd%2F%C3%A9&version=") > 0, url);
        }

        // U+1F600 is F0 9F 98 80 in UTF-8. Needs the URL encoder to see the character, not two high surrogates
        // (string[i] on nanoCLR): it reads the UTF-8 of Utf8.GetBytes, which walks a char array.
        [TestMethod]
        public static void NonBmpCharacter_PercentEncodedAsItsFourUtf8Bytes()
        {
            FotaOptions options = Device();
            options.FirmwareName = "fw\U0001F600";
            string url = Ask(options).Url;
            Assert.IsTrue(url.IndexOf("&firmware_name=fw%F0%9F%98%80&version=") > 0, url);
        }

        [TestMethod]
        public static void Https_AsksTheConnectorForTls()
        {
            FotaOptions options = Device();
            options.Url = "https://fota.example/api/site/firmware_upgrade";
            Ask(options);
            Assert.IsTrue(connector.Secure);
            Assert.AreEqual(443, connector.Port);
        }

        [TestMethod]
        public static void OwnServerWithoutKey_SendsAnEmptyKey()
        {
            FotaOptions options = Device();
            options.Url = "http://10.0.0.2:5080/api/site/firmware_upgrade";
            options.ProjectKey = null;
            string url = Ask(options).Url;
            Assert.AreEqual("http://10.0.0.2:5080/api/site/firmware_upgrade?imei=C81234567830&project_key=&firmware_name="
                + "fotademo_LuatOS-SoC_AIR601&version=1025.1.0", url);
            Assert.AreEqual("10.0.0.2", connector.Host);
        }

        [TestMethod]
        public static void PlatformWithoutKey_RefusedBeforeAnyTraffic()
        {
            FotaOptions options = Device();
            options.ProjectKey = " ";
            FotaReport report = Ask(options);
            Assert.AreEqual(FotaResult.MissingProjectKey, report.Result, report.ToString());
            Assert.AreEqual(5, report.LegacyCode);
            Assert.AreEqual(0, connector.OpenCount);
        }

        [TestMethod]
        public static void BadVersion_RefusedBeforeAnyTraffic()
        {
            FotaOptions options = Device();
            options.Version = "1.0";
            FotaReport report = Ask(options);
            Assert.AreEqual(FotaResult.InvalidVersion, report.Result, report.ToString());
            Assert.AreEqual(5, report.LegacyCode);
            Assert.AreEqual(0, connector.OpenCount);
        }

        [TestMethod]
        public static void UnusableUrls_RefusedBeforeAnyTraffic()
        {
            string[] urls = { "ftp://fota.example/x", "http://", "http://fota.example:99999/x", "http://fota.example/a b", "" };
            for (int i = 0; i < urls.Length; i++)
            {
                FotaOptions options = Device();
                options.Url = urls[i];
                FotaReport report = Ask(options);
                Assert.AreEqual(FotaResult.InvalidUrl, report.Result, urls[i] + ": " + report.ToString());
                Assert.AreEqual(1, report.LegacyCode);
                Assert.AreEqual(0, connector.OpenCount, urls[i]);
            }
        }

        [TestMethod]
        public static void MissingDeviceIdOrFirmwareName_RefusedBeforeAnyTraffic()
        {
            FotaOptions options = Device();
            options.Imei = "";
            Assert.AreEqual(FotaResult.InvalidOptions, Ask(options).Result);
            options = Device();
            options.FirmwareName = null;
            Assert.AreEqual(FotaResult.InvalidOptions, Ask(options).Result);
            Assert.AreEqual(0, connector.OpenCount);
        }
    }
}
