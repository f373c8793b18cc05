using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// The work tools/nano-bench.sh measures on nanoCLR by instruction count, one figure per process. Every workload
    /// takes a switch that leaves out exactly the measured work, so the script can subtract a baseline run that
    /// does everything else (start-up, allocation, set-up) the same way.
    /// </summary>
    public static class Workloads
    {
        /// <summary>The download buffer size the client uses by default, and the step the digests are fed in.</summary>
        public const int ChunkSize = FotaOptions.DefaultChunkSize;

        /// <summary>SHA-256 over <paramref name="bytes"/> bytes of the counting pattern, fed in 4096-byte chunks; prints the digest.</summary>
        public static void Sha256(int bytes, bool work)
        {
            byte[] chunk = Bytes.Counting(ChunkSize);
            Sha256 sha = new Sha256();
            for (int done = 0; work && done < bytes; done += ChunkSize)
            {
                sha.Update(chunk, 0, bytes - done < ChunkSize ? bytes - done : ChunkSize);
            }

            byte[] digest = sha.Finish();
            Console.WriteLine("sha256 " + Bytes.ToHex(digest));
        }

        /// <summary>CRC-32 over <paramref name="bytes"/> bytes of the counting pattern in 4096-byte chunks; prints the value.</summary>
        public static void Crc32(int bytes, bool work)
        {
            byte[] chunk = Bytes.Counting(ChunkSize);
            Crc32 crc = new Crc32();
            for (int done = 0; work && done < bytes; done += ChunkSize)
            {
                crc.Update(chunk, 0, bytes - done < ChunkSize ? bytes - done : ChunkSize);
            }

            Console.WriteLine("crc32 " + crc.Value.ToString("x8"));
        }

        /// <summary>
        /// The whole request (<see cref="FotaClient.Run"/>) over an in-memory connection serving a 200 reply of
        /// <paramref name="bytes"/> bytes of the counting pattern into an in-memory region that only counts, with a
        /// SHA-256 and a CRC-32 verifier when <paramref name="sha256Hex"/> is not null; prints the result.
        /// </summary>
        public static void Pipeline(int bytes, string sha256Hex, uint crc32, bool work)
        {
            byte[] head = Requests.Head("HTTP/1.1 200 OK", new string[] { "Content-Length: " + bytes.ToString() });
            MemoryConnection connection = new MemoryConnection(head, Bytes.Counting(ChunkSize), bytes);
            MemoryRegion region = new MemoryRegion(0);
            FotaOptions options = Requests.Options(new MemoryConnector(connection), region);
            if (sha256Hex != null)
            {
                options.Verifiers = new IFotaVerifier[] { new Sha256Verifier(sha256Hex), new Crc32Verifier(crc32) };
            }

            if (work)
            {
                FotaReport report = FotaClient.Run(options);
                Console.WriteLine("pipeline " + report.ResultName + " " + region.Length.ToString() + " bytes");
            }
        }

        /// <summary>Bytes of payload in <see cref="PackageHeader1MiB"/>'s package: 1 MiB of the counting pattern.</summary>
        public const int PackagePayload = 1048576;

        /// <summary>
        /// Header and signature of a package (docs/package-format.md) of firmware <c>bench</c> 1.0.1 whose payload is
        /// <see cref="PackagePayload"/> bytes of the counting pattern, signed with docs/package-example/private.pem
        /// (made by <c>fota pack</c> on the host: a device cannot sign).
        /// </summary>
        public const string PackageHeader1MiB = "iUZQSwEAAEgBAAAAAAAAEAAA+7qyiff5SyVzbFi+RqmUxEH9AlUsxgIjUuPYbS+rfIP6wGX/+qJQ2AAAAAEAAAABBWJlbmNoY1B1q9euulFwWIJIoHzDNDnxlEi/w+0ySMhPm9tsfeus+j0GIp7TpSZeGIvaI+Us1EUJPeeBjecYrLJ4h50WLcGQ6L1Pz6GqfmgaosdOz9ewyBZnebXo41/cfgozHHMlM7OqhgkIFVZapuKim9CByuNz4JtJDJVibczAXTqP2OIfpNJrK3apc/1wWYD3Wm4IEAylXAcobTsSDZbXR4Dim9BdIyeiwGLPDuA9G4eVSawJU1OYz/FZhiuwfJUxMQsFUJr1iw1MAu6B2eh9h7FJwaLYdbuZcLwWbV1iQrLQBLX9xOg29XHAAFBQP+t/dW/DJ5Lq/+LYLXPjLBlxxe0PZA==";

        /// <summary>docs/package-example/public.pem, the key <see cref="PackageHeader1MiB"/> is signed with.</summary>
        public const string PackageKey =
            "-----BEGIN PUBLIC KEY-----\n" +
            "MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAwXkf/yFbcmeTh2VKYBeF\n" +
            "asXUpKUjCaHF38U76iUV0nq8hR6joX2NXvKEv1yAnAu8VyxU96lqbcyG7Vxb5LHm\n" +
            "nc/tEeaRJuBg22JXtsvzVNclM7lJX3C/ICPQ17pTaTTfJEmPYOST3xKlvipEuSoh\n" +
            "WbZ5vpbFDudyifFOcI2FwbDtsvT6OThz0MjaGltpXbL7bitfnLcBn7vXUCKKFFnE\n" +
            "iSp8EQl8iEW8PUjtsIPbi9qpwqvAzzZs4ejRVmYJdFVKIFccZwJtArOinzc5M0Vc\n" +
            "atfPH1q2jxYOM2FOQKFOFZwzJeKfKFeBg2x/Opd2QgBA2tExtKBmZHOrCkAQ/PNR\n" +
            "NwIDAQAB\n" +
            "-----END PUBLIC KEY-----\n";

        /// <summary>
        /// The whole request (<see cref="FotaClient.Run"/>) with <see cref="FotaOptions.PublicKey"/> set, over an in-memory
        /// connection serving the signed package of <see cref="PackageHeader1MiB"/> (its header and signature, then the
        /// 1 MiB payload) into an in-memory region that only counts; prints the result. The package path's only per-byte
        /// work is the stage's SHA-256 of the payload; everything else (the key, the header, one RSA-2048 verify) is once
        /// per request.
        /// </summary>
        public static void PackagePipeline(bool work)
        {
            byte[] header = Convert.FromBase64String(PackageHeader1MiB);
            long length = header.Length + (long)PackagePayload;
            byte[] head = Bytes.Concat(Requests.Head("HTTP/1.1 200 OK", new string[] { "Content-Length: " + length.ToString() }), header);
            MemoryConnection connection = new MemoryConnection(head, Bytes.Counting(ChunkSize), PackagePayload);
            MemoryRegion region = new MemoryRegion(0);
            FotaOptions options = Requests.Options(new MemoryConnector(connection), region);
            options.FirmwareName = "bench";
            options.Version = "1.0.0";
            if (work)
            {
                options.PublicKey = RsaPublicKey.FromPem(PackageKey);
                FotaReport report = FotaClient.Run(options);
                Console.WriteLine("package " + report.ResultName + " " + region.Length.ToString() + " bytes");
            }
        }

        /// <summary>
        /// Decodes a platform refusal of <paramref name="size"/> bytes (code, a <c>\uXXXX</c>-escaped msg as the
        /// platform sends it, and a plain-text detail filling the rest) <paramref name="repeats"/> times; prints what
        /// the last decode found.
        /// </summary>
        public static void DecodeReply(int size, int repeats)
        {
            byte[] reply = Reply(size);
            PlatformReply decoded = null;
            for (int i = 0; i < repeats; i++)
            {
                decoded = PlatformReply.Decode(reply, reply.Length);
            }

            Console.WriteLine("reply " + reply.Length.ToString() + " bytes"
                + (decoded == null ? "" : ", code " + decoded.Code.ToString() + ", msg of " + decoded.Message.Length.ToString() + " chars"));
        }

        private static byte[] Reply(int size)
        {
            string start = "{\"code\":27,\"msg\":\"\\u5df2\\u662f\\u6700\\u65b0\\u7248\\u672c\",\"detail\":\"";
            string end = "\"}";
            int filler = size - start.Length - end.Length;
            char[] text = new char[filler > 0 ? filler : 0];
            for (int i = 0; i < text.Length; i++)
            {
                text[i] = (char)('a' + (i % 26));
            }

            return Bytes.Ascii(start + new string(text) + end);
        }
    }
}
