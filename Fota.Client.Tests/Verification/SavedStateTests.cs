using System;
using Xunit;
using Bcl = System.Security.Cryptography;

namespace Fota.Client.Tests
{
    /// <summary>
    /// SHA-256, CRC-32 and the verifiers save their running state into a few bytes and continue from them in another
    /// instance, at any split point: the result equals .NET's over the whole message, as if nothing had happened.
    /// </summary>
    public class SavedStateTests
    {
        private static readonly byte[] Message = Pieces.RandomBytes(5000, 9);

        public static TheoryData<int> Splits => new TheoryData<int> { 0, 1, 55, 63, 64, 65, 127, 128, 129, 4095, 4096, 4999, 5000 };

        [Theory]
        [MemberData(nameof(Splits))]
        public void Sha256ContinuesInAnotherInstance(int split)
        {
            var first = new Sha256();
            first.Update(Message, 0, split);
            byte[] state = new byte[Sha256.StateLength + 6];
            first.SaveState(state, 3);

            var second = new Sha256();
            second.Update(Message, 0, 77);
            Assert.True(second.RestoreState(state, 3));
            second.Update(Message, split, Message.Length - split);

            Assert.Equal(Bcl.SHA256.HashData(Message), second.Finish());
        }

        [Theory]
        [MemberData(nameof(Splits))]
        public void Crc32ContinuesInAnotherInstance(int split)
        {
            var first = new Crc32();
            first.Update(Message, 0, split);
            byte[] state = new byte[Crc32.StateLength];
            first.SaveState(state, 0);

            var second = new Crc32();
            second.RestoreState(state, 0);
            second.Update(Message, split, Message.Length - split);

            Assert.Equal(Crc32Tests.Reference(Message, 0, Message.Length), second.Value);
        }

        [Theory]
        [MemberData(nameof(Splits))]
        public void TheVerifiersGiveTheSameVerdictsAfterARestore(int split)
        {
            byte[] digest = Bcl.SHA256.HashData(Message);
            uint crc = Crc32Tests.Reference(Message, 0, Message.Length);
            IResumableVerifier[] before = { new Sha256Verifier(digest), new Crc32Verifier(crc), new LengthVerifier(Message.Length) };
            IResumableVerifier[] after = { new Sha256Verifier(digest), new Crc32Verifier(crc), new LengthVerifier(Message.Length) };
            for (int i = 0; i < before.Length; i++)
            {
                var verifier = (IFotaVerifier)before[i];
                verifier.Begin(Message.Length);
                verifier.Update(Message, 0, split);
                byte[] state = new byte[before[i].StateLength];
                before[i].SaveState(state, 0);

                Assert.True(after[i].RestoreState(state, 0));
                var restored = (IFotaVerifier)after[i];
                restored.Update(Message, split, Message.Length - split);
                Assert.True(restored.Finish(out string failure), failure);
            }
        }

        [Fact]
        public void ALengthVerifierRemembersWhatTheServerAnnounced()
        {
            var before = new LengthVerifier(100);
            before.Begin(101);
            before.Update(new byte[100], 0, 100);
            byte[] state = new byte[16];
            before.SaveState(state, 0);

            var after = new LengthVerifier(100);
            Assert.True(after.RestoreState(state, 0));

            Assert.False(after.Finish(out string failure));
            Assert.Equal("length mismatch: server announced 101 bytes but 100 were expected (received 100)", failure);
        }

        [Fact]
        public void StatesThatCannotBeAreRefused()
        {
            byte[] state = new byte[Sha256.StateLength];
            state[32] = 0x80; // a negative message length
            Assert.False(new Sha256().RestoreState(state, 0));

            byte[] count = new byte[16];
            count[8] = 0x80;
            Assert.False(new LengthVerifier(1).RestoreState(count, 0));
        }

        [Fact]
        public void AFinishedDigestHasNoStateToSave()
        {
            var sha = new Sha256();
            sha.Finish();
            Assert.Throws<InvalidOperationException>(() => sha.SaveState(new byte[Sha256.StateLength], 0));
        }
    }
}
