using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // Published vectors: FIPS 180-4 examples (NIST CSRC "SHA256.pdf", also RFC 6234 §8.5 TEST1, TEST2_1, TEST3).
    [TestClass]
    public class Sha256Tests
    {
        private const string Empty = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";
        private const string Abc = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";
        private const string TwoBlocks = "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1";
        private const string TwoBlocksText = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
        private const string MillionA = "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0";

        [TestMethod]
        public static void EmptyMessage()
        {
            Assert.AreEqual(Empty, Bytes.ToHex(Sha256.Compute(new byte[0], 0, 0)));
        }

        [TestMethod]
        public static void Abc_OneBlock()
        {
            byte[] data = Bytes.Ascii("abc");
            Assert.AreEqual(Abc, Bytes.ToHex(Sha256.Compute(data, 0, data.Length)));
        }

        [TestMethod]
        public static void FiftySixBytes_PaddingSpillsIntoASecondBlock()
        {
            byte[] data = Bytes.Ascii(TwoBlocksText);
            Assert.AreEqual(TwoBlocks, Bytes.ToHex(Sha256.Compute(data, 0, data.Length)));
        }

        [TestMethod]
        public static void OneMillionA_FedInPiecesOf1000()
        {
            byte[] piece = Bytes.Repeat((byte)'a', 1000);
            Sha256 sha = new Sha256();
            for (int i = 0; i < 1000; i++)
            {
                sha.Update(piece, 0, piece.Length);
            }

            Assert.AreEqual(MillionA, Bytes.ToHex(sha.Finish()));
        }

        // The same message cut at every offset, and fed a byte at a time: the partial-block path must agree.
        [TestMethod]
        public static void TwoBlockMessage_SplitAtEveryOffset()
        {
            byte[] data = Bytes.Ascii(TwoBlocksText);
            Sha256 sha = new Sha256();
            for (int cut = 0; cut <= data.Length; cut++)
            {
                sha.Reset();
                sha.Update(data, 0, cut);
                sha.Update(data, cut, data.Length - cut);
                Assert.AreEqual(TwoBlocks, Bytes.ToHex(sha.Finish()), "cut at " + cut.ToString());
            }

            sha.Reset();
            for (int i = 0; i < data.Length; i++)
            {
                sha.Update(data, i, 1);
            }

            Assert.AreEqual(TwoBlocks, Bytes.ToHex(sha.Finish()), "byte by byte");
        }

        // Lengths around the block and padding boundaries (55/56/63/64/65, 119/120): digests from Python's hashlib
        // over bytes 0, 1, 2, ... (Bytes.Counting), written down once.
        [TestMethod]
        public static void LengthsAroundBlockBoundaries()
        {
            int[] lengths = { 55, 56, 63, 64, 65, 119, 120, 128 };
            string[] digests =
            {
                "463eb28e72f82e0a96c0a4cc53690c571281131f672aa229e0d45ae59b598b59",
                "da2ae4d6b36748f2a318f23e7ab1dfdf45acdc9d049bd80e59de82a60895f562",
                "29af2686fd53374a36b0846694cc342177e428d1647515f078784d69cdb9e488",
                "fdeab9acf3710362bd2658cdc9a29e8f9c757fcf9811603a8c447cd1d9151108",
                "4bfd2c8b6f1eec7a2afeb48b934ee4b2694182027e6d0fc075074f2fabb31781",
                "da18797ed7c3a777f0847f429724a2d8cd5138e6ed2895c3fa1a6d39d18f7ec6",
                "f52b23db1fbb6ded89ef42a23ce0c8922c45f25c50b568a93bf1c075420bbb7c",
                "471fb943aa23c511f6f72f8d1652d9c880cfa392ad80503120547703e56a2be5",
            };
            for (int i = 0; i < lengths.Length; i++)
            {
                byte[] data = Bytes.Counting(lengths[i]);
                Assert.AreEqual(digests[i], Bytes.ToHex(Sha256.Compute(data, 0, data.Length)), "length " + lengths[i].ToString());
            }
        }

        [TestMethod]
        public static void UpdateAfterFinish_Throws()
        {
            Sha256 sha = new Sha256();
            sha.Finish();
            Assert.ThrowsException(typeof(InvalidOperationException), () => sha.Update(new byte[1], 0, 1));
        }

        [TestMethod]
        public static void SliceOutsideTheBuffer_Throws()
        {
            Sha256 sha = new Sha256();
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => sha.Update(new byte[4], 2, 3));
            Assert.ThrowsException(typeof(ArgumentNullException), () => sha.Update(null, 0, 0));
        }
    }
}
