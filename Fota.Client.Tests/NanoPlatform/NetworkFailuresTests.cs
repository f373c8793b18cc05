using System;
using System.Net.Sockets;
using Xunit;

namespace Fota.Client.Tests.NanoPlatform
{
    /// <summary>
    /// How the device reports a failed DNS lookup (Fota.Client/Platform/Nano/NetworkFailures.cs, compiled here: it uses
    /// only what nanoFramework and .NET share). nanoFramework's resolver gives up after a fixed 30 s and throws
    /// SocketException 10060 (nf-interpreter NativeSocket::getaddrinfo): that is a timeout, not a refusal.
    /// </summary>
    public class NetworkFailuresTests
    {
        [Fact]
        public void ADnsLookupThatTimedOutIsATimeout()
        {
            FotaException e = NetworkFailures.Resolving("iot.openluat.com", new SocketException(10060));
            Assert.Equal(FotaResult.Timeout, e.Result);
            Assert.Contains("iot.openluat.com", e.Message);
            Assert.Contains("30 s", e.Message);
        }

        [Fact]
        public void AnUnknownHostIsAConnectionFailureThatSaysSo()
        {
            FotaException e = NetworkFailures.Resolving("no-such-host.example", new SocketException(11001));
            Assert.Equal(FotaResult.ConnectionFailed, e.Result);
            Assert.Contains("not found", e.Message);
        }

        [Fact]
        public void OtherResolverFailuresAreConnectionFailuresWithTheirCode()
        {
            FotaException e = NetworkFailures.Resolving("h", new SocketException(10050));
            Assert.Equal(FotaResult.ConnectionFailed, e.Result);
            Assert.Contains("socket error 10050", e.Message);

            FotaException other = NetworkFailures.Resolving("h", new InvalidOperationException("no network interface"));
            Assert.Equal(FotaResult.ConnectionFailed, other.Result);
            Assert.Contains("InvalidOperationException no network interface", other.Message);
        }
    }
}
