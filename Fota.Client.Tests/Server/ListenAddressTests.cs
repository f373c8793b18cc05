using Fota.Server;
using Xunit;

namespace Fota.Client.Tests.Server
{
    /// <summary>--urls takes an IP literal, localhost or an explicit wildcard; anything else is refused, never bound to every interface.</summary>
    public class ListenAddressTests
    {
        [Theory]
        [InlineData("http://127.0.0.1:5080", "127.0.0.1", 5080)]
        [InlineData("http://127.0.0.1:0", "127.0.0.1", 0)]
        [InlineData("http://192.168.1.20:5080/", "192.168.1.20", 5080)]
        [InlineData("http://0.0.0.0:5080", "0.0.0.0", 5080)]
        [InlineData("http://[::]:5080", "::", 5080)]
        [InlineData("http://[::1]:5080", "::1", 5080)]
        [InlineData("HTTP://10.0.0.1", "10.0.0.1", 80)]
        public void IpLiteralsAreAccepted(string url, string address, int port)
        {
            ListenAddress parsed = ListenAddress.TryParse(url, out string problem);

            Assert.Null(problem);
            Assert.Equal(address, parsed.Address.ToString());
            Assert.Equal(port, parsed.Port);
        }

        [Theory]
        [InlineData("http://localhost:5080", true, false)]
        [InlineData("http://*:5080", false, true)]
        [InlineData("http://+:5080", false, true)]
        public void LocalhostAndWildcardsAreAccepted(string url, bool localhost, bool any)
        {
            ListenAddress parsed = ListenAddress.TryParse(url, out string problem);

            Assert.Null(problem);
            Assert.Equal((localhost, any, 5080), (parsed.IsLocalhost, parsed.IsAnyAddress, parsed.Port));
        }

        [Theory]
        [InlineData("http://127.0.0.l:5081", "neither an IP address")]
        [InlineData("http://256.1.1.1:5081", "neither an IP address")]
        [InlineData("http://fota.example.com:5081", "host names are refused")]
        [InlineData("http://127.1:5081", "neither an IP address")]
        [InlineData("http://0x7f.0.0.1:5081", "neither an IP address")]
        [InlineData("http://010.0.0.1:5081", "neither an IP address")]
        [InlineData("http://1.2.3.4.5:5081", "neither an IP address")]
        [InlineData("http://:5081", "neither an IP address")]
        [InlineData("http://[fe80::1%eth0]:5081", "not an IPv6 address")]
        [InlineData("http://[::1:5081", "unclosed")]
        [InlineData("http://127.0.0.1:65536", "not a number from 0 to 65535")]
        [InlineData("http://127.0.0.1:-1", "not a number from 0 to 65535")]
        [InlineData("http://127.0.0.1:", "not a number from 0 to 65535")]
        [InlineData("http://127.0.0.1:5080/api", "path")]
        [InlineData("https://127.0.0.1:5080", "TLS proxy")]
        [InlineData("127.0.0.1:5080", "not an http:// URL")]
        [InlineData("http://localhost:0", "fixed port")]
        [InlineData("", "empty")]
        public void AnythingElseIsRefusedWithAReason(string url, string reason)
        {
            ListenAddress parsed = ListenAddress.TryParse(url, out string problem);

            Assert.Null(parsed);
            Assert.Contains(reason, problem);
        }
    }
}
