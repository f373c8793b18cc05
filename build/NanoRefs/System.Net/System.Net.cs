// Package nanoFramework.System.Net 1.11.60 (assembly System.Net 1.11.60.0).
// Assembly version: referenced as System.Net, Version=1.11.60.0 by nanoframework/Samples@121ef04
// (samples/AzureSDK/AzureEdgeOta/AzureEdgeOTAEngine/AzureEdgeOTAEngine.nfproj); version.json "precision": "build".
// COMPILE-TIME REFERENCE, NOT AN IMPLEMENTATION: it declares only the members that Fota.Client's device layer
// and samples use, with the real namespaces, names and signatures, so that they are type-checked against
// nanoFramework mscorlib 1.17.11. Every body throws; on the device the real System.Net.pe runs.
// Checked against nanoframework/System.Net at tag v1.11.54 (713b02c, the newest source stored; the builds up to 1.11.60
// changed dependencies), folder nanoFramework.System.Net/: Sockets/Socket.cs (Socket(AddressFamily,
// SocketType, ProtocolType), Connect(EndPoint), Send/Receive(byte[], int, int, SocketFlags), ReceiveTimeout,
// SendTimeout, Close), SocketException.cs (one constructor, SocketException(SocketError); ErrorCode only: there is no SocketErrorCode), Sockets/SocketErrors.cs,
// Sockets/AddressFamily.cs, SocketType.cs, ProtocolType.cs, SocketFlags.cs, Sockets/NetworkStream.cs, DNS.cs
// (Dns.GetHostEntry), IPHostEntry.cs, IPAddress.cs (constructors IPAddress(long) and IPAddress(byte[]) only), IPEndPoint.cs, EndPoint.cs, Security/SslStream.cs (SslStream(Socket):
// it wraps a Socket, not a Stream; AuthenticateAsClient(string, X509Certificate, X509Certificate, SslProtocols);
// SslVerification property), Security/NetworkSecurity.cs (SslProtocols as in .NET: Tls = 192,
// Tls11 = 768, both obsolete, Tls12 = 3072, Tls13 = 12288; the native side, nf-interpreter
// src/PAL/COM/sockets/ssl/ssl_functions.h, has the same values; SslVerification),
// X509Certificates/X509Certificate.cs, X509Certificate2.cs (string certificate, string key, string password),
// NetworkInformation/NetworkInterface.cs (PhysicalAddress is a byte[] property), NetworkInterfaceType.cs,
// NetworkHelper/NetworkHelperStatus.cs.
using System;
using System.Reflection;

[assembly: AssemblyVersion("1.11.60.0")]

namespace System.Net
{
    public abstract class EndPoint
    {
    }

    public class IPAddress
    {
        public IPAddress(long newAddress) { throw new NotImplementedException(); }

        public IPAddress(byte[] address) { throw new NotImplementedException(); }

        public System.Net.Sockets.AddressFamily AddressFamily { get { throw new NotImplementedException(); } }
    }

    public class IPEndPoint : EndPoint
    {
        public IPEndPoint(IPAddress address, int port) { throw new NotImplementedException(); }
    }

    public class IPHostEntry
    {
        public IPAddress[] AddressList { get { throw new NotImplementedException(); } }
    }

    public static class Dns
    {
        public static IPHostEntry GetHostEntry(string hostNameOrAddress) { throw new NotImplementedException(); }
    }
}

namespace System.Net.Sockets
{
    public enum AddressFamily
    {
        InterNetwork = 2,
        InterNetworkV6 = 23,
    }

    public enum SocketType
    {
        Stream = 1,
    }

    public enum ProtocolType
    {
        Tcp = 6,
    }

    [Flags]
    public enum SocketFlags
    {
        None = 0x0000,
    }

    public enum SocketError : int
    {
        SocketError = -1,
        WouldBlock = 10000 + 35,
        ConnectionAborted = 10000 + 53,
        ConnectionReset = 10000 + 54,
        Shutdown = 10000 + 58,
        TimedOut = 10000 + 60,
        HostNotFound = 10000 + 1001,
    }

    [Serializable]
    public class SocketException : Exception
    {
        public SocketException(SocketError errorCode) { throw new NotImplementedException(); }

        public int ErrorCode { get { throw new NotImplementedException(); } }
    }

    public class Socket : IDisposable
    {
        public Socket(AddressFamily addressFamily, SocketType socketType, ProtocolType protocolType) { throw new NotImplementedException(); }

        public int ReceiveTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public int SendTimeout { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public void Connect(EndPoint remoteEP) { throw new NotImplementedException(); }

        public int Send(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotImplementedException(); }

        public int Receive(byte[] buffer, int offset, int size, SocketFlags socketFlags) { throw new NotImplementedException(); }

        public void Close() { throw new NotImplementedException(); }

        void IDisposable.Dispose() { throw new NotImplementedException(); }
    }

    public class NetworkStream : System.IO.Stream
    {
        public NetworkStream(Socket socket, bool ownsSocket) { throw new NotImplementedException(); }

        public override long Length { get { throw new NotImplementedException(); } }

        public override long Position { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public override void Flush() { throw new NotImplementedException(); }

        public override int Read(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        public override void Write(byte[] buffer, int offset, int count) { throw new NotImplementedException(); }

        protected override void Dispose(bool disposing) { throw new NotImplementedException(); }
    }
}

namespace System.Net.Security
{
    using System.Net.Sockets;
    using System.Security.Cryptography.X509Certificates;

    [Flags]
    public enum SslProtocols
    {
        None = 0x00,

        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls = 192,

        [Obsolete("This value is obsolete and unsecured and will be removed in a future version.")]
        Tls11 = 768,

        Tls12 = 3072,

        Tls13 = 12288,
    }

    public enum SslVerification
    {
        NoVerification = 1,
        VerifyPeer = 2,
        CertificateRequired = 4,
        VerifyClientOnce = 8,
    }

    public class SslStream : NetworkStream
    {
        public SslStream(Socket socket) : base(socket, false) { throw new NotImplementedException(); }

        public SslVerification SslVerification { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public void AuthenticateAsClient(string targetHost, X509Certificate clientCertificate, X509Certificate ca, SslProtocols enabledSslProtocols) { throw new NotImplementedException(); }

        public override int Read(byte[] buffer, int offset, int size) { throw new NotImplementedException(); }

        public override void Write(byte[] buffer, int offset, int size) { throw new NotImplementedException(); }

        protected override void Dispose(bool disposing) { throw new NotImplementedException(); }
    }
}

namespace System.Security.Cryptography.X509Certificates
{
    public class X509Certificate
    {
        public X509Certificate(string certificate) { throw new NotImplementedException(); }

        public X509Certificate() { throw new NotImplementedException(); }
    }

    public class X509Certificate2 : X509Certificate
    {
        public X509Certificate2(string rawData, string key, string password) { throw new NotImplementedException(); }
    }
}

namespace System.Net.NetworkInformation
{
    public enum NetworkInterfaceType
    {
        Unknown = 1,
        Ethernet = 6,
        Wireless80211 = 71,
        WirelessAP = 72,
    }

    public class NetworkInterface
    {
        protected NetworkInterface(int interfaceIndex) { throw new NotImplementedException(); }

        public static NetworkInterface[] GetAllNetworkInterfaces() { throw new NotImplementedException(); }

        public byte[] PhysicalAddress { get { throw new NotImplementedException(); } set { throw new NotImplementedException(); } }

        public NetworkInterfaceType NetworkInterfaceType { get { throw new NotImplementedException(); } }
    }
}

namespace nanoFramework.Networking
{
    public enum NetworkHelperStatus
    {
        None,
        Started,
        NetworkIsReady,
        FailedNoNetworkInterface,
        TokenExpiredWaitingIPAddress,
        TokenExpiredWaitingDateTime,
        ErrorConnetingToWiFiWhileScanning,
        ExceptionOccurred,
        Reconnecting,
    }
}
