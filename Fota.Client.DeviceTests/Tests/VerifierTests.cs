using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    [TestClass]
    public class VerifierTests
    {
        private const string AbcSha256 = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

        private static string Verdict(IFotaVerifier verifier, string ascii, long announced)
        {
            byte[] data = Bytes.Ascii(ascii);
            verifier.Begin(announced);
            verifier.Update(data, 0, data.Length);
            string failure;
            bool accepted = verifier.Finish(out failure);
            Assert.AreEqual(accepted, failure == null, "a verdict and its reason must agree");
            return accepted ? "accepted" : failure;
        }

        [TestMethod]
        public static void Sha256Verifier_AcceptsThePublishedDigest_AnyCase()
        {
            Assert.AreEqual("accepted", Verdict(new Sha256Verifier(AbcSha256), "abc", 3));
            Assert.AreEqual("accepted", Verdict(new Sha256Verifier(AbcSha256.ToUpper()), "abc", -1));
            Assert.AreEqual("accepted", Verdict(new Sha256Verifier(Bytes.FromHex(AbcSha256)), "abc", 3));
        }

        [TestMethod]
        public static void Sha256Verifier_RejectsOtherData_NamingBothDigests()
        {
            string failure = Verdict(new Sha256Verifier(AbcSha256), "abd", 3);
            Assert.IsTrue(failure.IndexOf(AbcSha256) >= 0, failure);
            // SHA-256("abd"), from Python's hashlib.
            Assert.IsTrue(failure.IndexOf("a52d159f262b2c6ddb724a61840befc36eb30c88877a4030b65cbe86298449c9") >= 0, failure);
        }

        [TestMethod]
        public static void Sha256Verifier_MalformedDigest_Throws()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => new Sha256Verifier("abc"));
            Assert.ThrowsException(typeof(ArgumentException), () => new Sha256Verifier(AbcSha256.Substring(0, 63) + "g"));
            Assert.ThrowsException(typeof(ArgumentException), () => new Sha256Verifier(new byte[31]));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new Sha256Verifier((string)null));
        }

        [TestMethod]
        public static void Crc32Verifier_AcceptsAndRejects()
        {
            Assert.AreEqual("accepted", Verdict(new Crc32Verifier(0xCBF43926), "123456789", 9));
            string failure = Verdict(new Crc32Verifier(0xCBF43926), "123456780", 9);
            Assert.IsTrue(failure.IndexOf("cbf43926") >= 0, failure);
        }

        [TestMethod]
        public static void LengthVerifier_ExactLengthOnly()
        {
            Assert.AreEqual("accepted", Verdict(new LengthVerifier(3), "abc", -1));
            Assert.AreNotEqual("accepted", Verdict(new LengthVerifier(3), "ab", -1));
            Assert.AreNotEqual("accepted", Verdict(new LengthVerifier(3), "abcd", -1));
            // A server announcing another length serves another image, even if the bytes happen to match in number.
            Assert.AreNotEqual("accepted", Verdict(new LengthVerifier(3), "abc", 4));
        }

        [TestMethod]
        public static void Verifiers_StartOverOnBegin()
        {
            Sha256Verifier verifier = new Sha256Verifier(AbcSha256);
            Assert.AreNotEqual("accepted", Verdict(verifier, "xyz", 3));
            Assert.AreEqual("accepted", Verdict(verifier, "abc", 3));
        }
    }
}
