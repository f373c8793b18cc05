using System;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// Builds requests against in-memory servers: the platform's reference device, replies with each framing, and
    /// one call that runs the whole request path.
    /// </summary>
    public static class Requests
    {
        /// <summary>The reference example's device id (protocol.md §1).</summary>
        public const string Imei = "C81234567830";

        /// <summary>The reference example's project key.</summary>
        public const string ProjectKey = "b0wlT3yrmIpTSPLi3e7Fob5nvBJxO6pM";

        /// <summary>The reference example's firmware name.</summary>
        public const string FirmwareName = "fotademo_LuatOS-SoC_AIR601";

        /// <summary>The reference example's version.</summary>
        public const string Version = "1025.1.0";

        /// <summary>
        /// Options of the reference device, asking the platform through <paramref name="connector"/> into
        /// <paramref name="region"/>, in one attempt (the in-memory server answers once; the resume tests ask for more).
        /// </summary>
        public static FotaOptions Options(IConnector connector, IFotaRegion region)
        {
            FotaOptions options = new FotaOptions();
            options.Imei = Imei;
            options.ProjectKey = ProjectKey;
            options.FirmwareName = FirmwareName;
            options.Version = Version;
            options.Connector = connector;
            options.Region = region;
            options.MaxAttempts = 1;
            return options;
        }

        /// <summary>A reply head: status line, the given header lines (each without CRLF), and the empty line.</summary>
        public static byte[] Head(string statusLine, string[] headers)
        {
            string head = statusLine + "\r\n";
            for (int i = 0; headers != null && i < headers.Length; i++)
            {
                head += headers[i] + "\r\n";
            }

            return Bytes.Ascii(head + "\r\n");
        }

        /// <summary>A whole 200 reply with Content-Length.</summary>
        public static byte[] Ok(byte[] body)
        {
            return Bytes.Concat(Head("HTTP/1.1 200 OK", new string[] { "Content-Length: " + body.Length.ToString() }), body);
        }

        /// <summary>A reply with the given status line and a JSON (or any) body with Content-Length.</summary>
        public static byte[] WithBody(string statusLine, byte[] body)
        {
            return Bytes.Concat(Head(statusLine, new string[] { "Content-Type: application/json", "Content-Length: " + body.Length.ToString() }), body);
        }

        /// <summary>The chunked encoding of <paramref name="body"/> in chunks of <paramref name="chunk"/> bytes, with the final chunk.</summary>
        public static byte[] Chunked(byte[] body, int chunk)
        {
            byte[] wire = new byte[0];
            for (int at = 0; at < body.Length; at += chunk)
            {
                int count = body.Length - at < chunk ? body.Length - at : chunk;
                byte[] piece = new byte[count];
                Array.Copy(body, at, piece, 0, count);
                wire = Bytes.Concat(wire, Bytes.Ascii(count.ToString("X") + "\r\n"));
                wire = Bytes.Concat(wire, piece);
                wire = Bytes.Concat(wire, Bytes.Ascii("\r\n"));
            }

            return Bytes.Concat(wire, Bytes.Ascii("0\r\n\r\n"));
        }

        /// <summary>Runs the whole request path over <paramref name="reply"/> and returns the report.</summary>
        public static FotaReport Run(byte[] reply, MemoryRegion region, IFotaVerifier[] verifiers)
        {
            MemoryConnector connector = new MemoryConnector(new MemoryConnection(reply));
            FotaOptions options = Options(connector, region);
            options.Verifiers = verifiers;
            return FotaClient.Run(options);
        }
    }
}
