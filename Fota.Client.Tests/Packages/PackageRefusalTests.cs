using System;
using System.Linq;
using System.Text;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// Packages that are validly signed (or claim to be) but must not be installed: another key, another name, not
    /// newer, or fields a version 1 device does not understand. Each refusal names its check, and none reaches the region.
    /// </summary>
    public class PackageRefusalTests : IClassFixture<ToolPackage>
    {
        private readonly ToolPackage package;

        public PackageRefusalTests(ToolPackage package)
        {
            this.package = package;
        }

        private static byte[] Payload => Enumerable.Range(0, 500).Select(i => (byte)i).ToArray();

        private PackageBuilder Builder(Action<byte[]> tweak = null) =>
            new PackageBuilder(package.PrivateKey, Payload) { Name = ToolPackage.Name, Tweak = tweak };

        private string Refusal(byte[] body, string name = ToolPackage.Name, string running = "1.0.6", RsaPublicKey key = null)
        {
            var region = new RecordingRegion();
            string refusal = region.Run(new PackageStage(key ?? package.PublicKey, name, running), body);
            Assert.NotNull(refusal);
            Assert.Empty(region.Calls);
            return refusal;
        }

        [Fact]
        public void APackageOfAnotherKeyIsRefusedByKeyIdOrElseBySignature()
        {
            byte[] other = new PackageBuilder(TestKeys.Other2048, Payload) { Name = ToolPackage.Name }.Build();
            byte[] claimed = new PackageBuilder(TestKeys.Other2048, Payload)
            {
                Name = ToolPackage.Name,
                Tweak = h => package.PublicKey.KeyId.CopyTo(h, 50),
            }.Build();

            Assert.Equal("package is signed with key id " + Convert.ToHexStringLower(TestKeys.KeyId(TestKeys.Other2048))
                + "; the device holds key id " + package.PublicKey.KeyIdHex, Refusal(other));
            Assert.Equal("package signature does not verify with the device's key (key id " + package.PublicKey.KeyIdHex + ")", Refusal(claimed));
        }

        [Fact]
        public void AnRsa3072PackageIsRefusedByAnRsa2048DeviceAndAcceptedByItsOwnKey()
        {
            byte[] body = new PackageBuilder(TestKeys.Rsa3072, Payload) { Name = ToolPackage.Name }.Build();
            var region = new RecordingRegion();

            Assert.Equal("package is signed with an RSA-3072 key; the device holds an RSA-2048 key", Refusal(body));
            Assert.Null(region.Run(new PackageStage(TestKeys.Public(TestKeys.Rsa3072), ToolPackage.Name, "1.0.6"), body));
            Assert.Equal(Payload, region.Written);
        }

        [Theory]
        [InlineData(1u, 0, 6, "1.0.6")]
        [InlineData(1u, 0, 5, "1.0.5")]
        [InlineData(1u, 9, 6, "1.9.6")]
        [InlineData(0u, 0, 999, "0.0.999")]
        public void APackageThatIsNotNewerIsRefused(uint major, int minor, int patch, string signed)
        {
            byte[] body = new PackageBuilder(package.PrivateKey, Payload) { Name = ToolPackage.Name, Major = major, Minor = (ushort)minor, Patch = (ushort)patch }.Build();

            Assert.Equal("package version " + signed + " is not newer than the running 1.0.6 (the middle segment is not compared)", Refusal(body));
        }

        [Theory]
        [InlineData(1u, 0, 7)]
        [InlineData(2u, 0, 0)]
        [InlineData(1025u, 1, 0)]
        public void ANewerPackageIsAccepted(uint major, int minor, int patch)
        {
            byte[] body = new PackageBuilder(package.PrivateKey, Payload) { Name = ToolPackage.Name, Major = major, Minor = (ushort)minor, Patch = (ushort)patch }.Build();
            var region = new RecordingRegion();

            Assert.Null(region.Run(package.Stage(), body));
            Assert.Equal(Payload, region.Written);
        }

        [Theory]
        [InlineData("other_nanoFramework_ESP32")]
        [InlineData("APP_nanoFramework_ESP32")]
        [InlineData("app_nanoFramework_ESP32 ")]
        [InlineData("app_nanoFramework_ESP3")]
        public void APackageForAnotherNameIsRefused(string signedName)
        {
            byte[] body = new PackageBuilder(package.PrivateKey, Payload) { Name = signedName }.Build();

            Assert.Equal("package is for firmware '" + signedName + "', not 'app_nanoFramework_ESP32'", Refusal(body));
        }

        [Fact]
        public void NonAsciiNamesCompareByTheirUtf8Bytes()
        {
            byte[] body = new PackageBuilder(package.PrivateKey, Payload) { Name = "固件_ESP32" }.Build();
            var region = new RecordingRegion();

            Assert.Null(region.Run(new PackageStage(package.PublicKey, "固件_ESP32", "1.0.6"), body));
            Assert.Equal("package is for firmware '固件_ESP32', not '固件_ESP33'", Refusal(body, "固件_ESP33"));
        }

        [Fact]
        public void WithoutNameAndRunningVersionOnlyAuthenticityAndIntegrityAreChecked()
        {
            byte[] older = new PackageBuilder(package.PrivateKey, Payload) { Name = "anything", Major = 0, Patch = 0 }.Build();
            var region = new RecordingRegion();

            Assert.Null(region.Run(new PackageStage(package.PublicKey, null, null), older));
        }

        [Theory]
        [InlineData(4, 2, "package format version 2 is not supported (this device reads version 1)")]
        [InlineData(4, 0, "package format version 0 is not supported (this device reads version 1)")]
        [InlineData(5, 0x01, "package flags 0x01 are unknown to this device")]
        [InlineData(5, 0x80, "package flags 0x80 are unknown to this device")]
        [InlineData(66, 0, "package firmware name is empty")]
        [InlineData(10, 1, "package payload length is out of range (1 to 2^48 - 1 bytes)")]
        [InlineData(11, 1, "package payload length is out of range (1 to 2^48 - 1 bytes)")]
        [InlineData(58, 0xFF, "package version 4278190081.0.7 is out of range (a.b.c: a 0-99999, b and c 0-999)")]
        [InlineData(63, 0xE8, "package version 1.1000.7 is out of range (a.b.c: a 0-99999, b and c 0-999)")]
        public void ValidlySignedFieldsAVersion1DeviceCannotUseAreRefused(int offset, int value, string expected)
        {
            byte[] body = Builder(h =>
            {
                h[offset] = (byte)value;
                if (offset == 63)
                {
                    h[62] = 0x03; // 0x03E8 = 1000
                }
            }).Build();

            Assert.Equal(expected, Refusal(body));
        }

        [Theory]
        [InlineData(0)]
        [InlineData(66)]
        [InlineData(91)]
        [InlineData(0xFFFF)]
        public void AHeaderLengthThatDisagreesWithTheNameIsRefusedAfterTheFixedFields(int headerLength)
        {
            byte[] body = Builder(h => { h[6] = (byte)(headerLength >> 8); h[7] = (byte)headerLength; }).Build();
            PackageStage stage = package.Stage();

            // Refused as soon as the 67 fixed bytes are in, whatever follows: the device reserves nothing for 0xFFFF.
            Assert.Equal(0, stage.Consume(body, 0, 66, out _));
            var refusal = Assert.Throws<FotaException>(() => stage.Consume(body, 66, 1, out _));
            Assert.Equal("package header length " + headerLength + " does not match its fields (67 + a name of 23 bytes)", refusal.Message);
        }

        [Theory]
        [InlineData(0)]
        [InlineData(255)]
        [InlineData(512)]
        public void ASignatureLengthOtherThan256Or384IsRefused(int length)
        {
            byte[] body = Builder(h => { h[8] = (byte)(length >> 8); h[9] = (byte)length; }).Build();

            Assert.Equal("package signature length " + length + " is neither 256 (RSA-2048) nor 384 (RSA-3072)", Refusal(body));
        }

        [Fact]
        public void APayloadLengthThatDisagreesWithTheBodyIsCaught()
        {
            byte[] shorter = Builder(h => h[17]--).Build();
            byte[] longer = Builder(h => h[17]++).Build();
            var region = new RecordingRegion();

            Assert.Equal("package body is longer than its signed payload of 499 bytes", region.Run(package.Stage(), shorter));
            Assert.Equal("package body ended after 500 of 501 payload bytes", new RecordingRegion().Run(package.Stage(), longer));
        }

        [Fact]
        public void ControlCharactersInTheNameAreRefused()
        {
            byte[] body = new PackageBuilder(package.PrivateKey, Payload) { Name = "app\nrm -rf" }.Build();

            Assert.Equal("package firmware name holds the control byte 0x0a", Refusal(body));
        }

        [Theory]
        [InlineData("")]
        [InlineData("<!DOCTYPE html><html><body>502 Bad Gateway</body></html>")]
        [InlineData("{\"code\":27,\"msg\":\"already the latest version\"}")]
        [InlineData("\u0089FPX")]
        public void BodiesThatAreNotPackagesAreRefusedAtTheirFirstWrongByte(string text)
        {
            byte[] body = Encoding.Latin1.GetBytes(text);
            PackageStage stage = package.Stage();
            int wrong = text.StartsWith("\u0089FP", StringComparison.Ordinal) ? 3 : 0;

            for (int i = 0; i < wrong; i++)
            {
                Assert.Equal(0, stage.Consume(body, i, 1, out _));
            }

            string refusal = body.Length == 0
                ? Assert.Throws<FotaException>(() => stage.Finish()).Message
                : Assert.Throws<FotaException>(() => stage.Consume(body, wrong, 1, out _)).Message;

            Assert.Equal(body.Length == 0
                ? "package body ended after 0 bytes, inside the header's fixed fields"
                : "not a signed package: byte " + wrong + " is 0x" + body[wrong].ToString("x2") + " where a package starts 89 46 50 4b", refusal);
        }
    }
}
