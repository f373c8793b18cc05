using System.Net.Sockets;
using System.Threading;

namespace Fota.Client
{
    /// <summary>
    /// The limit on one connect. nanoFramework's <c>Socket.Connect</c> starts a non-blocking connect and then polls the
    /// socket with no time limit (System.Net, Sockets/Socket.cs); the managed API offers no non-blocking mode, but closing
    /// the socket from elsewhere wakes the poll (nf-interpreter NativeSocket::close signals the socket event) and the
    /// connect throws. So a one-shot timer closes the socket when time is up: the connect runs on the caller's thread, and
    /// only an expired deadline runs anything else (the timer callback, on the runtime's timer thread).
    /// </summary>
    internal sealed class ConnectDeadline
    {
        private const int Armed = 0;
        private const int Fired = 1;
        private const int Done = 2;

        private readonly Socket socket;
        private readonly Timer timer;
        private int state;

        /// <summary>Starts the clock: after <paramref name="milliseconds"/> the socket is closed unless <see cref="Finish"/> ran first.</summary>
        internal ConnectDeadline(Socket socket, int milliseconds)
        {
            this.socket = socket;
            timer = new Timer(Expire, null, milliseconds, Timeout.Infinite);
        }

        /// <summary><c>true</c> once the deadline closed the socket.</summary>
        internal bool Expired
        {
            get { return state == Fired; }
        }

        /// <summary>
        /// Stops the clock once the connect returned or threw. <c>false</c> when the deadline came first: the socket is
        /// closed and the connect, whatever it reported, ran out of time.
        /// </summary>
        internal bool Finish()
        {
            timer.Dispose();
            return Interlocked.CompareExchange(ref state, Done, Armed) == Armed;
        }

        /// <summary>The timer's callback: closes the socket unless the connect already finished.</summary>
        internal void Expire(object ignored)
        {
            if (Interlocked.CompareExchange(ref state, Fired, Armed) == Armed)
            {
                socket.Close();
            }
        }
    }
}
