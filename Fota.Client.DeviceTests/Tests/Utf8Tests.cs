using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // Expected bytes are the UTF-8 of the Unicode standard (Table 3-7), written out by hand; on nanoCLR string[i]
    // returns the high surrogate at both indexes of a character outside the BMP, which these tests catch.
    [TestClass]
    public class Utf8Tests
    {
        [TestMethod]
        public static void Ascii_OneByteEach()
        {
            Assert.AreEqual("616263", Bytes.ToHex(Utf8.GetBytes("abc")));
        }

        [TestMethod]
        public static void TwoAndThreeByteForms()
        {
            Assert.AreEqual("c3a9", Bytes.ToHex(Utf8.GetBytes("\u00e9")));
            Assert.AreEqual("e5b7b2e698afe69c80e696b0e78988e69cac", Bytes.ToHex(Utf8.GetBytes("\u5df2\u662f\u6700\u65b0\u7248\u672c")));
        }

        [TestMethod]
        public static void NonBmp_EncodesAsFourBytes()
        {
            Assert.AreEqual("61f09f988062", Bytes.ToHex(Utf8.GetBytes("a\U0001F600b")));
            Assert.AreEqual("f09d849ef0a08080", Bytes.ToHex(Utf8.GetBytes("\U0001D11E\U00020000")));
            Assert.AreEqual(6, Utf8.ByteCount("a\U0001F600b".ToCharArray()));
        }

        [TestMethod]
        public static void NonBmp_DecodesToItsSurrogatePair()
        {
            byte[] bytes = Bytes.FromHex("61f09f988062");
            Assert.AreEqual("0061 D83D DE00 0062", Bytes.Units(Utf8.GetString(bytes, 0, bytes.Length)));
        }

        [TestMethod]
        public static void NonBmp_RoundTrip()
        {
            string text = "fw-\U0001F600-\U0001D11E\U00020000-\u00e9\u5df2";
            byte[] bytes = Utf8.GetBytes(text);
            Assert.AreEqual(Bytes.Units(text), Bytes.Units(Utf8.GetString(bytes, 0, bytes.Length)));
        }

        [TestMethod]
        public static void Write_AtAnOffset_ReturnsTheEnd()
        {
            byte[] target = new byte[8];
            int end = Utf8.Write("\U0001F600".ToCharArray(), target, 2);
            Assert.AreEqual(6, end);
            Assert.AreEqual("0000f09f98800000", Bytes.ToHex(target));
        }

        [TestMethod]
        public static void LoneSurrogates_EncodeAsReplacementCharacter()
        {
            Assert.AreEqual("efbfbd61", Bytes.ToHex(Utf8.GetBytes("\ud800a")));
            Assert.AreEqual("61efbfbd", Bytes.ToHex(Utf8.GetBytes("a\udc00")));
        }

        [TestMethod]
        public static void MalformedInput_DecodesToReplacementCharacters()
        {
            // Overlong NUL (two invalid bytes), a truncated three-byte sequence, a byte that never starts one.
            byte[] bytes = Bytes.FromHex("c080" + "41" + "e5b7" + "42" + "f5");
            Assert.AreEqual("FFFD FFFD 0041 FFFD 0042 FFFD", Bytes.Units(Utf8.GetString(bytes, 0, bytes.Length)));
        }

        [TestMethod]
        public static void Decode_ASliceOnly()
        {
            byte[] bytes = Bytes.FromHex("ff61c3a9ff");
            Assert.AreEqual("0061 00E9", Bytes.Units(Utf8.GetString(bytes, 1, 3)));
        }
    }
}
