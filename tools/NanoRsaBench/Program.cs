using System;
using Fota.Client;

namespace Fota.NanoRsaBench
{
    /// <summary>Prints the verdicts, then does the build's measured work once (see the project file).</summary>
    public static class Program
    {
        /// <summary>Entry point on nanoCLR.</summary>
        public static void Main()
        {
            string[] lines = Verdicts.Run();
            for (int i = 0; i < lines.Length; i++)
            {
                Console.WriteLine(lines[i]);
            }

#if WORK_SETUP2048 || WORK_VERIFY2048
            Measure(Vectors.Key2048, Vectors.Package2048);
#elif WORK_SETUP3072 || WORK_VERIFY3072
            Measure(Vectors.Key3072, Vectors.Package3072);
#elif WORK_KEY2048
            Console.WriteLine("measured: one more key read, " + RsaPublicKey.FromPem(Vectors.Key2048).KeyIdHex);
#elif WORK_KEY3072
            Console.WriteLine("measured: one more key read, " + RsaPublicKey.FromPem(Vectors.Key3072).KeyIdHex);
#endif
        }

        // Everything one verification needs (key, package, header digest), then, in the verify builds only, the
        // verification itself: the verify build minus the setup build is the cost of RsaVerifier.Verify alone.
        private static void Measure(string pem, string package64)
        {
            byte[] package = Convert.FromBase64String(package64);
            RsaVerifier verifier = new RsaVerifier(RsaPublicKey.FromPem(pem));
            int headerLength = PackageHeader.Parse(package, 0, package.Length).HeaderLength;
            byte[] digest = Sha256.Compute(package, 0, headerLength);
#if WORK_VERIFY2048 || WORK_VERIFY3072
            bool valid = verifier.Verify(package, headerLength, verifier.Key.ModulusLength, digest);
#else
            bool valid = digest.Length == 32;
#endif
            Console.WriteLine(valid ? "measured: valid" : "measured: INVALID");
        }
    }
}
