using System;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Fota.Client.Tests.Device;
using Fota.Client.Tests.Support;
using Fota.Client.Tests.Tool;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// docs/package-format.md's worked example is what the tool makes, what .NET's RSA accepts, and what the test's own
    /// encoder (written from the layout table) makes: the document, the tool and the device read the same format.
    /// </summary>
    public class PackageFormatDocTests
    {
        private static readonly string Example = Repository.File("docs", "package-example");

        private static byte[] Listing()
        {
            var bytes = new MemoryStream();
            foreach (string line in Repository.Read("docs", "package-format.md").Split('\n'))
            {
                Match row = Regex.Match(line, "^([0-9a-f]{4})  ((?:[0-9a-f]{2} )*[0-9a-f]{2}) +\\| ");
                if (row.Success)
                {
                    Assert.Equal(bytes.Length, Convert.ToInt32(row.Groups[1].Value, 16));
                    bytes.Write(Convert.FromHexString(row.Groups[2].Value.Replace(" ", "")));
                }
            }

            Assert.True(bytes.Length > 300, "no hex listing found in docs/package-format.md");
            return bytes.ToArray();
        }

        [Fact]
        public void TheToolMakesTheDocumentedBytes()
        {
            using var folder = new TempFolder();
            var pack = FotaProcess.Run(folder.Path, "pack", "--key", Path.Combine(Example, "private.pem"), "--name", "hello_nanoFramework",
                "--version", "1.0.1", "--in", Path.Combine(Example, "firmware.bin"), "--out", "example.pkg");
            var verify = FotaProcess.Run(folder.Path, "verify", "--public-key", Path.Combine(Example, "public.pem"), "--name", "hello_nanoFramework",
                "--running-version", "1.0.0", "example.pkg");

            Assert.True(pack.Exit == 0, pack.Err);
            Assert.Equal(Listing(), File.ReadAllBytes(folder.File("example.pkg")));
            Assert.True(verify.Exit == 0, verify.Err);
        }

        [Fact]
        public void TheDocumentedBytesVerifyWithDotNetAndMatchTheTestsOwnEncoder()
        {
            byte[] listing = Listing();
            byte[] payload = File.ReadAllBytes(Path.Combine(Example, "firmware.bin"));
            using RSA publicKey = RSA.Create();
            publicKey.ImportFromPem(File.ReadAllText(Path.Combine(Example, "public.pem")));
            using RSA privateKey = RSA.Create();
            privateKey.ImportFromPem(File.ReadAllText(Path.Combine(Example, "private.pem")));
            int h = listing[6] << 8 | listing[7];

            Assert.Equal(86, h);
            Assert.True(publicKey.VerifyData(listing.AsSpan(0, h), listing.AsSpan(h, 256), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            Assert.Equal(payload, listing.Skip(h + 256).ToArray());
            Assert.Equal(new PackageBuilder(privateKey, payload) { Name = "hello_nanoFramework", Major = 1, Minor = 0, Patch = 1 }.Build(), listing);

            var region = new RecordingRegion();
            Assert.Null(region.Run(new PackageStage(RsaPublicKey.FromPem(File.ReadAllText(Path.Combine(Example, "public.pem"))), "hello_nanoFramework", "1.0.0"), listing));
            Assert.Equal(payload, region.Written);
        }
    }
}
