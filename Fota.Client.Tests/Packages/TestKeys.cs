using System;
using System.Linq;
using System.Security.Cryptography;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// RSA keys made by .NET once per test run (fresh moduli every run: the arithmetic meets new numbers each time),
    /// shared by the package tests because generating them is the slow part.
    /// </summary>
    internal static class TestKeys
    {
        private static readonly Lazy<RSA[]> Keys2048 = new Lazy<RSA[]>(() => Enumerable.Range(0, 4).Select(_ => RSA.Create(2048)).ToArray());
        private static readonly Lazy<RSA[]> Keys3072 = new Lazy<RSA[]>(() => Enumerable.Range(0, 2).Select(_ => RSA.Create(3072)).ToArray());

        public static RSA[] All2048 => Keys2048.Value;

        public static RSA[] All3072 => Keys3072.Value;

        public static RSA Rsa2048 => All2048[0];

        public static RSA Other2048 => All2048[1];

        public static RSA Rsa3072 => All3072[0];

        /// <summary>The core's view of a .NET key, through the PEM a person would paste.</summary>
        public static RsaPublicKey Public(RSA key) => RsaPublicKey.FromPem(key.ExportSubjectPublicKeyInfoPem());

        /// <summary>The key id as the format defines it, computed with .NET's SHA-256 (not the core's).</summary>
        public static byte[] KeyId(RSA key) => SHA256.HashData(key.ExportParameters(false).Modulus).AsSpan(0, 8).ToArray();
    }
}
