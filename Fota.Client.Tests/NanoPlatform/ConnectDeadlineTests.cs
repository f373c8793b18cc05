using System;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using Xunit;

namespace Fota.Client.Tests.NanoPlatform
{
    /// <summary>
    /// The device's bound on connecting (Fota.Client/Platform/Nano/ConnectDeadline.cs, compiled here): nanoFramework's
    /// Socket.Connect waits with no limit of its own until the socket is closed from elsewhere, so a one-shot timer closes
    /// it. Whichever of the connect and the timer comes second must see what the first did.
    /// </summary>
    public class ConnectDeadlineTests
    {
        private static (Socket Client, Socket Server) ConnectedPair(TcpListener listener)
        {
            var client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            client.Connect((IPEndPoint)listener.LocalEndpoint);
            return (client, listener.AcceptSocket());
        }

        [Fact]
        public void AConnectFinishedInTimeKeepsItsSocketEvenWhenTheTimerFiresLate()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var (client, server) = ConnectedPair(listener);
                var deadline = new ConnectDeadline(client, 60000);

                Assert.True(deadline.Finish());
                deadline.Expire(null);   // a timer callback already on its way when Finish ran

                Assert.Equal(4, client.Send(new byte[] { 1, 2, 3, 4 }));
                Assert.Equal(4, server.Receive(new byte[4]));
                client.Close();
                server.Close();
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public void AnExpiredDeadlineClosesTheSocketAndTheConnectIsATimeout()
        {
            var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            try
            {
                var (client, server) = ConnectedPair(listener);
                var deadline = new ConnectDeadline(client, 60000);

                deadline.Expire(null);

                Assert.False(deadline.Finish());
                Assert.Throws<ObjectDisposedException>(() => client.Send(new byte[1]));
                server.Close();
            }
            finally
            {
                listener.Stop();
            }
        }

        [Fact]
        public void TheTimerItselfFiresAndClosesTheSocket()
        {
            var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
            var deadline = new ConnectDeadline(socket, 1);

            Assert.True(SpinWait.SpinUntil(() => deadline.Expired, 10000));
            Assert.False(deadline.Finish());
            Assert.Throws<ObjectDisposedException>(() => socket.Bind(new IPEndPoint(IPAddress.Loopback, 0)));
        }
    }
}
