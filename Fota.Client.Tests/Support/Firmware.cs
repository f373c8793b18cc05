using System;
using System.Security.Cryptography;

namespace Fota.Client.Tests.Support
{
    public static class Firmware
    {
        /// <summary>Deterministic pseudo-random image bytes.</summary>
        public static byte[] Make(int length, int seed = 7)
        {
            var bytes = new byte[length];
            new Random(seed).NextBytes(bytes);
            return bytes;
        }

        public static string Sha256Hex(byte[] data) => Convert.ToHexString(SHA256.HashData(data)).ToLowerInvariant();
    }
}
