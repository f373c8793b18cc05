using System;
using System.IO;
using System.Security.Cryptography;
using Fota.Client.Tests.Support;
using Fota.Client.Tests.Tool;

namespace Fota.Client.Tests.Packages
{
    /// <summary>A real package: a key made by <c>fota keygen</c> and a firmware packed by <c>fota pack</c>, run as processes once per test class.</summary>
    public sealed class ToolPackage : IDisposable
    {
        public const string Name = "app_nanoFramework_ESP32";
        public const string Version = "1.0.7";

        private readonly TempFolder folder = new TempFolder();

        public ToolPackage()
        {
            Payload = new byte[3000];
            new Random(2026).NextBytes(Payload);
            File.WriteAllBytes(folder.File("firmware.bin"), Payload);
            Run("keygen", "--out", "keys");
            Run("pack", "--key", "keys/private.pem", "--name", Name, "--version", Version, "--in", "firmware.bin", "--out", "firmware.pkg");

            Bytes = File.ReadAllBytes(folder.File("firmware.pkg"));
            PublicPem = File.ReadAllText(Path.Combine(folder.Path, "keys", "public.pem"));
            PrivateKey = RSA.Create();
            PrivateKey.ImportFromPem(File.ReadAllText(Path.Combine(folder.Path, "keys", "private.pem")));
            HeaderLength = Bytes[6] << 8 | Bytes[7];
        }

        public byte[] Payload { get; }

        public byte[] Bytes { get; }

        public string PublicPem { get; }

        /// <summary>The private key keygen wrote, to sign variants of the package with the same key.</summary>
        public RSA PrivateKey { get; }

        public int HeaderLength { get; }

        public int SignatureLength => 256;

        public int PayloadStart => HeaderLength + SignatureLength;

        public RsaPublicKey PublicKey => RsaPublicKey.FromPem(PublicPem);

        /// <summary>A device's stage: the tool's key, the package's name, running 1.0.6.</summary>
        public PackageStage Stage(string name = Name, string running = "1.0.6") => new PackageStage(PublicKey, name, running);

        public void Dispose()
        {
            PrivateKey.Dispose();
            folder.Dispose();
        }

        private void Run(params string[] args)
        {
            var result = FotaProcess.Run(folder.Path, args);
            if (result.Exit != 0)
            {
                throw new InvalidOperationException("fota " + string.Join(" ", args) + " failed: " + result.Err);
            }
        }
    }
}
