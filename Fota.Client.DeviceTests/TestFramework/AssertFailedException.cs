using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Thrown by a failing <see cref="Assert"/>; the launcher reports its message as the test's failure.</summary>
    public class AssertFailedException : Exception
    {
        /// <summary>Creates the exception with the failure's description.</summary>
        public AssertFailedException(string message)
            : base(message)
        {
        }
    }
}
