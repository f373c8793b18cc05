using System.Security.Cryptography;

namespace Fota.Server
{
    /// <summary>New project keys: 32 random letters and digits, the shape of the platform's keys.</summary>
    internal static class ProjectKeys
    {
        public const int Length = 32;

        private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

        public static string New()
        {
            return RandomNumberGenerator.GetString(Alphabet, Length);
        }
    }
}
