using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// The package stage on a real package made by the tool: accepted whole however it is cut, refused whenever any
    /// byte changes, is missing or is added, and never hands a payload byte on before the header verified.
    /// </summary>
    public class PackageStageTests : IClassFixture<ToolPackage>
    {
        private readonly ToolPackage package;

        public PackageStageTests(ToolPackage package)
        {
            this.package = package;
        }

        [Fact]
        public void TheToolsPackageVerifiesWithDotNetsRsaAndWithTheStage()
        {
            byte[] bytes = package.Bytes;
            byte[] header = bytes.AsSpan(0, package.HeaderLength).ToArray();
            byte[] signature = bytes.AsSpan(package.HeaderLength, package.SignatureLength).ToArray();
            using RSA publicKey = RSA.Create();
            publicKey.ImportFromPem(package.PublicPem);

            Assert.True(publicKey.VerifyData(header, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            Assert.Equal(SHA256.HashData(package.Payload), header.AsSpan(18, 32).ToArray());
            Assert.Equal(package.Payload, bytes.AsSpan(package.PayloadStart).ToArray());

            var region = new RecordingRegion();
            Assert.Null(region.Run(package.Stage(), bytes));
            Assert.Equal(package.Payload, region.Written);
            Assert.Equal(new[] { "Begin 3000", "Write 3000", "Commit" }, region.Calls);
        }

        [Fact]
        public void TheStageExposesTheSignedHeaderOnceVerified()
        {
            PackageStage stage = package.Stage();
            Assert.False(stage.HeaderVerified);
            Assert.Equal(-1, stage.PayloadLength);
            Assert.Null(stage.Header);

            int count = stage.Consume(package.Bytes, 0, package.PayloadStart + 10, out int payloadOffset);

            Assert.True(stage.HeaderVerified);
            Assert.Equal(10, count);
            Assert.Equal(package.PayloadStart, payloadOffset);
            Assert.Equal(3000, stage.PayloadLength);
            Assert.Equal(10, stage.PayloadReceived);
            Assert.Equal(ToolPackage.Name, stage.Header.Name);
            Assert.Equal(ToolPackage.Version, stage.Header.Version);
            Assert.Equal(package.PublicKey.KeyId, stage.Header.KeyId);
            Assert.Equal(package.Bytes.Length, stage.Header.PackageLength);
            Assert.Equal(package.PayloadStart, stage.HeaderBytesReceived);
            Assert.Equal(package.Bytes.AsSpan(0, package.PayloadStart).ToArray(), stage.HeaderBytes.AsSpan(0, package.PayloadStart).ToArray());
        }

        [Fact]
        public void EverySplitPointOfASmallPackageGivesThePayloadExactly()
        {
            byte[] payload = Enumerable.Range(0, 40).Select(i => (byte)(i * 7)).ToArray();
            byte[] small = new PackageBuilder(package.PrivateKey, payload) { Name = ToolPackage.Name }.Build();
            for (int cut = 0; cut <= small.Length; cut++)
            {
                var region = new RecordingRegion();
                Assert.Null(region.Run(package.Stage(), small, cut));
                Assert.Equal(payload, region.Written);
            }

            var bytewise = new RecordingRegion();
            Assert.Null(bytewise.Run(package.Stage(), small, Enumerable.Range(1, small.Length - 1).ToArray()));
            Assert.Equal(payload, bytewise.Written);
            Assert.Equal(1 + 40 + 1, bytewise.Calls.Count);

            var random = new Random(3);
            for (int i = 0; i < 300; i++)
            {
                int[] cuts = Enumerable.Range(0, random.Next(1, 12)).Select(_ => random.Next(0, small.Length + 1)).OrderBy(c => c).ToArray();
                var region = new RecordingRegion();
                Assert.Null(region.Run(package.Stage(), small, cuts));
                Assert.Equal(payload, region.Written);
            }
        }

        [Fact]
        public void EveryHeaderAndSignatureMutantIsRefusedBeforeAnyPayloadByte()
        {
            var details = new HashSet<string>();
            foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
            {
                for (int i = 0; i < package.PayloadStart; i++)
                {
                    byte[] mutant = (byte[])package.Bytes.Clone();
                    mutant[i] ^= mask;
                    var region = new RecordingRegion();

                    string refusal = region.Run(package.Stage(), mutant, i + 1);

                    Assert.True(refusal != null, "byte " + i + " ^ " + mask + " was accepted");
                    Assert.Empty(region.Calls);
                    Assert.DoesNotContain('\n', refusal);
                    details.Add(System.Text.RegularExpressions.Regex.Replace(refusal, "[0-9a-f]{2,}|[0-9]+", "#"));
                }
            }

            // The sweep reached several different checks, not one catch-all.
            Assert.True(details.Count >= 5, string.Join(" | ", details));
        }

        [Fact]
        public void PayloadMutantsAreRefusedAtTheEndAndNeverCommitted()
        {
            var random = new Random(77);
            for (int n = 0; n < 150; n++)
            {
                int i = package.PayloadStart + random.Next(package.Payload.Length);
                byte[] mutant = (byte[])package.Bytes.Clone();
                mutant[i] ^= (byte)random.Next(1, 256);
                var region = new RecordingRegion();

                string refusal = region.Run(package.Stage(), mutant, random.Next(mutant.Length));

                Assert.StartsWith("package payload SHA-256 ", refusal);
                Assert.Contains("differs from the signed " + Convert.ToHexStringLower(SHA256.HashData(package.Payload)), refusal);
                Assert.False(region.Committed);
                Assert.Equal("Abort", region.Calls.Last());
            }
        }

        [Fact]
        public void TruncationsAtTwentyOffsetsAreRefused()
        {
            int h = package.HeaderLength;
            int p = package.PayloadStart;
            int[] lengths = { 0, 1, 3, 4, 5, 66, 67, 68, h - 1, h, h + 1, p - 1, p, p + 1, p + 1000, p + 2047, p + 2048, p + 2999, p + 1500, p + 64 };
            Assert.Equal(20, lengths.Distinct().Count());
            foreach (int length in lengths)
            {
                var region = new RecordingRegion();
                string refusal = region.Run(package.Stage(), package.Bytes.AsSpan(0, length).ToArray());

                Assert.NotNull(refusal);
                Assert.False(region.Committed);
                if (length < p)
                {
                    Assert.Empty(region.Calls);
                    Assert.StartsWith("package body ended after " + length + (length < 67 ? " bytes, inside the header's fixed fields" : " of its " + p + " header"), refusal);
                }
                else
                {
                    Assert.Equal("package body ended after " + (length - p) + " of 3000 payload bytes", refusal);
                }
            }
        }

        [Theory]
        [InlineData(1)]
        [InlineData(4096)]
        public void ExtendedPackagesAreRefused(int extra)
        {
            byte[] extended = package.Bytes.Concat(new byte[extra]).ToArray();
            var together = new RecordingRegion();
            var apart = new RecordingRegion();

            Assert.Equal("package body is longer than its signed payload of 3000 bytes", together.Run(package.Stage(), extended));
            Assert.Equal("package body is longer than its signed payload of 3000 bytes", apart.Run(package.Stage(), extended, package.Bytes.Length));
            Assert.False(together.Committed);
            Assert.False(apart.Committed);
            Assert.Equal(package.Payload, apart.Written);
        }

        [Fact]
        public void AfterARefusalTheStageKeepsRefusingUntilBegin()
        {
            PackageStage stage = package.Stage();
            byte[] html = System.Text.Encoding.ASCII.GetBytes("<html>");

            var first = Assert.Throws<FotaException>(() => stage.Consume(html, 0, html.Length, out _));
            var again = Assert.Throws<FotaException>(() => stage.Consume(package.Bytes, 0, package.Bytes.Length, out _));
            var finish = Assert.Throws<FotaException>(() => stage.Finish());
            stage.Begin();
            var region = new RecordingRegion();

            Assert.Equal(FotaResult.VerificationFailed, first.Result);
            Assert.Equal("not a signed package: byte 0 is 0x3c where a package starts 89 46 50 4b", first.Message);
            Assert.Equal(first.Message, again.Message);
            Assert.Equal(first.Message, finish.Message);
            Assert.Null(region.Run(stage, package.Bytes));
            stage.Finish();
        }

        [Fact]
        public void PayloadSegmentsAllocateNothing()
        {
            byte[] payload = new byte[64 * 4096];
            new Random(4).NextBytes(payload);
            byte[] big = new PackageBuilder(package.PrivateKey, payload) { Name = ToolPackage.Name }.Build();
            PackageStage stage = package.Stage();
            int offset = stage.Consume(big, 0, package.PayloadStart + 4096, out _) + package.PayloadStart;

            long before = GC.GetAllocatedBytesForCurrentThread();
            while (offset < big.Length)
            {
                offset += stage.Consume(big, offset, Math.Min(4096, big.Length - offset), out _);
            }

            Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
            stage.Finish();
        }

        [Fact]
        public void ConstructorRefusesWhatCannotBeChecked()
        {
            Assert.Throws<ArgumentNullException>(() => new PackageStage(null, "a", "1.0.0"));
            Assert.Throws<ArgumentException>(() => new PackageStage(package.PublicKey, "", "1.0.0"));
            Assert.Contains("not three dot-separated", Assert.Throws<ArgumentException>(() => new PackageStage(package.PublicKey, "a", "1.0")).Message);
        }
    }
}
