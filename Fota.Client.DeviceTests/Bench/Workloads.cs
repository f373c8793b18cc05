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
