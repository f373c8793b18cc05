using System;

namespace nanoFramework.TestFramework
{
    /// <summary>
    /// Checks inside a test; a failing check throws <see cref="AssertFailedException"/>, which the launcher reports.
    /// </summary>
    /// <remarks>
    /// The project's own stand-in for the members of the same names in nanoFramework.TestFramework (which does not
    /// restore here). Only what the device suite uses is here; every signature matches the real one, so the tests
    /// build against the real package on a board. No generics: nanoCLR cannot run them.
    /// </remarks>
    public sealed class Assert
    {
        private Assert()
        {
        }

        /// <summary>Fails unless <paramref name="condition"/> is true.</summary>
        public static void IsTrue(bool condition, string message = "")
        {
            if (!condition)
            {
                Fail("Assert.IsTrue", message);
            }
        }

        /// <summary>Fails unless <paramref name="condition"/> is false.</summary>
        public static void IsFalse(bool condition, string message = "")
        {
            if (condition)
            {
                Fail("Assert.IsFalse", message);
            }
        }

        /// <summary>Fails unless <paramref name="value"/> is null.</summary>
        public static void IsNull(object value, string message = "")
        {
            if (value != null)
            {
                Fail("Assert.IsNull", "Actual:<" + Show(value) + ">. " + message);
            }
        }

        /// <summary>Fails when <paramref name="value"/> is null.</summary>
        public static void IsNotNull(object value, string message = "")
        {
            if (value == null)
            {
                Fail("Assert.IsNotNull", message);
            }
        }

        /// <summary>Fails unless both values are equal.</summary>
        public static void AreEqual(bool expected, bool actual, string message = "")
        {
            if (expected != actual)
            {
                FailEqual(expected ? "True" : "False", actual ? "True" : "False", message);
            }
        }

        /// <summary>Fails unless both values are equal.</summary>
        public static void AreEqual(byte expected, byte actual, string message = "")
        {
            if (expected != actual)
            {
                FailEqual(expected.ToString(), actual.ToString(), message);
            }
        }

        /// <summary>Fails unless both values are equal.</summary>
        public static void AreEqual(char expected, char actual, string message = "")
        {
            if (expected != actual)
            {
                FailEqual(Show(expected.ToString()), Show(actual.ToString()), message);
            }
        }

        /// <summary>Fails unless both values are equal.</summary>
        public static void AreEqual(int expected, int actual, string message = "")
        {
            if (expected != actual)
            {
                FailEqual(expected.ToString(), actual.ToString(), message);
            }
        }

        /// <summary>Fails unless both values are equal.</summary>
        public static void AreEqual(long expected, long actual, string message = "")
        {
            if (expected != actual)
            {
                FailEqual(expected.ToString(), actual.ToString(), message);
            }
        }

        /// <summary>Fails unless both values are equal.</summary>
        public static void AreEqual(uint expected, uint actual, string message = "")
        {
            if (expected != actual)
            {
                FailEqual("0x" + expected.ToString("X8"), "0x" + actual.ToString("X8"), message);
            }
        }

        /// <summary>Fails unless both strings are equal, ordinal.</summary>
        public static void AreEqual(string expected, string actual, string message = "")
        {
            if (!SameString(expected, actual))
            {
                FailEqual(Show(expected), Show(actual), message);
            }
        }

        /// <summary>Fails unless both objects are equal by <see cref="object.Equals(object)"/>, or both null.</summary>
        public static void AreEqual(object expected, object actual, string message = "")
        {
            bool equal = expected == null ? actual == null : expected.Equals(actual);
            if (!equal)
            {
                FailEqual(Show(expected), Show(actual), message);
            }
        }

        /// <summary>Fails when both values are equal.</summary>
        public static void AreNotEqual(int notExpected, int actual, string message = "")
        {
            if (notExpected == actual)
            {
                Fail("Assert.AreNotEqual", "Both are <" + actual.ToString() + ">. " + message);
            }
        }

        /// <summary>Fails when both strings are equal, ordinal.</summary>
        public static void AreNotEqual(string notExpected, string actual, string message = "")
        {
            if (SameString(notExpected, actual))
            {
                Fail("Assert.AreNotEqual", "Both are " + Show(actual) + ". " + message);
            }
        }

        /// <summary>
        /// Fails unless <paramref name="action"/> throws an exception of exactly the type <paramref name="exception"/>
        /// (not a derived one), as the real TestFramework does.
        /// </summary>
        public static void ThrowsException(Type exception, Action action, string message = "")
        {
            try
            {
                action();
            }
            catch (Exception e)
            {
                if (e.GetType() == exception)
                {
                    return;
                }

                Fail("Assert.ThrowsException", "Threw " + e.GetType().FullName + " (" + e.Message + "), but "
                    + exception.FullName + " was expected. " + message);
            }

            Fail("Assert.ThrowsException", "No exception thrown; " + exception.FullName + " was expected. " + message);
        }

        private static bool SameString(string a, string b)
        {
            if (a == null || b == null)
            {
                return a == null && b == null;
            }

            return a == b;
        }

        private static void FailEqual(string expected, string actual, string message)
        {
            Fail("Assert.AreEqual", "Expected:<" + expected + ">. Actual:<" + actual + ">. " + message);
        }

        private static void Fail(string assertion, string message)
        {
            throw new AssertFailedException(assertion + " failed. " + message);
        }

        // Quotes a string and writes every character outside printable ASCII as \uXXXX, so a failure names the exact
        // UTF-16 units even on a console that shows them as '?'. Iterates ToCharArray: string[i] is O(n) on nanoCLR.
        private static string Show(object value)
        {
            if (value == null)
            {
                return "(null)";
            }

            string text = value as string;
            if (text == null)
            {
                return value.ToString();
            }

            char[] chars = text.ToCharArray();
            int length = 2;
            for (int i = 0; i < chars.Length; i++)
            {
                length += chars[i] >= ' ' && chars[i] < 0x7F ? 1 : 6;
            }

            char[] shown = new char[length];
            int at = 0;
            shown[at++] = '"';
            for (int i = 0; i < chars.Length; i++)
            {
                char c = chars[i];
                if (c >= ' ' && c < 0x7F)
                {
                    shown[at++] = c;
                    continue;
                }

                shown[at++] = '\\';
                shown[at++] = 'u';
                string hex = ((int)c).ToString("X4");
                char[] digits = hex.ToCharArray();
                for (int d = 0; d < 4; d++)
                {
                    shown[at++] = digits[d];
                }
            }

            shown[at] = '"';
            return new string(shown);
        }
    }
}
