using System;
using System.IO;
using System.Linq;
using Fota.Client.Tests.Packages;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Resilience
{
    /// <summary>
    /// A download interrupted in one request continues in the next (as after a reboot or a killed process): the region
    /// keeps its bytes and a checkpoint, and the next request asks only for the rest, with the digests' midstates
    /// restored. A checkpoint that does not match the request, the server's file or the bytes on disk is discarded. Every
    /// request goes through one proxy (the URL is part of what a checkpoint must match); a test arms its next fault.
    /// </summary>
    public sealed class ResumeAcrossRequestsTests : IClassFixture<ToolPackage>, IDisposable
    {
        private const int Size = 300_000;

        private readonly ToolPackage package;
        private readonly ServerHarness server = new ServerHarness();
        private readonly TempFolder folder = new TempFolder();
        private readonly byte[] image;
        private readonly FaultProxy proxy;
        private ProxyFault nextFault;

        public ResumeAcrossRequestsTests(ToolPackage package)
        {
            this.package = package;
            proxy = new FaultProxy(new Uri(server.Server.BaseUrl).Port, c => System.Threading.Interlocked.Exchange(ref nextFault, null));
            server.AddFirmware("Alpha", server.KeyA, "big", "1.0.1", Size);
            image = server.File("Alpha", "big", "1.0.1");
        }

        public void Dispose()
        {
            proxy.Dispose();
            server.Dispose();
            folder.Dispose();
        }

        private string Stored => folder.File("update.bin");

        private string LastRequest => proxy.Requests.Last();

        private FotaOptions Options(string version = "1.0.0", params IFotaVerifier[] verifiers)
        {
            return new FotaOptions
            {
                Url = proxy.Through(server.Server.UpgradeUrl),
                Imei = "resumer",
                ProjectKey = server.KeyA,
                FirmwareName = "big",
                Version = version,
                Region = new FileRegion(Stored),
                Verifiers = verifiers.Length > 0 ? verifiers : new IFotaVerifier[] { new Sha256Verifier(Firmware.Sha256Hex(image)), new Crc32Verifier(Crc32.Compute(image, 0, Size)), new LengthVerifier(Size) },
                MaxAttempts = 1,
                ReadTimeout = 5000,
            };
        }

        // The first request stops after `at` bytes and gives up (one attempt): the region keeps them with a checkpoint.
        private FotaReport Interrupt(int at, params IFotaVerifier[] verifiers)
        {
            nextFault = new ProxyFault { DropAt = at };
            FotaReport report = FotaClient.Run(Options("1.0.0", verifiers));
            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            return report;
        }

        [Fact]
        public void TheNextRequestAsksOnlyForTheRestAndTheDigestsCoverEveryByteOnce()
        {
            Interrupt(Size / 2 + 123);
            Assert.Equal(Size / 2 + 123, new FileInfo(Stored + ".part").Length);
            Assert.True(File.Exists(Stored + ".resume"));

            long before = proxy.BytesToClient;
            FotaReport report = FotaClient.Run(Options());

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(Stored));
            Assert.Equal(new[] { Stored }, folder.Files());
            Assert.Contains("Range: bytes=" + (Size / 2 + 123) + "-", LastRequest);
            Assert.InRange(proxy.BytesToClient - before, Size - Size / 2 - 123, Size - Size / 2 - 123 + 1000);
            Assert.Contains("SHA-256, CRC-32, length verified", report.Detail);
            Assert.EndsWith("; continued an interrupted download at byte " + (Size / 2 + 123), report.Detail);
        }

        [Fact]
        public void ACheckpointIsSavedEvery64KiBNotOnlyAtTheFailure()
        {
            // A killed process never reaches its failure handling: only the periodic checkpoints are there.
            nextFault = new ProxyFault { StallAt = 200_000 };
            FotaOptions options = Options();
            options.ReadTimeout = 60_000;
            FotaReport report = null;
            var running = new System.Threading.Thread(() => report = FotaClient.Run(options));
            running.Start();
            long seen = WaitForRecord(2 * 65536);

            // While the request waits for bytes that do not come, it is cancelled; its last checkpoint then has all it got.
            bool cancelled = FotaClient.Cancel();
            running.Join();
            Assert.InRange(seen, 2 * 65536, 200_000 - 1);
            Assert.True(cancelled);
            Assert.Equal(FotaResult.Cancelled, report.Result);
            Assert.InRange(report.BytesReceived, seen, 200_000);
            Assert.Equal(report.BytesReceived, RecordedPosition(File.ReadAllBytes(Stored + ".resume")));
        }

        [Fact]
        public void ACheckpointOfAnotherVersionIsDiscardedAndTheDownloadStartsOver()
        {
            Interrupt(100_000);

            FotaReport report = FotaClient.Run(Options("0.9.0"));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(Stored));
            Assert.DoesNotContain("Range:", LastRequest);
        }

        [Fact]
        public void AFirmwareReplacedSinceTheCheckpointIsDownloadedWhole()
        {
            Interrupt(100_000, new LengthVerifier(Size));
            server.AddFirmware("Alpha", server.KeyA, "big", "1.0.2", Size);
            byte[] replaced = server.File("Alpha", "big", "1.0.2");

            FotaReport report = FotaClient.Run(Options("1.0.0", new LengthVerifier(Size)));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(replaced, File.ReadAllBytes(Stored));
            Assert.Contains("If-Range: \"" + Firmware.Sha256Hex(image) + "\"", LastRequest);
            Assert.Equal(200, report.HttpStatus);
        }

        [Theory]
        [InlineData("a flipped byte")]
        [InlineData("a cut record")]
        [InlineData("a .part shorter than recorded")]
        [InlineData("a .part longer than the file")]
        [InlineData("no .part")]
        public void ACheckpointThatDoesNotMatchTheBytesIsNeverTrusted(string damage)
        {
            Interrupt(100_000);
            string record = Stored + ".resume";
            string part = Stored + ".part";
            switch (damage)
            {
                case "a flipped byte":
                    byte[] bytes = File.ReadAllBytes(record);
                    bytes[50] ^= 1;
                    File.WriteAllBytes(record, bytes);
                    break;
                case "a cut record":
                    File.WriteAllBytes(record, File.ReadAllBytes(record).Take(100).ToArray());
                    break;
                case "a .part shorter than recorded":
                    File.WriteAllBytes(part, File.ReadAllBytes(part).Take(99_999).ToArray());
                    break;
                case "a .part longer than the file":
                    File.WriteAllBytes(part, new byte[Size + 1]);
                    break;
                default:
                    File.Delete(part);
                    break;
            }

            FotaReport report = FotaClient.Run(Options());

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(image, File.ReadAllBytes(Stored));
            Assert.DoesNotContain("Range:", LastRequest);
            Assert.Equal(new[] { Stored }, folder.Files());
        }

        [Fact]
        public void ARecordWrittenButNotRenamedIsFound()
        {
            // A power cut between deleting the old record and renaming the new one leaves only the complete new one.
            Interrupt(100_000);
            File.Move(Stored + ".resume", Stored + ".resume.new");

            FotaReport report = FotaClient.Run(Options());

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Contains("Range: bytes=100000-", LastRequest);
            Assert.Equal(image, File.ReadAllBytes(Stored));
        }

        [Fact]
        public void AVerifierThatCannotSaveItsStateMakesTheNextRequestStartOver()
        {
            Interrupt(100_000, new ObservingVerifier());
            Assert.Empty(folder.Files());

            FotaReport report = FotaClient.Run(Options());

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.DoesNotContain("Range:", LastRequest);
        }

        [Fact]
        public void WithoutResumeAcrossRequestsNothingIsKept()
        {
            nextFault = new ProxyFault { DropAt = 100_000 };
            FotaOptions options = Options();
            options.ResumeAcrossRequests = false;

            FotaReport report = FotaClient.Run(options);

            Assert.Equal(FotaResult.ClosedEarly, report.Result);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void AFailureOfTheBodyDiscardsWhatWasKept()
        {
            Interrupt(100_000);

            // The rest arrives with a byte changed: the SHA-256 fails, and nothing is kept for another try.
            nextFault = new ProxyFault { Flips = new long[] { 5 } };
            FotaReport report = FotaClient.Run(Options());

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.Empty(folder.Files());
        }

        [Fact]
        public void ASignedPackageContinuesWithItsHeaderVerifiedAgain()
        {
            InterruptPackage(new Crc32Verifier(Crc32.Compute(package.Payload, 0, package.Payload.Length)));

            Assert.Equal(1000, new FileInfo(Stored + ".part").Length);
            FotaReport report = FotaClient.Run(Signed(new Crc32Verifier(Crc32.Compute(package.Payload, 0, package.Payload.Length))));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.Equal(package.Payload, File.ReadAllBytes(Stored));
            Assert.Contains("Range: bytes=" + (package.PayloadStart + 1000) + "-", LastRequest);
            Assert.StartsWith("package signature verified (key id " + package.PublicKey.KeyIdHex + ")", report.Detail);
        }

        [Fact]
        public void ASavedPackageHeaderThatNoLongerVerifiesIsDiscarded()
        {
            InterruptPackage(new LengthVerifier(package.Payload.Length));

            // A saved signature byte changed, and the record's CRC made to match: only the signature check can tell.
            byte[] record = File.ReadAllBytes(Stored + ".resume");
            int stageState = 4 + 32 + 18 + record[4 + 32 + 17] + 2;
            record[stageState + 2 + package.HeaderLength + 10] ^= 0x40;
            uint crc = Crc32.Compute(record, 0, record.Length - 4);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(record.AsSpan(record.Length - 4), crc);
            File.WriteAllBytes(Stored + ".resume", record);

            FotaReport report = FotaClient.Run(Signed(new LengthVerifier(package.Payload.Length)));

            Assert.True(report.Result == FotaResult.Success, report.ToString());
            Assert.DoesNotContain("Range:", LastRequest);
            Assert.Equal(package.Payload, File.ReadAllBytes(Stored));
        }

        // The tool's package served by fota serve, asked for by a device running 1.0.6 with the package's key.
        private FotaOptions Signed(IFotaVerifier verifier)
        {
            FotaOptions options = Options("1.0.6", verifier);
            options.FirmwareName = ToolPackage.Name;
            options.PublicKey = package.PublicKey;
            return options;
        }

        // Serves the package and interrupts its download 1000 bytes into the payload.
        private void InterruptPackage(IFotaVerifier verifier)
        {
            string file = Path.Combine(server.DataDirectory, "upload.pkg");
            File.WriteAllBytes(file, package.Bytes);
            server.Catalog.AddFirmware(server.KeyA, ToolPackage.Name, ToolPackage.Version, file);
            nextFault = new ProxyFault { DropAt = package.PayloadStart + 1000 };
            Assert.Equal(FotaResult.ClosedEarly, FotaClient.Run(Signed(verifier)).Result);
        }

        // Polls the checkpoint (which is replaced while being read now and then) until it records at least `position`
        // bytes. Checkpoints follow segments, so they fall a little after each 64 KiB.
        private long WaitForRecord(long position)
        {
            long seen = -1;
            for (int i = 0; i < 600 && seen < position; i++)
            {
                try
                {
                    if (File.Exists(Stored + ".resume"))
                    {
                        seen = RecordedPosition(File.ReadAllBytes(Stored + ".resume"));
                    }
                }
                catch (IOException)
                {
                }

                System.Threading.Thread.Sleep(50);
            }

            return seen;
        }

        // The image bytes a checkpoint record says the region holds (ResumeRecord's layout: magic, identity, total, position).
        private static long RecordedPosition(byte[] record) => (long)System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(record.AsSpan(4 + 32 + 8));
    }
}
