using System;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// What a <see cref="FaultProxy"/> does to one connection. Offsets count body bytes of the reply (after its head).
    /// Without any setting the connection passes through unchanged.
    /// </summary>
    public sealed class ProxyFault
    {
        /// <summary>Answer these bytes instead of asking the server (a 503, a redirect, a 416, ...).</summary>
        public byte[] Reply { get; set; }

        /// <summary>Changes the request head before it goes to the server (e.g. drops its Range header).</summary>
        public Func<string, string> Request { get; set; }

        /// <summary>Changes the reply head before it goes to the client (e.g. another Content-Range).</summary>
        public Func<string, string> Head { get; set; }

        /// <summary>Close the connection after this many body bytes (-1: never).</summary>
        public long DropAt { get; set; } = -1;

        /// <summary>With <see cref="DropAt"/>: reset the connection (RST) instead of closing it (FIN).</summary>
        public bool Reset { get; set; }

        /// <summary>Stop forwarding after this many body bytes and hold the connection open until the client leaves (-1: never).</summary>
        public long StallAt { get; set; } = -1;

        /// <summary>Forward the body in pieces of this many bytes (0: as it comes).</summary>
        public int Trickle { get; set; }

        /// <summary>Pause between trickled pieces, in milliseconds.</summary>
        public int TricklePause { get; set; } = 1;

        /// <summary>Body offsets whose byte is flipped (XOR 0x5A) on the way to the client.</summary>
        public long[] Flips { get; set; }
    }
}
