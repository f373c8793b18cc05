using System.Runtime.CompilerServices;
using Xunit;

namespace Fota.Client.Tests.Support
{
    /// <summary>
    /// A test against a real nginx: skipped when nginx is not installed, unless FOTA_REQUIRE_NGINX=1 (set by .ci/run),
    /// where it runs and fails saying nginx is missing. A skipped test carries the reason in its name, because
    /// <c>dotnet test</c> prints skip reasons only at higher verbosity.
    /// </summary>
    public sealed class NginxFactAttribute : FactAttribute
    {
        public NginxFactAttribute([CallerMemberName] string test = null)
        {
            Skip = SkipReason(test, out string name);
            DisplayName = name;
        }

        /// <summary>The skip reason, and the name that carries it; both <c>null</c> when the test runs.</summary>
        internal static string SkipReason(string test, out string displayName)
        {
            displayName = null;
            if (Nginx.Binary != null || Nginx.Required)
            {
                return null;
            }

            displayName = "Interop.NginxTests." + test + " (skipped: nginx is not installed; apt-get install nginx)";
            return Nginx.Missing;
        }
    }
}
