namespace Fota.Server
{
    /// <summary>
    /// A "no upgrade" answer: an HTTP status above 299 with the JSON body <c>{"code":N,"msg":"…","detail":"…"}</c>.
    /// <c>code</c> and <c>msg</c> are what the platform sends (see <see cref="PlatformCodes"/>); <c>detail</c> is this
    /// server's addition in English: the code's meaning and the specific reason.
    /// </summary>
    internal sealed class Refusal
    {
        public Refusal(int httpStatus, int code, string reason, int retryAfterSeconds = -1)
        {
            HttpStatus = httpStatus;
            Code = code;
            Detail = PlatformCodes.Meaning(code) + ": " + reason;
            RetryAfterSeconds = retryAfterSeconds;
        }

        /// <summary>400 malformed request, 403 refused device, 404 unknown project or firmware, 409 already latest, 429 looping, 503 please wait.</summary>
        public int HttpStatus { get; }

        public int Code { get; }

        public string Message
        {
            get { return PlatformCodes.Message(Code); }
        }

        public string Detail { get; }

        /// <summary>Seconds for a <c>Retry-After</c> header, or -1 for none.</summary>
        public int RetryAfterSeconds { get; }

        public string ToJson()
        {
            return "{\"code\":" + Code + ",\"msg\":" + JsonText.Quote(Message) + ",\"detail\":" + JsonText.Quote(Detail) + "}";
        }
    }
}
