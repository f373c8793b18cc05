using System;

namespace Fota.Server
{
    /// <summary>
    /// The data folder cannot do what a request or the start-up needs: fota.db cannot be written (full disk,
    /// read-only folder, deleted while serving) or read. Requests that meet it are answered 503 with
    /// <c>Retry-After</c>; at start-up it is a refusal to serve. The message says what failed.
    /// </summary>
    public sealed class StorageException : Exception
    {
        /// <summary>Creates the exception with one line saying what failed.</summary>
        public StorageException(string message, Exception inner = null) : base(message, inner)
        {
        }
    }
}
