using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // Replies as the platform sends them (protocol.md §2) and as servers in the wild get them wrong.
    [TestClass]
    public class PlatformReplyTests
    {
        // 已是最新版本, "already the latest version".
        private const string AlreadyLatestUnits = "5DF2 662F 6700 65B0 7248 672C";

        private static PlatformReply Decode(string ascii)
        {
            byte[] body = Bytes.Ascii(ascii);
            return PlatformReply.Decode(body, body.Length);
        }

        private static PlatformReply DecodeHex(string hex)
        {
            byte[] body = Bytes.FromHex(hex);
            return PlatformReply.Decode(body, body.Length);
        }

        [TestMethod]
        public static void ThePlatformsReply_EscapedChinese()
        {
            PlatformReply reply = Decode("{\"code\": 27, \"msg\": \"\\u5df2\\u662f\\u6700\\u65b0\\u7248\\u672c\"}");
            Assert.AreEqual(27, reply.Code);
            Assert.AreEqual(AlreadyLatestUnits, Bytes.Units(reply.Message));
            Assert.IsNull(reply.Text);
        }

        [TestMethod]
        public static void RawUtf8Message()
        {
            // {"code":27,"msg":"已是最新版本"} with the message as UTF-8 bytes.
            PlatformReply reply = DecodeHex("7b22636f6465223a32372c226d7367223a22" + "e5b7b2e698afe69c80e696b0e78988e69cac" + "227d");
            Assert.AreEqual(27, reply.Code);
            Assert.AreEqual(AlreadyLatestUnits, Bytes.Units(reply.Message));
        }

        [TestMethod]
        public static void NonBmpMessage_RawUtf8()
        {
            // {"code":26,"msg":"x😀y"}: the emoji as four UTF-8 bytes must come out as its surrogate pair.
            PlatformReply reply = DecodeHex("7b22636f6465223a32362c226d7367223a22" + "78f09f988079" + "227d");
            Assert.AreEqual(26, reply.Code);
            Assert.AreEqual("0078 D83D DE00 0079", Bytes.Units(reply.Message));
        }

        [TestMethod]
        public static void NonBmpMessage_EscapedSurrogatePair()
        {
            PlatformReply reply = Decode("{\"msg\":\"\\ud83d\\ude00!\",\"code\":21}");
            Assert.AreEqual(21, reply.Code);
            Assert.AreEqual("D83D DE00 0021", Bytes.Units(reply.Message));
        }

        [TestMethod]
        public static void EveryJsonEscape()
        {
            PlatformReply reply = Decode("{\"code\":3,\"msg\":\"q\\\" b\\\\ s\\/ \\b\\f\\n\\r\\t\"}");
            Assert.AreEqual("q\" b\\ s/ \b\f\n\r\t", reply.Message);
        }

        [TestMethod]
        public static void CodeAsAString()
        {
            Assert.AreEqual(26, Decode("{\"code\":\"26\",\"msg\":\"m\"}").Code);
        }

        [TestMethod]
        public static void OtherMembersNestingAndWhitespace()
        {
            PlatformReply reply = Decode(" \r\n{ \"data\" : { \"a\" : [ 1, -2.5e3, { \"b\" : \"}\" } ], \"t\" : true, \"n\" : null } ,\n"
                + "\t\"code\" : 40 , \"msg\" : \"slow down\" , \"extra\" : [] }\r\n");
            Assert.AreEqual(40, reply.Code);
            Assert.AreEqual("slow down", reply.Message);
        }

        [TestMethod]
        public static void NotJson_KeepsAOneLineExcerpt()
        {
            PlatformReply reply = Decode("<html>\r\n<body>502 Bad Gateway</body>\r\n</html>");
            Assert.AreEqual(-1, reply.Code);
            Assert.IsNull(reply.Message);
            Assert.AreEqual("<html>  <body>502 Bad Gateway</body>  </html>", reply.Text);
        }

        [TestMethod]
        public static void LongNonJson_ExcerptIsCut()
        {
            string text = "";
            for (int i = 0; i < 30; i++)
            {
                text += "0123456789";
            }

            PlatformReply reply = Decode(text);
            Assert.AreEqual(123, reply.Text.Length);
            Assert.AreEqual(text.Substring(0, 120) + "...", reply.Text);
        }

        [TestMethod]
        public static void MalformedEscape_IsNotTakenAsTheCode()
        {
            PlatformReply reply = Decode("{\"code\":27,\"msg\":\"bad \\x escape\"}");
            Assert.AreEqual(-1, reply.Code);
            Assert.IsNull(reply.Message);
            Assert.IsNotNull(reply.Text);
        }

        [TestMethod]
        public static void EmptyBody_NothingKnown()
        {
            PlatformReply reply = PlatformReply.Decode(new byte[16], 0);
            Assert.AreEqual(-1, reply.Code);
            Assert.IsNull(reply.Message);
            Assert.IsNull(reply.Text);
        }
    }
}
