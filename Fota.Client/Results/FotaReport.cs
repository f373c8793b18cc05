namespace Fota.Client
{
    /// <summary>
    /// The one report of an upgrade request: what happened, libfota2's code for ported Lua code,
    /// what the server said, how far the download got, and a one-line diagnosis from <see cref="ToString"/>.
    /// </summary>
    public class FotaReport
    {
        internal FotaReport(FotaResult result, string detail)
        {
            Result = result;
            Detail = detail;
            PlatformCode = -1;
            BytesExpected = -1;
            RetryAfterMilliseconds = -1;
        }

        /// <summary>What happened.</summary>
        public FotaResult Result { get; internal set; }

        /// <summary><c>true</c> only when a firmware was downloaded, accepted by every verifier and committed.</summary>
        public bool Succeeded
        {
            get { return Result == FotaResult.Success; }
        }

        /// <summary>
        /// libfota2's result code, for code ported from Lua: 0 success, 1 connection failed (also bad URL or
        /// method), 3 server closed the connection, 4 receive error or no upgrade (any refusal, empty body,
        /// timeout, write or verification failure), 5 bad version or missing project key. 2 is never produced,
        /// as in libfota2.
        /// </summary>
        public int LegacyCode
        {
            get { return ToLegacyCode(Result); }
        }

        /// <summary>The result's name spelled out (nanoFramework prints enums as numbers).</summary>
        public string ResultName
        {
            get { return NameOf(Result); }
        }

        /// <summary>HTTP status of the final reply, or 0 when no reply was read.</summary>
        public int HttpStatus { get; internal set; }

        /// <summary>The platform's <c>code</c> from a refusal's JSON body, or -1 when there was none.</summary>
        public int PlatformCode { get; internal set; }

        /// <summary>The platform's <c>msg</c> from a refusal's JSON body (escapes decoded), or <c>null</c>.</summary>
        public string PlatformMessage { get; internal set; }

        /// <summary>
        /// Bytes of the firmware body held at the end: received in this request (over every attempt, each byte counted
        /// once) plus those an interrupted earlier request kept. With a signed package they include its header.
        /// </summary>
        public long BytesReceived { get; internal set; }

        /// <summary>Length of the firmware body announced by the server, or -1 when unknown.</summary>
        public long BytesExpected { get; internal set; }

        /// <summary>Time from the start of the request to the report, in milliseconds.</summary>
        public long ElapsedMilliseconds { get; internal set; }

        /// <summary>
        /// How long the server asked the device to wait before asking again, in milliseconds (platform codes 40 and 43,
        /// HTTP 429 and 503 with Retry-After); -1 when it said nothing.
        /// </summary>
        public long RetryAfterMilliseconds { get; internal set; }

        /// <summary>What went wrong or what was done, in one line; <c>null</c> when nothing more is known.</summary>
        public string Detail { get; internal set; }

        /// <summary>
        /// The URL of the last request: the composed one, or where redirects led; <c>null</c> when the options were rejected
        /// before composing it.
        /// </summary>
        public string Url { get; internal set; }

        /// <summary>
        /// One line for a log: result, HTTP status, platform code and message, bytes, time, and a hint for
        /// every known platform code.
        /// </summary>
        public override string ToString()
        {
            string text = ResultName;
            if (HttpStatus != 0)
            {
                text += " (HTTP " + HttpStatus.ToString() + ")";
            }

            if (PlatformCode >= 0 || PlatformMessage != null)
            {
                text += ": platform code " + (PlatformCode >= 0 ? PlatformCode.ToString() : "?");
                if (PlatformMessage != null)
                {
                    text += " \"" + PlatformMessage + "\"";
                }
            }

            if (Detail != null)
            {
                text += ": " + Detail;
            }

            if (BytesReceived > 0 || BytesExpected >= 0)
            {
                text += "; " + BytesReceived.ToString() + (BytesExpected >= 0 ? " of " + BytesExpected.ToString() : "") + " bytes";
            }

            text += " in " + ElapsedMilliseconds.ToString() + " ms";

            string hint = Result == FotaResult.Refused || Result == FotaResult.UpToDate
                ? PlatformHints.For(PlatformCode, HttpStatus)
                : null;
            if (hint != null)
            {
                text += ". Hint: " + hint;
            }

            return text;
        }

        /// <summary>libfota2's code (0–5) for a result; see <see cref="LegacyCode"/>.</summary>
        public static int ToLegacyCode(FotaResult result)
        {
            switch (result)
            {
                case FotaResult.Success:
                    return 0;
                case FotaResult.ConnectionFailed:
                case FotaResult.InvalidUrl:
                    return 1;
                case FotaResult.ClosedEarly:
                    return 3;
                case FotaResult.InvalidVersion:
                case FotaResult.MissingProjectKey:
                    return 5;
                default:
                    return 4;
            }
        }

        /// <summary>The name of a result, spelled out so it reads the same on nanoFramework.</summary>
        public static string NameOf(FotaResult result)
        {
            switch (result)
            {
                case FotaResult.Success: return "Success";
                case FotaResult.UpToDate: return "UpToDate";
                case FotaResult.Refused: return "Refused";
                case FotaResult.InvalidOptions: return "InvalidOptions";
                case FotaResult.InvalidVersion: return "InvalidVersion";
                case FotaResult.MissingProjectKey: return "MissingProjectKey";
                case FotaResult.InvalidUrl: return "InvalidUrl";
                case FotaResult.ConnectionFailed: return "ConnectionFailed";
                case FotaResult.ClosedEarly: return "ClosedEarly";
                case FotaResult.Timeout: return "Timeout";
                case FotaResult.ProtocolError: return "ProtocolError";
                case FotaResult.UnexpectedStatus: return "UnexpectedStatus";
                case FotaResult.EmptyBody: return "EmptyBody";
                case FotaResult.VerificationFailed: return "VerificationFailed";
                case FotaResult.StorageFailed: return "StorageFailed";
                case FotaResult.Busy: return "Busy";
                case FotaResult.InternalError: return "InternalError";
                case FotaResult.Cancelled: return "Cancelled";
                default: return "Result" + ((int)result).ToString();
            }
        }
    }
}
