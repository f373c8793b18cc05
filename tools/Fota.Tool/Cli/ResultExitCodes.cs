using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// Exit statuses of <c>fota url</c>, <c>check</c> and <c>get</c>: one per <see cref="FotaResult"/>, so a script
    /// can tell "already latest" from "refused" from "network failed". 2 stays "wrong command line".
    /// </summary>
    public static class ResultExitCodes
    {
        /// <summary>The exit status for a result (table in README.md, "Diagnose a device").</summary>
        public static int For(FotaResult result)
        {
            switch (result)
            {
                case FotaResult.Success: return 0;
                case FotaResult.UpToDate: return 3;
                case FotaResult.Refused: return 4;
                case FotaResult.InvalidOptions: return 5;
                case FotaResult.InvalidVersion: return 6;
                case FotaResult.MissingProjectKey: return 7;
                case FotaResult.InvalidUrl: return 8;
                case FotaResult.ConnectionFailed: return 9;
                case FotaResult.ClosedEarly: return 10;
                case FotaResult.Timeout: return 11;
                case FotaResult.ProtocolError: return 12;
                case FotaResult.UnexpectedStatus: return 13;
                case FotaResult.EmptyBody: return 14;
                case FotaResult.VerificationFailed: return 15;
                case FotaResult.StorageFailed: return 16;
                case FotaResult.Busy: return 17;
                case FotaResult.Cancelled: return 18;
                default: return ExitCodes.Failed; // InternalError and anything newer
            }
        }
    }
}
