using System;

namespace nanoFramework.TestFramework
{
    /// <summary>Marks a class whose [TestMethod] methods the launcher runs.</summary>
    /// <remarks>
    /// The project's own stand-in for the attribute of the same name in nanoFramework.TestFramework, which does not
    /// restore here; on a board, reference that package instead and leave this folder out.
    /// </remarks>
    [AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
    public class TestClassAttribute : Attribute
    {
    }
}
