namespace Fota.Client
{
    /// <summary>
    /// What every attempt of one request sends, worked out once from the options before any traffic: the composed URL
    /// and its target, the method, headers and body, how to connect, the one buffer, and the retry limits.
    /// </summary>
    internal class RequestPlan
    {
        /// <summary>The composed URL, the first of every attempt.</summary>
        internal string Url { get; set; }

        /// <summary><see cref="Url"/> parsed.</summary>
        internal HttpTarget Target { get; set; }

        /// <summary>The application's method.</summary>
        internal string Method { get; set; }

        /// <summary>The application's extra headers.</summary>
        internal string[] Headers { get; set; }

        /// <summary>The request body, or <c>null</c>.</summary>
        internal byte[] Body { get; set; }

        /// <summary>Opens connections.</summary>
        internal IConnector Connector { get; set; }

        /// <summary>The options, handed to the connector.</summary>
        internal FotaOptions Options { get; set; }

        /// <summary>Longest wait for a connect or a read.</summary>
        internal int ReadTimeout { get; set; }

        /// <summary>The request's only buffer: reply heads and every body segment pass through it.</summary>
        internal byte[] Buffer { get; set; }
    }
}
