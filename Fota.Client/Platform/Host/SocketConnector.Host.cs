using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Fota.Client
{
    // Connecting on the host: the name lookup and every resolved address in turn share one timeout.
    public partial class SocketConnector
    {
        private readonly Func<string, CancellationToken, Task<IPAddress[]>> resolve;

        /// <summary>A connector resolving names with the system's resolver.</summary>
        public SocketConnector() : this(Dns.GetHostAddressesAsync)
        {
        }

        // A seam for tests: resolvers that never answer or fail on purpose.
        internal SocketConnector(Func<string, CancellationToken, Task<IPAddress[]>> resolve)
        {
            this.resolve = resolve;
        }

        private Socket Connect(string host, int port, int timeoutMilliseconds)
        {
            long deadline = Environment.TickCount64 + timeoutMilliseconds;
            IPAddress[] addresses = Resolve(host, timeoutMilliseconds);
            string lastError = "no address";
            foreach (IPAddress address in addresses)
            {
                long remaining = deadline - Environment.TickCount64;
                Socket socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                try
                {
                    if (remaining <= 0 || !socket.ConnectAsync(new IPEndPoint(address, port)).Wait((int)remaining))
                    {
                        socket.Close();
                        throw new FotaException(FotaResult.Timeout, "connecting to " + host + ":" + port + " took longer than "
                            + timeoutMilliseconds + " ms");
                    }

                    socket.NoDelay = true;
                    return socket;
                }
                catch (AggregateException e) when (e.InnerException is SocketException)
                {
                    socket.Close();
                    lastError = e.InnerException.Message;
                }
            }

            throw new FotaException(FotaResult.ConnectionFailed, "cannot connect to " + host + ":" + port + ": " + lastError);
        }

        // The system's blocking lookup waits as long as the resolver's own retries take (10 s and more with a DNS server
        // that does not answer): the asynchronous one is waited for at most the timeout, then cancelled.
        private IPAddress[] Resolve(string host, int timeoutMilliseconds)
        {
            IPAddress literal;
            if (IPAddress.TryParse(host, out literal))
            {
                return new[] { literal };
            }

            using var cancel = new CancellationTokenSource();
            try
            {
                Task<IPAddress[]> lookup = resolve(host, cancel.Token);
                if (!lookup.Wait(timeoutMilliseconds))
                {
                    cancel.Cancel();
                    throw new FotaException(FotaResult.Timeout, "resolving host '" + host + "' took longer than " + timeoutMilliseconds
                        + " ms (no answer from the DNS server)");
                }

                return lookup.Result;
            }
            catch (AggregateException e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "cannot resolve host '" + host + "': " + e.InnerException.Message);
            }
            catch (SocketException e)
            {
                throw new FotaException(FotaResult.ConnectionFailed, "cannot resolve host '" + host + "': " + e.Message);
            }
        }
    }
}
