using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary><c>fota keygen | pack | verify | inspect</c> and <c>firmware add</c> with packages, run as processes.</summary>
    public class PackageCommandTests : IDisposable
    {
        private readonly TempFolder folder = new TempFolder();
        private readonly byte[] firmware = Enumerable.Range(0, 5000).Select(i => (byte)(i * 31)).ToArray();

        public PackageCommandTests()
        {
            File.WriteAllBytes(folder.File("app.pe"), firmware);
        }

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            folder.Dispose();
        }

        private (int Exit, string Out, string Err) Fota(params string[] args) => FotaProcess.Run(folder.Path, args);

        private void KeygenAndPack(string name = "app", string version = "1.0.2", string bits = "2048")
        {
            Assert.Equal(0, Fota("keygen", "--out", "keys", "--bits", bits).Exit);
            var pack = Fota("pack", "--key", "keys/private.pem", "--name", name, "--version", version, "--in", "app.pe", "--out", "app.pkg");
            Assert.True(pack.Exit == 0, pack.Err);
        }

        [Fact]
        [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
        public void KeygenWritesAPrivateKeyOnlyItsOwnerCanReadNeverPrintsItAndNeverOverwritesIt()
        {
            var first = Fota("keygen", "--out", "keys");
            string privatePath = Path.Combine(folder.Path, "keys", "private.pem");
            string publicPath = Path.Combine(folder.Path, "keys", "public.pem");
            byte[] privateBefore = File.ReadAllBytes(privatePath);
            var again = Fota("keygen", "--out", "keys");

            Assert.Equal(0, first.Exit);
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(privatePath));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(Path.GetDirectoryName(privatePath)));
            using RSA key = RSA.Create();
            key.ImportFromPem(File.ReadAllText(privatePath));
            string secretBody = File.ReadAllText(privatePath).Split('\n')[1];
            Assert.Equal(2048, key.KeySize);
            Assert.DoesNotContain("PRIVATE KEY", first.Out + first.Err);
            Assert.DoesNotContain(secretBody.Substring(10, 20), first.Out + first.Err);
            Assert.Contains("Key id " + RsaPublicKey.FromPem(File.ReadAllText(publicPath)).KeyIdHex, first.Out);
            Assert.Equal(key.ExportParameters(false).Modulus, RsaPublicKey.FromPem(File.ReadAllText(publicPath)).GetModulus());

            Assert.Equal(1, again.Exit);
            Assert.Contains("never overwrites", again.Err);
            Assert.Equal(privateBefore, File.ReadAllBytes(privatePath));
        }

        [Fact]
        public void KeygenMakesRsa3072OnRequestAndRefusesOtherSizes()
        {
            var big = Fota("keygen", "--out", "k3072", "--bits", "3072");
            var odd = Fota("keygen", "--out", "k1024", "--bits", "1024");

            Assert.Equal(0, big.Exit);
            Assert.Equal(3072, RsaPublicKey.FromPem(File.ReadAllText(folder.File("k3072/public.pem"))).ModulusBits);
            Assert.Equal(2, odd.Exit);
            Assert.False(Directory.Exists(folder.File("k1024")));
        }

        [Fact]
        public void PackedRsa3072PackageVerifiesWithDotNetAndTheTool()
        {
            KeygenAndPack(bits: "3072");
            byte[] package = File.ReadAllBytes(folder.File("app.pkg"));
            int h = package[6] << 8 | package[7];
            using RSA key = RSA.Create();
            key.ImportFromPem(File.ReadAllText(folder.File("keys/public.pem")));

            Assert.True(key.VerifyData(package.AsSpan(0, h), package.AsSpan(h, 384), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            Assert.Equal(firmware, package.Skip(h + 384).ToArray());
            var verify = Fota("verify", "--public-key", "keys/public.pem", "--name", "app", "--running-version", "1.0.1", "app.pkg");
            Assert.True(verify.Exit == 0, verify.Err);
            Assert.StartsWith("Valid: 'app' 1.0.2, 5000 bytes of firmware", verify.Out);
        }

        [Theory]
        [InlineData(2, "--version", "1.0")]
        [InlineData(2, "--version", "1.1000.0")]
        [InlineData(2, "--name", "tab\there")]
        [InlineData(1, "--key", "keys/public.pem")]
        [InlineData(1, "--key", "missing.pem")]
        [InlineData(1, "--in", "empty.bin")]
        [InlineData(1, "--in", "missing.bin")]
        public void PackRefusesWhatCannotBeSignedAndLeavesNothingBehind(int exit, string option, string value)
        {
            Assert.Equal(0, Fota("keygen", "--out", "keys").Exit);
            File.WriteAllBytes(folder.File("empty.bin"), Array.Empty<byte>());
            string[] args = { "pack", "--key", "keys/private.pem", "--name", "app", "--version", "1.0.2", "--in", "app.pe", "--out", "app.pkg" };
            args[Array.IndexOf(args, option) + 1] = value;

            var pack = Fota(args);

            Assert.Equal(exit, pack.Exit);
            // One line says why; a wrong command line (exit 2) adds only the pointer to the command's help.
            string[] lines = pack.Err.Trim().Split('\n');
            Assert.StartsWith("fota: ", lines[0]);
            Assert.Equal(exit == 2 ? 2 : 1, lines.Length);
            Assert.True(exit != 2 || lines[1].StartsWith("See 'fota pack --help'", StringComparison.Ordinal), lines[^1]);
            Assert.False(File.Exists(folder.File("app.pkg")));
            Assert.Empty(Directory.GetFiles(folder.Path, "*.part"));
        }

        [Fact]
        public void PackRefusesANameLongerThan255Bytes()
        {
            Assert.Equal(0, Fota("keygen", "--out", "keys").Exit);
            var pack = Fota("pack", "--key", "keys/private.pem", "--name", new string('é', 128), "--version", "1.0.2", "--in", "app.pe", "--out", "app.pkg");

            Assert.Equal(2, pack.Exit);
            Assert.Contains("256 bytes in UTF-8; a package carries at most 255", pack.Err);
        }

        [Fact]
        public void VerifySaysInOneLineWhichCheckFailed()
        {
            KeygenAndPack();
            Assert.Equal(0, Fota("keygen", "--out", "other").Exit);
            byte[] package = File.ReadAllBytes(folder.File("app.pkg"));
            File.WriteAllBytes(folder.File("cut.pkg"), package.AsSpan(0, package.Length - 1).ToArray());
            byte[] flipped = (byte[])package.Clone();
            flipped[200] ^= 1;
            File.WriteAllBytes(folder.File("flipped.pkg"), flipped);

            var cases = new (string Expected, string[] Args)[]
            {
                ("package is signed with key id", new[] { "--public-key", "other/public.pem", "app.pkg" }),
                ("package body ended after 4999 of 5000 payload bytes", new[] { "--public-key", "keys/public.pem", "cut.pkg" }),
                ("package signature does not verify", new[] { "--public-key", "keys/public.pem", "flipped.pkg" }),
                ("not a signed package: byte 0 is 0x00", new[] { "--public-key", "keys/public.pem", "app.pe" }),
                ("package is for firmware 'app', not 'other'", new[] { "--public-key", "keys/public.pem", "--name", "other", "app.pkg" }),
                ("package version 1.0.2 is not newer than the running 1.0.2", new[] { "--public-key", "keys/public.pem", "--running-version", "1.0.2", "app.pkg" }),
                ("this is a private key", new[] { "--public-key", "keys/private.pem", "app.pkg" }),
            };
            foreach ((string expected, string[] args) in cases)
            {
                var verify = Fota(new[] { "verify" }.Concat(args).ToArray());

                Assert.Equal(1, verify.Exit);
                Assert.Equal("", verify.Out);
                Assert.Single(verify.Err.Trim().Split('\n'));
                Assert.Contains(expected, verify.Err);
            }

            Assert.Equal(2, Fota("verify", "app.pkg").Exit);
            Assert.Equal(2, Fota("verify", "--public-key", "keys/public.pem").Exit);
            Assert.Equal(0, Fota("verify", "--public-key", "keys/public.pem", "app.pkg").Exit);
        }

        [Fact]
        public void InspectShowsTheHeaderWithoutAKeyAndFlagsADamagedFile()
        {
            KeygenAndPack();
            byte[] package = File.ReadAllBytes(folder.File("app.pkg"));
            File.WriteAllBytes(folder.File("long.pkg"), package.Concat(new byte[] { 0 }).ToArray());

            var good = Fota("inspect", "app.pkg");
            var longer = Fota("inspect", "long.pkg");
            var plain = Fota("inspect", "app.pe");

            Assert.Equal(0, good.Exit);
            Assert.Contains("firmware name:  app", good.Out);
            Assert.Contains("version:        1.0.2", good.Out);
            Assert.Contains("payload length: 5000 bytes", good.Out);
            Assert.Contains("payload sha256: " + Convert.ToHexStringLower(SHA256.HashData(firmware)), good.Out);
            Assert.Contains("key id:         " + RsaPublicKey.FromPem(File.ReadAllText(folder.File("keys/public.pem"))).KeyIdHex, good.Out);
            Assert.Equal(1, longer.Exit);
            Assert.Contains("the file has " + (package.Length + 1) + " bytes", longer.Err);
            Assert.Equal(1, plain.Exit);
            Assert.Contains("not a signed package", plain.Err);
        }

        [Fact]
        public void FirmwareAddTakesAPackageSignedForItsNameAndVersionOnly()
        {
            KeygenAndPack(name: "app", version: "1.0.2");
            string key = Fota("project", "create", "demo").Out.Trim();
            byte[] package = File.ReadAllBytes(folder.File("app.pkg"));
            File.WriteAllBytes(folder.File("cut.pkg"), package.AsSpan(0, 1000).ToArray());

            var otherName = Fota("firmware", "add", "--project-key", key, "--name", "other", "--version", "1.0.2", "--file", "app.pkg");
            var otherVersion = Fota("firmware", "add", "--project-key", key, "--name", "app", "--version", "1.0.3", "--file", "app.pkg");
            var damaged = Fota("firmware", "add", "--project-key", key, "--name", "app", "--version", "1.0.2", "--file", "cut.pkg");
            string[] storedAfterRefusals = Directory.GetFiles(folder.File("fota-data/firmware"));
            var add = Fota("firmware", "add", "--project-key", key, "--name", "app", "--version", "1.0.2", "--file", "app.pkg");
            var list = Fota("firmware", "list");

            Assert.Equal(1, otherName.Exit);
            Assert.Contains("signed for firmware 'app', not 'other'", otherName.Err);
            Assert.Equal(1, otherVersion.Exit);
            Assert.Contains("signed as version 1.0.2, not 1.0.3", otherVersion.Err);
            Assert.Equal(1, damaged.Exit);
            Assert.Contains("is damaged: the file has 1000 bytes", damaged.Err);
            Assert.Empty(storedAfterRefusals);
            Assert.True(add.Exit == 0, add.Err);
            Assert.Contains("Signed package", add.Out);
            Assert.Matches(package.Length + " +ready +" + Convert.ToHexStringLower(SHA256.HashData(package)), list.Out);
        }
    }
}
