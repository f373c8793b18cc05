using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // CRC-32/ISO-HDLC (zlib, PNG): the catalogue's check value for "123456789" is 0xCBF43926; the other values are
    // zlib.crc32 from Python, written down once.
    [TestClass]
    public class Crc32Tests
    {
        private static uint Of(string ascii)
        {
            byte[] data = Bytes.Ascii(ascii);
            return Crc32.Compute(data, 0, data.Length);
        }

        [TestMethod]
        public static void StandardCheckValue()
        {
            Assert.AreEqual(0xCBF43926u, Of("123456789"));
        }

        [TestMethod]
        public static void PublishedValues()
        {
            Assert.AreEqual(0x00000000u, Of(""));
            Assert.AreEqual(0xE8B7BE43u, Of("a"));
            Assert.AreEqual(0x352441C2u, Of("abc"));
            Assert.AreEqual(0x414FA339u, Of("The quick brown fox jumps over the lazy dog"));
        }

        // 10000 and 65536 bytes of 0, 1, ..., 255, 0, ...: long runs through the eight-bytes-per-turn loop and its tail.
        [TestMethod]
        public static void LongInputs()
        {
            byte[] data = Bytes.Counting(65536);
            Assert.AreEqual(0xD1FFC4FCu, Crc32.Compute(data, 0, 10000));
            Assert.AreEqual(0xB11DE6A1u, Crc32.Compute(data, 0, data.Length));
        }

        [TestMethod]
        public static void Streaming_SplitAtEveryOffset()
        {
            byte[] data = Bytes.Ascii("The quick brown fox jumps over the lazy dog");
            Crc32 crc = new Crc32();
            for (int cut = 0; cut <= data.Length; cut++)
            {
                crc.Reset();
                crc.Update(data, 0, cut);
                crc.Update(data, cut, data.Length - cut);
                Assert.AreEqual(0x414FA339u, crc.Value, "cut at " + cut.ToString());
            }
        }

        [TestMethod]
        public static void ValueDoesNotDisturbTheState()
        {
            byte[] data = Bytes.Ascii("123456789");
            Crc32 crc = new Crc32();
            crc.Update(data, 0, 4);
            uint partial = crc.Value;
            Assert.AreEqual(partial, crc.Value);
            crc.Update(data, 4, 5);
            Assert.AreEqual(0xCBF43926u, crc.Value);
        }

        [TestMethod]
        public static void SliceOutsideTheBuffer_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentOutOfRangeException), () => Crc32.Compute(new byte[4], 3, 2));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Crc32().Update(null, 0, 0));
        }
    }
}
