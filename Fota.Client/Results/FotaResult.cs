namespace Fota.Client
{
    /// <summary>
    /// What happened to one upgrade request. Richer than libfota2's six codes;
    /// <see cref="FotaReport.LegacyCode"/> gives the libfota2 number beside it.
    /// </summary>
    /// <remarks>
    /// On nanoFramework <c>enum.ToString()</c> prints the number, so use
    /// <see cref="FotaReport.ResultName"/> where people read the result.
    /// </remarks>
    public enum FotaResult
    {
        /// <summary>A firmware was downloaded, accepted by every verifier (the report says which) and committed to the region.</summary>
        Success = 0,

        /// <summary>The platform says the device already runs the latest version (platform code 27).</summary>
        UpToDate = 1,

        /// <summary>The server answered a status above 299: no upgrade. See the platform code and message.</summary>
        Refused = 2,

        /// <summary>The options are incomplete or malformed; nothing was sent.</summary>
        InvalidOptions = 3,

        /// <summary>The version is not three dot-separated decimal segments of at most 999; nothing was sent.</summary>
        InvalidVersion = 4,

        /// <summary>The platform URL is used without a project key; nothing was sent.</summary>
        MissingProjectKey = 5,

        /// <summary>The URL cannot be used (not http/https, no host, bad port); nothing was sent.</summary>
        InvalidUrl = 6,

        /// <summary>The host name could not be resolved, the connection or the TLS handshake failed.</summary>
        ConnectionFailed = 7,

        /// <summary>The server closed the connection before the reply or the body was complete.</summary>
        ClosedEarly = 8,

        /// <summary>The server stopped answering for longer than the read timeout, or the whole request took too long.</summary>
        Timeout = 9,

        /// <summary>
        /// The server's reply is not valid HTTP/1.1, breaks a limit (header size, line length, chunk format), or its body
        /// is not the asked image (a 206 for part of a file); nothing was committed.
        /// </summary>
        ProtocolError = 10,

        /// <summary>The server answered a status the protocol does not use (2xx other than 200/206, or 1xx upgrades).</summary>
        UnexpectedStatus = 11,

        /// <summary>The server answered 200/206 with an empty body.</summary>
        EmptyBody = 12,

        /// <summary>The body was received but a verifier rejected it; nothing was committed.</summary>
        VerificationFailed = 13,

        /// <summary>The region could not store the image (too large, full, or a write/commit error); nothing was committed.</summary>
        StorageFailed = 14,

        /// <summary>Another request was still running; this one was not started.</summary>
        Busy = 15,

        /// <summary>An unexpected error inside the library or a plug-in (region, verifier, connector).</summary>
        InternalError = 16,

        /// <summary>
        /// The application cancelled the request (<c>FotaClient.Cancel</c>); nothing was committed, and what a resumable
        /// region holds is kept for the next request.
        /// </summary>
        Cancelled = 17,
    }
}
