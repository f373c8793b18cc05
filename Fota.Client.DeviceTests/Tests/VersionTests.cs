using System;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    // The rules of protocol.md §1: three decimal segments, libfota2's core.x.z form, the middle segment ignored.
    [TestClass]
    public class VersionTests
    {
        [TestMethod]
        public static void Check_AcceptsWhatThePlatformCompares()
        {
            Assert.IsNull(FotaVersion.Check("1025.1.0"));
            Assert.IsNull(FotaVersion.Check("0.0.0"));
            Assert.IsNull(FotaVersion.Check("1.999.999"));
            Assert.IsNull(FotaVersion.Check("99999.0.1"));
        }

        [TestMethod]
        public static void Check_RejectsEverythingElse_WithAReason()
        {
            string[] bad = { null, "", "1.0", "1.0.0.0", "1..0", ".1.0", "1.0.", "1.a.0", " 1.0.0", "1.0.0 ", "+1.0.0", "-1.0.0",
                "1.1000.0", "1.0.1000", "100000.0.0", "1.0.\U0001F600" };
            for (int i = 0; i < bad.Length; i++)
            {
                string problem = FotaVersion.Check(bad[i]);
                Assert.IsNotNull(problem, "accepted: " + (bad[i] == null ? "null" : bad[i]));
                Assert.IsTrue(problem.Length > 10, "a reason a person can read");
            }
        }

        [TestMethod]
        public static void FromCore_DropsTheMiddleSegment()
        {
            Assert.AreEqual("1103.1.2", FotaVersion.FromCore(1103, "1.0.2"));
            Assert.AreEqual("0.999.999", FotaVersion.FromCore(0, "999.5.999"));
        }

        [TestMethod]
        public static void FromCore_RejectsBadInput()
        {
            Assert.ThrowsException(typeof(ArgumentException), () => FotaVersion.FromCore(100000, "1.0.0"));
            Assert.ThrowsException(typeof(ArgumentException), () => FotaVersion.FromCore(-1, "1.0.0"));
            Assert.ThrowsException(typeof(ArgumentException), () => FotaVersion.FromCore(1103, "1.0.1000"));
            Assert.ThrowsException(typeof(ArgumentException), () => FotaVersion.FromCore(1103, "1.0"));
        }

        [TestMethod]
        public static void IsNewer_FirstThenThirdSegment_MiddleIgnored()
        {
            Assert.IsTrue(FotaVersion.IsNewer("1025.1.1", "1025.1.0"));
            Assert.IsTrue(FotaVersion.IsNewer("1026.0.0", "1025.9.999"));
            Assert.IsFalse(FotaVersion.IsNewer("1.9.3", "1.0.3"));
            Assert.IsTrue(FotaVersion.IsNewer("1.0.4", "1.9.3"));
            Assert.IsFalse(FotaVersion.IsNewer("1.0.3", "1.0.3"));
            Assert.ThrowsException(typeof(ArgumentException), () => FotaVersion.IsNewer("1.0", "1.0.0"));
        }
    }
}
