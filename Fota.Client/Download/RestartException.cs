namespace Fota.Client
{
    /// <summary>
    /// A reply to a resumed request that is not the rest of the same file (a Content-Range that does not continue it, a
    /// changed validator, a 416): nothing of it is used, and the request tries again at once from byte 0. Reported as a
    /// <see cref="FotaResult.ProtocolError"/> if no attempt is left.
    /// </summary>
    internal class RestartException : FotaException
    {
        internal RestartException(string message) : base(FotaResult.ProtocolError, message)
        {
        }
    }
}
