using System;
using System.Reflection;
using nanoFramework.TestFramework;

namespace Fota.Client.DeviceTests
{
    /// <summary>
    /// Runs every <see cref="TestMethodAttribute"/> method of every <see cref="TestClassAttribute"/> class of this
    /// assembly on nanoCLR, found by reflection, as nanoFramework's own launcher does: per class the
    /// <see cref="SetupAttribute"/> methods, the tests, then the <see cref="CleanupAttribute"/> methods.
    /// </summary>
    /// <remarks>
    /// Prints one line per test (<c>PASS Class.Method</c> or <c>FAIL Class.Method: why</c>) and ends with
    /// <c>DEVICE-TESTS-END: N passed, N failed</c>. nanoCLR exits with status 0 even after an unhandled exception, so
    /// build/nanoclr-tests.sh trusts only these lines: no end marker means the run crashed.
    /// </remarks>
    public static class TestLauncher
    {
        /// <summary>First line of a run.</summary>
        public const string BeginMarker = "DEVICE-TESTS-BEGIN";

        /// <summary>Starts the last line of a run that finished.</summary>
        public const string EndMarker = "DEVICE-TESTS-END";

        private static int passed;
        private static int failed;

        /// <summary>Runs the suite.</summary>
        public static void Main()
        {
            Console.WriteLine(BeginMarker);
            Type[] types = typeof(TestLauncher).Assembly.GetTypes();
            for (int i = 0; i < types.Length; i++)
            {
                if (types[i].IsClass && Has(types[i].GetCustomAttributes(true), typeof(TestClassAttribute)))
                {
                    RunClass(types[i]);
                }
            }

            Console.WriteLine(EndMarker + ": " + passed.ToString() + " passed, " + failed.ToString() + " failed");
        }

        private static void RunClass(Type type)
        {
            MethodInfo[] methods = type.GetMethods();
            bool ready = RunMarked(type, methods, typeof(SetupAttribute), null);
            RunMarked(type, methods, typeof(TestMethodAttribute), ready ? null : "not run: a [Setup] method of the class failed");
            RunMarked(type, methods, typeof(CleanupAttribute), null);
        }

        // Runs the methods carrying the attribute (or fails each with skipReason); returns false when any failed.
        private static bool RunMarked(Type type, MethodInfo[] methods, Type attribute, string skipReason)
        {
            bool allPassed = true;
            for (int i = 0; i < methods.Length; i++)
            {
                MethodInfo method = methods[i];
                if (method.DeclaringType != type || !Has(method.GetCustomAttributes(true), attribute))
                {
                    continue;
                }

                string name = type.Name + "." + method.Name;
                string failure = skipReason != null ? skipReason : Invoke(method);
                if (failure == null)
                {
                    passed++;
                    Console.WriteLine("PASS " + name);
                }
                else
                {
                    failed++;
                    allPassed = false;
                    Console.WriteLine("FAIL " + name + ": " + OneLine(failure));
                }
            }

            return allPassed;
        }

        // nanoFramework's launcher invokes test methods without an instance, so the suite keeps them static.
        private static string Invoke(MethodInfo method)
        {
            if (!method.IsStatic)
            {
                return "test methods must be static: nanoFramework's launcher invokes them without an instance";
            }

            try
            {
                method.Invoke(null, null);
                return null;
            }
            catch (Exception e)
            {
                Exception cause = e.InnerException != null && !(e is AssertFailedException) ? e.InnerException : e;
                return cause is AssertFailedException ? cause.Message : cause.GetType().FullName + ": " + cause.Message;
            }
        }

        private static bool Has(object[] attributes, Type wanted)
        {
            for (int i = 0; i < attributes.Length; i++)
            {
                if (attributes[i].GetType() == wanted)
                {
                    return true;
                }
            }

            return false;
        }

        // A failure message must stay one line, or the script would count its continuation as output noise.
        private static string OneLine(string text)
        {
            char[] chars = text.ToCharArray();
            for (int i = 0; i < chars.Length; i++)
            {
                if (chars[i] == '\r' || chars[i] == '\n')
                {
                    chars[i] = ' ';
                }
            }

            return new string(chars);
        }
    }
}
