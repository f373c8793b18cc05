using System;
using System.Linq;
using System.Text;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.FlashSlot
{
    /// <summary>
    /// The flash-slot region end to end: real HTTP replies from a loopback server, through the client, into a slot that
    /// behaves like nanoFramework's (see <see cref="SimulatedSlot"/>): fresh images, resumed ones, rejected ones, and the
    /// slot's own refusals, each with the report a user reads.
    /// </summary>
    public class InFieldUpdateRegionTests
    {
        private const int Block = 4096;

        private static FotaReport Download(byte[] reply, InFieldUpdateRegion region, params IFotaVerifier[] verifiers)
        {
            using var server = new ScriptedServer(c => c.Send(reply));
            return FotaClient.Run(TestOptions.For(server.BaseUrl, region, verifiers));
        }

        // A reply that announces the whole image but is cut after `sent` body bytes.
        private static byte[] Cut(byte[] image, int sent) =>
            ScriptedServer.Concat(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: " + image.Length + "\r\n\r\n"), image.Take(sent).ToArray());

        [Fact]
        public void StoresASignedImageAndMarksItForTheSwap()
        {
            byte[] image = McuBootImage.Make(20000);
            var slot = new SimulatedSlot();
            var region = new InFieldUpdateRegion(slot);

            FotaReport report = Download(ScriptedServer.Reply(200, image), region);

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.True(region.Pending);
            Assert.False(region.Resumed);
            Assert.True(slot.SwapPending);
            Assert.Equal(image, slot.Read(image.Length));
            Assert.Equal(image.Length, slot.BytesWritten);
        }

        [Fact]
        public void AnInterruptedDownloadContinuesFromTheEraseBlockOfTheLastWrittenByte()
        {
            byte[] image = McuBootImage.Make(50000);
            var slot = new SimulatedSlot();
            const int sent = 3 * Block + 1000;

            FotaReport first = Download(Cut(image, sent), new InFieldUpdateRegion(slot));
            Assert.Equal(FotaResult.ClosedEarly, first.Result);
            Assert.False(slot.SessionOpen);                       // paused: the session is closed ...
            Assert.Equal(image.Take(sent), slot.Read(sent));      // ... and the slot keeps what arrived
            Assert.False(slot.SwapPending);

            var region = new InFieldUpdateRegion(slot);
            long before = slot.BytesWritten;
            FotaReport second = Download(ScriptedServer.Reply(200, image), region);

            Assert.Equal(FotaResult.Success, second.Result);
            Assert.True(region.Resumed);
            Assert.True(region.Pending);
            Assert.Equal(image, slot.Read(image.Length));

            // The block that held the last byte was erased again and rewritten from its start; nothing before it.
            Assert.Equal(image.Length - 3 * Block, slot.BytesWritten - before);
        }

        [Fact]
        public void WithACheckpointFileARebootContinuesTheDownloadNotJustTheFlashWrites()
        {
            byte[] image = McuBootImage.Make(100_000);
            using var folder = new TempFolder();
            using var server = new Server.ServerHarness(seed: false);
            string key = server.Catalog.CreateProject("slot").Key;
            System.IO.File.WriteAllBytes(folder.File("image.bin"), image);
            server.Catalog.AddFirmware(key, "app", "1.0.1", folder.File("image.bin"));
            const int sent = 3 * Block + 1000;
            using var proxy = new FaultProxy(new Uri(server.Server.BaseUrl).Port, c => c == 0 ? new ProxyFault { DropAt = sent } : null);
            var slot = new SimulatedSlot();
            FotaOptions Options(InFieldUpdateRegion region) => new FotaOptions
            {
                Url = proxy.Through(server.Server.UpgradeUrl), Imei = "slot", ProjectKey = key, FirmwareName = "app", Version = "1.0.0",
                Region = region, MaxAttempts = 1, Verifiers = new IFotaVerifier[] { new Sha256Verifier(Firmware.Sha256Hex(image)) },
            };

            FotaReport first = FotaClient.Run(Options(new InFieldUpdateRegion(slot, folder.File("fota.resume"))));
            Assert.Equal(FotaResult.ClosedEarly, first.Result);
            Assert.True(System.IO.File.Exists(folder.File("fota.resume")));
            Assert.False(slot.SessionOpen);

            // A new region object, as after a reboot: only the checkpoint file and the slot remember.
            var region = new InFieldUpdateRegion(slot, folder.File("fota.resume"));
            long written = slot.BytesWritten;
            long wire = proxy.BytesToClient;
            FotaReport second = FotaClient.Run(Options(region));

            Assert.Equal(FotaResult.Success, second.Result);
            Assert.True(region.Resumed);
            Assert.True(slot.SwapPending);
            Assert.Equal(image, slot.Read(image.Length));

            // The slot rewound to the erase block of its last byte; only from there did bytes cross the wire again.
            Assert.Contains("Range: bytes=" + 3 * Block + "-", proxy.Requests.ToArray()[1]);
            Assert.Equal(image.Length - 3 * Block, slot.BytesWritten - written);
            Assert.InRange(proxy.BytesToClient - wire, image.Length - 3 * Block, image.Length - 3 * Block + 1000);
            Assert.False(System.IO.File.Exists(folder.File("fota.resume")));
        }

        [Fact]
        public void AnotherImagePausedInTheSlotIsErasedNotContinued()
        {
            byte[] older = McuBootImage.Make(50000, seed: 1);
            byte[] newer = McuBootImage.Make(50000, seed: 2);
            var slot = new SimulatedSlot();
            Assert.Equal(FotaResult.ClosedEarly, Download(Cut(older, 5 * Block), new InFieldUpdateRegion(slot)).Result);
            int erases = slot.SlotErases;

            var region = new InFieldUpdateRegion(slot);
            FotaReport report = Download(ScriptedServer.Reply(200, newer), region);

            Assert.Equal(FotaResult.Success, report.Result);
            Assert.False(region.Resumed);
            Assert.Equal(erases + 1, slot.SlotErases);
            Assert.Equal(newer, slot.Read(newer.Length));
        }

        [Fact]
        public void AnImageWhoseHashTheSlotRejectsIsReportedAndErased()
        {
            byte[] image = McuBootImage.Make(20000, corruptHash: true);
            var slot = new SimulatedSlot();
            var region = new InFieldUpdateRegion(slot);

            FotaReport report = Download(ScriptedServer.Reply(200, image), region);

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.Contains("HashMismatch", report.Detail);
            Assert.Contains("slot erased", report.Detail);
            Assert.False(region.Pending);
            Assert.False(slot.SwapPending);
            Assert.True(slot.IsBlank);
            Assert.Equal(SlotResult.NoImage, slot.Resume(image.Length, image.Take(32).ToArray()));
        }

        [Fact]
        public void AFileThatIsNotAnMcuBootImageIsRefusedWithoutWritingIt()
        {
            byte[] notSigned = Firmware.Make(20000);
            var slot = new SimulatedSlot();

            FotaReport report = Download(ScriptedServer.Reply(200, notSigned), new InFieldUpdateRegion(slot));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.Contains("not a signed MCUboot image", report.Detail);
            Assert.Equal(0, slot.BytesWritten);
            Assert.True(slot.IsBlank);
        }

        [Fact]
        public void AnImageTheLibrarysOwnVerifierRejectsIsErasedNotLeftToResume()
        {
            byte[] image = McuBootImage.Make(20000);
            var slot = new SimulatedSlot();
            var region = new InFieldUpdateRegion(slot);

            FotaReport report = Download(ScriptedServer.Reply(200, image), region, new Sha256Verifier(new string('0', 64)));

            Assert.Equal(FotaResult.VerificationFailed, report.Result);
            Assert.False(slot.SwapPending);
            Assert.False(slot.SessionOpen);
            Assert.True(slot.IsBlank);
        }

        [Fact]
        public void AChunkedReplyIsRefusedBeforeTheSlotIsTouched()
        {
            byte[] image = McuBootImage.Make(1000);
            string hex = image.Length.ToString("x");
            byte[] chunked = ScriptedServer.Concat(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + hex + "\r\n"),
                image, Encoding.ASCII.GetBytes("\r\n0\r\n\r\n"));
            var slot = new SimulatedSlot();

            FotaReport report = Download(chunked, new InFieldUpdateRegion(slot));

            Assert.Equal(FotaResult.StorageFailed, report.Result);
            Assert.Contains("Content-Length", report.Detail);
            Assert.Equal(0, slot.SlotErases);
        }

        [Fact]
        public void AFlashErrorPausesTheImageSoTheNextRequestContinuesIt()
        {
            byte[] image = McuBootImage.Make(40000);
            var slot = new SimulatedSlot { FailWritesFrom = 6 * Block + 100 };

            FotaReport failed = Download(ScriptedServer.Reply(200, image), new InFieldUpdateRegion(slot));
            Assert.Equal(FotaResult.StorageFailed, failed.Result);
            Assert.Contains("FlashError", failed.Detail);
            Assert.False(slot.SessionOpen);

            slot.FailWritesFrom = -1;
            var region = new InFieldUpdateRegion(slot);
            Assert.Equal(FotaResult.Success, Download(ScriptedServer.Reply(200, image), region).Result);
            Assert.True(region.Resumed);
            Assert.Equal(image, slot.Read(image.Length));
        }

        [Fact]
        public void TheSlotsRefusalsSayWhatToDo()
        {
            byte[] image = McuBootImage.Make(20000);

            FotaReport noSlot = Download(ScriptedServer.Reply(200, image), new InFieldUpdateRegion(new SimulatedSlot { Missing = true }));
            Assert.Equal(FotaResult.StorageFailed, noSlot.Result);
            Assert.Contains("NoSlot", noSlot.Detail);
            Assert.Contains("use a FileRegion", noSlot.Detail);

            FotaReport tooLarge = Download(ScriptedServer.Reply(200, image), new InFieldUpdateRegion(new SimulatedSlot(size: 16 * 1024)));
            Assert.Equal(FotaResult.StorageFailed, tooLarge.Result);
            Assert.Contains("larger than the slot", tooLarge.Detail);

            // A committed image waits for the reboot: another download must not overwrite it.
            var slot = new SimulatedSlot();
            Assert.Equal(FotaResult.Success, Download(ScriptedServer.Reply(200, image), new InFieldUpdateRegion(slot)).Result);
            FotaReport again = Download(ScriptedServer.Reply(200, McuBootImage.Make(20000, seed: 3)), new InFieldUpdateRegion(slot));
            Assert.Equal(FotaResult.StorageFailed, again.Result);
            Assert.Contains("SwapInFlight", again.Detail);
            Assert.Equal(image, slot.Read(image.Length));
        }

        [Fact]
        public void AHeaderArrivingByteByByteStillDecidesBetweenResumeAndStart()
        {
            byte[] image = McuBootImage.Make(3 * Block);
            var slot = new SimulatedSlot();
            var region = new InFieldUpdateRegion(slot);

            region.Begin(image.Length);
            for (int i = 0; i < 40; i++)
            {
                region.Write(image, i, 1);
            }

            region.Write(image, 40, image.Length - 40);
            region.Commit();

            Assert.True(region.Pending);
            Assert.Equal(image, slot.Read(image.Length));
        }

        [Fact]
        public void AbortingABegunButUnwrittenRegionTouchesNothing()
        {
            var slot = new SimulatedSlot();
            var region = new InFieldUpdateRegion(slot);
            region.Begin(1000);
            region.Abort();
            region.Abort();

            Assert.Equal(0, slot.SlotErases);
            Assert.Throws<FotaException>(() => region.Commit());
        }
    }
}
