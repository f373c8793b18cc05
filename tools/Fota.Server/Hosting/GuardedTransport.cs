using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Fota.Server
{
    /// <summary>
    /// Kestrel's socket transport with one change: a connection is accepted only when <see cref="ConnectionGuard"/>
    /// has room for it. A burst of connections therefore waits in the kernel's backlog (and beyond it is refused by
    /// the kernel) instead of being accepted faster than surplus ones can be closed — which, at the open-file limit,
    /// made the runtime abort with "Out of memory.".
    /// </summary>
    internal sealed class GuardedTransport : IConnectionListenerFactory
    {
        private readonly SocketTransportFactory sockets = new SocketTransportFactory(Options.Create(new SocketTransportOptions()), NullLoggerFactory.Instance);
        private readonly ConnectionGuard guard;

        public GuardedTransport(ConnectionGuard guard)
        {
            this.guard = guard;
        }

        public async ValueTask<IConnectionListener> BindAsync(EndPoint endpoint, CancellationToken cancellationToken = default)
        {
            return new Listener(await sockets.BindAsync(endpoint, cancellationToken), guard);
        }

        private sealed class Listener : IConnectionListener
        {
            private readonly IConnectionListener inner;
            private readonly ConnectionGuard guard;

            public Listener(IConnectionListener inner, ConnectionGuard guard)
            {
                this.inner = inner;
                this.guard = guard;
            }

            public EndPoint EndPoint
            {
                get { return inner.EndPoint; }
            }

            public async ValueTask<ConnectionContext> AcceptAsync(CancellationToken cancellationToken = default)
            {
                await guard.WaitForRoomAsync(cancellationToken);
                ConnectionContext connection;
                try
                {
                    connection = await inner.AcceptAsync(cancellationToken);
                }
                catch
                {
                    guard.GiveBackRoom();
                    throw;
                }

                if (connection == null)
                {
                    guard.GiveBackRoom();
                }

                return connection;
            }

            public ValueTask UnbindAsync(CancellationToken cancellationToken = default)
            {
                return inner.UnbindAsync(cancellationToken);
            }

            public ValueTask DisposeAsync()
            {
                return inner.DisposeAsync();
            }
        }
    }
}
