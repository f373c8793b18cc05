using System;
using System.Diagnostics;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Bench
{
    // Time of one package signature check with the core's managed RSA (what the device runs, here JIT-compiled),
    // next to .NET's native RSA for scale, and of reading the public key (PEM, DER, R² mod n). Each figure is the
    // median of several timed batches; the machine is shared, so take them as rough.
    internal static class RsaBenchmark
    {
        public static int Run(string[] args)
        {
            int rounds = 200;
            if (args.Length > 1 && (!int.TryParse(args[1], out rounds) || rounds <= 0 || rounds > 100000))
            {
                Console.Error.WriteLine("rsa: rounds must be a whole number from 1 to 100000, got '" + args[1] + "'");
                return 2;
            }

            Console.WriteLine("RSA PKCS#1 v1.5 SHA-256 verification, " + rounds + " per batch, median of 7 batches (microseconds)");
            Console.WriteLine("  key       core Verify   .NET VerifyHash   core key read");
            foreach (int bits in new[] { 2048, 3072 })
            {
                using RSA rsa = RSA.Create(bits);
                byte[] digest = SHA256.HashData(BitConverter.GetBytes(bits));
                byte[] signature = rsa.SignHash(digest, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
                string pem = rsa.ExportSubjectPublicKeyInfoPem();
                var verifier = new RsaVerifier(RsaPublicKey.FromPem(pem));
                if (!verifier.Verify(signature, 0, signature.Length, digest))
                {
                    Console.Error.WriteLine("rsa: the core refused a signature .NET made");
                    return 1;
                }

                double core = Median(rounds, () => verifier.Verify(signature, 0, signature.Length, digest));
                double native = Median(rounds, () => rsa.VerifyHash(digest, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                double keyRead = Median(Math.Max(1, rounds / 4), () => RsaPublicKey.FromPem(pem) != null);
                Console.WriteLine("  RSA-" + bits + core.ToString("F1").PadLeft(14) + native.ToString("F1").PadLeft(18) + keyRead.ToString("F1").PadLeft(16));
            }

            Console.WriteLine("On the device the interpreter runs the same IL: tools/NanoRsaBench/measure.sh counts its instructions on nanoCLR.");
            return 0;
        }

        private static double Median(int rounds, Func<bool> work)
        {
            // Warm-up so tiered JIT has promoted the loops before the clock runs.
            for (int i = 0; i < rounds; i++)
            {
                work();
            }

            double[] batches = new double[7];
            for (int b = 0; b < batches.Length; b++)
            {
                Stopwatch clock = Stopwatch.StartNew();
                for (int i = 0; i < rounds; i++)
                {
                    work();
                }

                batches[b] = clock.Elapsed.TotalMilliseconds * 1000 / rounds;
            }

            Array.Sort(batches);
            return batches[batches.Length / 2];
        }
    }
}
