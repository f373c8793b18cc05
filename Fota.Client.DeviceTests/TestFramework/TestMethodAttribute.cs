using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a test: a public static method without parameters.</summary>
    /// <remarks>
    /// The project's own stand-in for the attribute of the same name in nanoFramework.TestFramework, which does not
    /// restore here; on a board, reference that package instead and leave this folder out.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
    public class TestMethodAttribute : Attribute
    {
    }
}
