using System;

namespace Fota.Server
{
    /// <summary>
    /// An administration request that cannot be carried out (unknown project, bad name, duplicate version…).
    /// The message is one line meant for the person who typed the command; nothing was changed.
    /// </summary>
    public sealed class FotaCatalogException : Exception
    {
        /// <summary>Creates the exception with the line to show.</summary>
        public FotaCatalogException(string message) : base(message)
        {
        }
    }
}
