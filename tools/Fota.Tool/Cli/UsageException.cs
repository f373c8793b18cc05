using System;

namespace Fota.Tool
{
    /// <summary>A mistake in the command line; reported with a pointer to <c>fota help</c> and exit status 2.</summary>
    public sealed class UsageException : Exception
    {
        /// <summary>Creates the exception with the line to show.</summary>
        public UsageException(string message) : base(message)
        {
        }
    }
}
