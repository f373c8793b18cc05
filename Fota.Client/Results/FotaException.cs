using System;

namespace Fota.Client
{
    /// <summary>
    /// A failure with a known <see cref="FotaResult"/>, thrown by the library's parts and by
    /// connectors, and turned into the request's report. Applications never need to catch it:
    /// <c>FotaClient</c> reports every failure through <see cref="FotaReport"/>.
    /// </summary>
    public class FotaException : Exception
    {
        /// <summary>Creates an exception that the report will carry as <paramref name="result"/>.</summary>
        public FotaException(FotaResult result, string message) : base(message)
        {
            Result = result;
        }

        /// <summary>The result the report will carry.</summary>
        public FotaResult Result { get; }
    }
}
