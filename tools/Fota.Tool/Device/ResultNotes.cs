namespace Fota.Tool
{
    /// <summary>The help paragraph of <c>url</c>, <c>check</c> and <c>get</c>: one exit status per result.</summary>
    public static class ResultNotes
    {
        /// <summary>The exit statuses, as <see cref="ResultExitCodes"/> gives them.</summary>
        public const string ExitStatus = @"Exit status: 0 success (check: a firmware is offered; url: printed), 1 internal error,
  2 wrong command line, 3 UpToDate, 4 Refused, 5 InvalidOptions, 6 InvalidVersion, 7 MissingProjectKey,
  8 InvalidUrl, 9 ConnectionFailed, 10 ClosedEarly, 11 Timeout, 12 ProtocolError, 13 UnexpectedStatus,
  14 EmptyBody, 15 VerificationFailed, 16 StorageFailed, 17 Busy, 18 Cancelled.";
    }
}
