using System;
using System.Threading;

namespace Fota.Client
{
    /// <summary>
    /// The flag another thread raises to stop a running request (<c>FotaClient.Cancel</c>). The request looks at it on
    /// its own thread before every blocking step and during back-off waits; a read already waiting is woken by closing
    /// its connection (where the platform's close does that; otherwise the read ends at its read timeout). So the request
    /// ends within one read timeout of the call, with <see cref="FotaResult.Cancelled"/>.
    /// </summary>
    /// <remarks>Interlocked, not volatile: nanoFramework's mscorlib has no IsVolatile modifier.</remarks>
    internal class Cancellation
    {
        private readonly object gate = new object();
        private int requested;
        private IConnection connection;

        /// <summary><c>true</c> once <see cref="Cancel"/> was called.</summary>
        internal bool Requested
        {
            get { return Interlocked.CompareExchange(ref requested, 0, 0) != 0; }
        }

        /// <summary>Asks the request to stop at its next step, and wakes the read it may be waiting in.</summary>
        internal void Cancel()
        {
            Interlocked.Exchange(ref requested, 1);
            IConnection open;
            lock (gate)
            {
                open = connection;
            }

            Close(open);
        }

        /// <summary>The connection a cancel closes, or <c>null</c> once it is closed anyway.</summary>
        internal void Watch(IConnection open)
        {
            lock (gate)
            {
                connection = open;
            }

            if (open != null && Requested)
            {
                Close(open);
            }
        }

        private static void Close(IConnection open)
        {
            if (open == null)
            {
                return;
            }

            try
            {
                open.Close();
            }
            catch (Exception)
            {
                // The request sees the cancel at its next step anyway.
            }
        }
    }
}
