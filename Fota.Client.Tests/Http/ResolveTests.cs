using System;
using System.Text;
using Xunit;

namespace Fota.Client.Tests.Http
{
    /// <summary>
    /// Where a redirect's Location leads, checked against the examples of RFC 3986 §5.4 and against .NET's
    /// <see cref="Uri"/>; and HTTP dates (IMF-fixdate) against .NET's parser.
    /// </summary>
    public class ResolveTests
    {
        private const string Base = "http://a/b/c/d;p?q";

        [Theory]
        [InlineData("g", "http://a/b/c/g")]
        [InlineData("./g", "http://a/b/c/g")]
        [InlineData("g/", "http://a/b/c/g/")]
        [InlineData("/g", "http://a/g")]
        [InlineData("//g", "http://g")]
        [InlineData("?y", "http://a/b/c/d;p?y")]
        [InlineData("g?y", "http://a/b/c/g?y")]
        [InlineData("#s", "http://a/b/c/d;p?q")]
        [InlineData("g#s", "http://a/b/c/g")]
        [InlineData(";x", "http://a/b/c/;x")]
        [InlineData("", "http://a/b/c/d;p?q")]
        [InlineData(".", "http://a/b/c/")]
        [InlineData("./", "http://a/b/c/")]
        [InlineData("..", "http://a/b/")]
        [InlineData("../", "http://a/b/")]
        [InlineData("../g", "http://a/b/g")]
        [InlineData("../..", "http://a/")]
        [InlineData("../../g", "http://a/g")]
        [InlineData("../../../g", "http://a/g")]
        [InlineData("/./g", "http://a/g")]
        [InlineData("/../g", "http://a/g")]
        [InlineData("g.", "http://a/b/c/g.")]
        [InlineData("..g", "http://a/b/c/..g")]
        [InlineData("./../g", "http://a/b/g")]
        [InlineData("g/./h", "http://a/b/c/g/h")]
        [InlineData("g/../h", "http://a/b/c/h")]
        [InlineData("https://other.example:8443/x?y", "https://other.example:8443/x?y")]
        public void TheRfcExamplesResolveAsTheRfcSays(string location, string expected)
        {
            Assert.Equal(expected, Redirect.Resolve(Base, location));
            if (location.Length > 0 && location[0] != '#')
            {
                Assert.Equal(new Uri(new Uri(Base), location).GetComponents(UriComponents.HttpRequestUrl, UriFormat.UriEscaped).TrimEnd('/'),
                    Redirect.Resolve(Base, location).TrimEnd('/'));
            }
        }

        [Theory]
        [InlineData("Sun, 06 Nov 1994 08:49:37 GMT")]
        [InlineData("Thu, 29 Feb 2024 23:59:59 GMT")]
        [InlineData("Wed, 31 Dec 2025 00:00:00 GMT")]
        public void AnImfFixdateReadsAsDotNetReadsIt(string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            long expected = DateTime.ParseExact(text, "r", System.Globalization.CultureInfo.InvariantCulture).Ticks;
            Assert.Equal(expected, HttpDate.Parse(bytes, 0, bytes.Length));
        }

        [Theory]
        [InlineData("Sunday, 06-Nov-94 08:49:37 GMT")]
        [InlineData("Sun Nov  6 08:49:37 1994")]
        [InlineData("Sun, 06 Nov 1994 08:49:37 UTC")]
        [InlineData("Fri, 30 Feb 2024 10:00:00 GMT")]
        [InlineData("Sun, 06 Nox 1994 08:49:37 GMT")]
        [InlineData("Sun, 06 Nov 1994 24:00:00 GMT")]
        [InlineData("120")]
        public void AnythingElseIsNoDate(string text)
        {
            byte[] bytes = Encoding.ASCII.GetBytes(text);
            Assert.Equal(-1, HttpDate.Parse(bytes, 0, bytes.Length));
        }
    }
}
