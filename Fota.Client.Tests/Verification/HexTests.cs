using Xunit;

namespace Fota.Client.Tests
{
    public class HexTests
    {
        [Fact]
        public void ParsesEitherCase()
        {
            Assert.Equal(new byte[] { 0x00, 0x1a, 0xB2, 0xff, 0x90 }, Hex.Parse("001aB2Ff90"));
            Assert.Equal(new byte[] { 0xAB, 0xCD }, Hex.Parse("ABCD"));
            Assert.Equal(new byte[0], Hex.Parse(""));
        }

        [Theory]
        [InlineData(null)]
        [InlineData("a")]
        [InlineData("abc")]
        [InlineData("0g")]
        [InlineData("g0")]
        [InlineData("0x12")]
        [InlineData("12 34")]
        [InlineData("12:34")]
        [InlineData("/0")]
        [InlineData(":0")]
        [InlineData("@0")]
        [InlineData("G0")]
        [InlineData("`0")]
        [InlineData("\u0660\u0661")]
        public void MalformedTextGivesNull(string text)
        {
            Assert.Null(Hex.Parse(text));
        }

        [Fact]
        public void FormatsLowerCase()
        {
            Assert.Equal("001ab2ff90", Hex.Format(new byte[] { 0x00, 0x1a, 0xB2, 0xff, 0x90 }));
            Assert.Equal("", Hex.Format(new byte[0]));
        }

        [Fact]
        public void FormatsEveryByteAndParsesItBack()
        {
            byte[] all = new byte[256];
            for (int i = 0; i < 256; i++)
            {
                all[i] = (byte)i;
            }

            string text = Hex.Format(all);
            Assert.Equal(System.Convert.ToHexStringLower(all), text);
            Assert.Equal(all, Hex.Parse(text));
            Assert.Equal(all, Hex.Parse(text.ToUpperInvariant()));
        }

        [Theory]
        [InlineData(0x00000000u, "00000000")]
        [InlineData(0x0000abcdu, "0000abcd")]
        [InlineData(0xCBF43926u, "cbf43926")]
        [InlineData(0xFFFFFFFFu, "ffffffff")]
        public void FormatsWordsAsEightDigits(uint value, string expected)
        {
            Assert.Equal(expected, Hex.Format(value));
        }
    }
}
