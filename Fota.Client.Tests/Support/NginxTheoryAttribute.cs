using System.Runtime.CompilerServices;
using Xunit;

namespace Fota.Client.Tests.Support
{
    /// <summary>The theory form of <see cref="NginxFactAttribute"/>.</summary>
    public sealed class NginxTheoryAttribute : TheoryAttribute
    {
        public NginxTheoryAttribute([CallerMemberName] string test = null)
        {
            Skip = NginxFactAttribute.SkipReason(test, out string name);
            DisplayName = name;
        }
    }
}
