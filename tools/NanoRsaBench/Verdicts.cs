using System;
using Fota.Client;

namespace Fota.NanoRsaBench
{
    /// <summary>
    /// The verdicts of the core's <see cref="PackageStage"/> on fixed packages (<see cref="Vectors"/>) and mutants of
    /// them, one line each. The same source runs on nanoCLR (this app) and on .NET (linked into the tests), which
    /// compare the lines.
    /// </summary>
    public static class Verdicts
    {
        /// <summary>Name and version the vectors were packed with.</summary>
        public const string Name = "bench_nanoFramework";

        /// <summary>One line per case: what was fed, then "accepted …" or "refused: …".</summary>
        public static string[] Run()
        {
            RsaPublicKey key = RsaPublicKey.FromPem(Vectors.Key2048);
            RsaPublicKey other = RsaPublicKey.FromPem(Vectors.Other2048Pkcs1);
            RsaPublicKey key3072 = RsaPublicKey.FromPem(Vectors.Key3072);
            byte[] package = Convert.FromBase64String(Vectors.Package2048);
            byte[] package3072 = Convert.FromBase64String(Vectors.Package3072);
            int signature = PackageHeader.Parse(package, 0, package.Length).HeaderLength;

            return new string[]
            {
                "valid RSA-2048 package: " + Check(key, package, Name, "1.0.0", -1),
                "signature byte flipped: " + Check(key, package, Name, "1.0.0", signature + 100),
                "payload byte flipped: " + Check(key, package, Name, "1.0.0", package.Length - 1),
                "name byte flipped: " + Check(key, package, Name, "1.0.0", signature - 1),
                "magic byte flipped: " + Check(key, package, Name, "1.0.0", 2),
                "other key (PKCS#1 PEM): " + Check(other, package, Name, "1.0.0", -1),
                "running the same version: " + Check(key, package, Name, "1.0.1", -1),
                "another name: " + Check(key, package, "other", "1.0.0", -1),
                "valid RSA-3072 package: " + Check(key3072, package3072, Name, "1.0.0", -1),
                "RSA-3072 signature byte flipped: " + Check(key3072, package3072, Name, "1.0.0", signature + 300),
                "key ids: " + key.KeyIdHex + " " + other.KeyIdHex + " " + key3072.KeyIdHex,
            };
        }

        // Feeds the package (with one byte flipped when flip >= 0) in 100-byte segments, so header, signature and
        // payload straddle segment boundaries as they do in a real download.
        private static string Check(RsaPublicKey key, byte[] package, string name, string running, int flip)
        {
            byte[] body = new byte[package.Length];
            Array.Copy(package, body, body.Length);
            if (flip >= 0)
            {
                body[flip] ^= 0x01;
            }

            PackageStage stage = new PackageStage(key, name, running);
            long payload = 0;
            try
            {
                for (int offset = 0; offset < body.Length; offset += 100)
                {
                    int count = body.Length - offset < 100 ? body.Length - offset : 100;
                    int payloadOffset;
                    payload += stage.Consume(body, offset, count, out payloadOffset);
                }

                stage.Finish();
                return "accepted " + payload.ToString() + " payload bytes";
            }
            catch (FotaException e)
            {
                return "refused: " + e.Message;
            }
        }
    }
}
