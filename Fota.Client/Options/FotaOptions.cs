namespace Fota.Client
{
    /// <summary>
    /// Everything one upgrade request needs: libfota2's options plus where and how the image is
    /// stored and checked. A plain settable class; <c>FotaClient</c> validates it before
    /// any network traffic and reports problems as <see cref="FotaResult.InvalidOptions"/>,
    /// <see cref="FotaResult.InvalidVersion"/>, <see cref="FotaResult.MissingProjectKey"/> or
    /// <see cref="FotaResult.InvalidUrl"/>.
    /// </summary>
    public class FotaOptions
    {
        /// <summary>The LuatOS IoT platform's upgrade endpoint, libfota2's default.</summary>
        public const string PlatformUrl = "http://iot.openluat.com/api/site/firmware_upgrade";

        /// <summary>Default size of the single download buffer, as LuatOS and nanoFramework's update agent use.</summary>
        public const int DefaultChunkSize = 4096;

        /// <summary>Smallest accepted <see cref="ChunkSize"/>: the buffer also holds each reply header line.</summary>
        public const int MinChunkSize = 512;

        /// <summary>Largest accepted <see cref="ChunkSize"/>.</summary>
        public const int MaxChunkSize = 65536;

        /// <summary>Default of <see cref="MaxAttempts"/>.</summary>
        public const int DefaultMaxAttempts = 5;

        /// <summary>Largest accepted <see cref="MaxAttempts"/>.</summary>
        public const int MaxMaxAttempts = 100;

        /// <summary>
        /// Base URL of the upgrade service. The four parameters are appended with <c>?</c> or <c>&amp;</c>.
        /// A URL starting with <c>###</c> is used verbatim without those three characters: nothing is
        /// appended and no project key is required.
        /// </summary>
        public string Url { get; set; } = PlatformUrl;

        /// <summary>
        /// Unique device id, sent as <see cref="DeviceIdParameter"/> (<c>imei</c>): a 4G IMEI, a Wi-Fi MAC as 12 hex
        /// digits, or any unique id.
        /// </summary>
        public string Imei { get; set; }

        /// <summary>
        /// Name of the URL parameter that carries <see cref="Imei"/>: <c>imei</c> (the default, as in the platform's
        /// reference URL); libfota2 sends <c>mac</c> on Wi-Fi modules and <c>uid</c> on modules with neither. 1–32 of
        /// <c>A–Z a–z 0–9 - . _ ~</c>, and none of the other parameters' names.
        /// </summary>
        public string DeviceIdParameter { get; set; } = UrlBuilder.DefaultDeviceIdParameter;

        /// <summary>The project key on the platform (libfota2's PRODUCT_KEY). Required with <see cref="PlatformUrl"/>.</summary>
        public string ProjectKey { get; set; }

        /// <summary>Must equal the "firmware name" entered when the upgrade was uploaded (not the file's name).</summary>
        public string FirmwareName { get; set; }

        /// <summary>
        /// The running version as the platform compares it: three dot-separated decimal segments. The second and
        /// third are 0–999; the first is 0–999 too, or the firmware core number in libfota2's <c>core.x.z</c> form
        /// (e.g. <c>1025.1.0</c>), up to 99999. <see cref="FotaVersion.FromCore"/> builds that form.
        /// </summary>
        public string Version { get; set; }

        /// <summary>HTTP method; libfota2 and the platform use GET.</summary>
        public string Method { get; set; } = "GET";

        /// <summary>
        /// Extra request headers, each <c>"Name: value"</c>. Host, Connection, Content-Length, Transfer-Encoding, Range,
        /// If-Range and Accept-Encoding are the library's and are refused here. After a redirect to another host,
        /// Authorization and Cookie headers are not sent.
        /// </summary>
        public string[] Headers { get; set; }

        /// <summary>Optional request body, sent with a Content-Length header.</summary>
        public byte[] Body { get; set; }

        /// <summary>
        /// Limit for the whole request in milliseconds (libfota2 documents 300 000). Time is added up between readings of
        /// <c>DateTime.UtcNow</c>: a jump of the clock (SNTP setting it) counts at most one <see cref="ReadTimeout"/>, a
        /// backward one nothing.
        /// </summary>
        public int Timeout { get; set; } = 300000;

        /// <summary>Longest wait for connecting or for any single read, in milliseconds.</summary>
        public int ReadTimeout { get; set; } = 30000;

        /// <summary>PEM of the CA that signs the server's certificate, for https URLs.</summary>
        public string ServerCaCertificate { get; set; }

        /// <summary>PEM of the client certificate, for servers that require one.</summary>
        public string ClientCertificate { get; set; }

        /// <summary>PEM of the client certificate's private key.</summary>
        public string ClientKey { get; set; }

        /// <summary>Password of <see cref="ClientKey"/> when it is encrypted.</summary>
        public string ClientKeyPassword { get; set; }

        /// <summary>Where the image is stored, e.g. a <c>FileRegion</c>. Required.</summary>
        public IFotaRegion Region { get; set; }

        /// <summary>Size of the single download buffer, allocated once per request (512–65536).</summary>
        public int ChunkSize { get; set; } = DefaultChunkSize;

        /// <summary>Checks every payload byte passes through before the region is committed.</summary>
        public IFotaVerifier[] Verifiers { get; set; }

        /// <summary>
        /// The public key of the firmware's signer (<see cref="RsaPublicKey.FromPem"/> or <see cref="RsaPublicKey.FromModulus"/>).
        /// When set, the body must be a signed package (docs/package-format.md) signed by this key: its header signature
        /// is checked as soon as the header has arrived and before the region is begun, only the payload goes through the
        /// verifiers into the region, and the region is committed only when the payload's length and SHA-256 match the
        /// header, the signed name equals <see cref="FirmwareName"/> and the signed version is newer than
        /// <see cref="Version"/>. Anything else ends in <see cref="FotaResult.VerificationFailed"/>. <c>null</c> (the
        /// default) stores the body as it comes, and the report says that its authenticity was not checked.
        /// </summary>
        public RsaPublicKey PublicKey { get; set; }

        /// <summary>
        /// How many times the request is tried at most (1–100, default 5): a connect or name lookup that fails, a
        /// connection closed early, a read timeout, a 5xx reply and the platform's "please wait" (code 43) are tried
        /// again; refusals that cannot change (codes 3, 17, 21, 25, 26, 27, 40, 44, other 4xx) and broken or rejected
        /// bodies are not. A download that stopped mid-way continues where it stopped (<c>Range</c>, see
        /// <see cref="ResumeAcrossRequests"/>). Redirects are followed within one attempt (at most 5).
        /// </summary>
        public int MaxAttempts { get; set; } = DefaultMaxAttempts;

        /// <summary>
        /// The first wait before trying again, in milliseconds (default 1000): it doubles after each failed attempt that
        /// brought no firmware bytes, up to 60 s, with random jitter (half to all of it) so that devices that failed
        /// together do not come back together. A server's <c>Retry-After</c> replaces it; code 43 without one waits
        /// 60–180 s. A wait that does not fit what is left of <see cref="Timeout"/> ends the request with the failure
        /// instead. The waits count against <see cref="Timeout"/>.
        /// </summary>
        public int RetryDelay { get; set; } = 1000;

        /// <summary>
        /// Whether an interrupted download is kept for the next request (default <c>true</c>): when the region is an
        /// <see cref="IResumableRegion"/> (as <c>FileRegion</c> and <c>InFieldUpdateRegion</c> with a checkpoint file are) and
        /// every verifier an <see cref="IResumableVerifier"/>, the region keeps what it durably holds with a checkpoint
        /// every 64 KiB and at every failure, and the next request, after a reboot or a killed process too, asks only for
        /// the rest. A checkpoint that does not match the request (URL, firmware name, version, key) or the server's file
        /// (its ETag or Last-Modified, its length) is discarded. <c>false</c>: every request starts from byte 0 and clears
        /// what an interrupted one left. Within one request a dropped download continues either way.
        /// </summary>
        public bool ResumeAcrossRequests { get; set; } = true;

        /// <summary>Told how far the download got, rate-limited (see <see cref="FotaProgress"/>); <c>null</c> for none.</summary>
        public FotaProgress Progress { get; set; }

        /// <summary>Opens connections; <c>null</c> uses the platform's socket connector.</summary>
        public IConnector Connector { get; set; }

        // Where the request reads the time; null reads DateTime.UtcNow. Tests drive clock jumps through it.
        internal TickSource Clock { get; set; }

        // How the request waits between attempts; null is Thread.Sleep. Tests wait on their own clock instead.
        internal Sleeper Sleep { get; set; }
    }
}
