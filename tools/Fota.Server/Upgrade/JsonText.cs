using System.Text;

namespace Fota.Server
{
    /// <summary>
    /// JSON string literals written the way the platform writes them: every character outside printable ASCII
    /// as a lower-case <c>\uXXXX</c> escape, so replies are plain ASCII and match device logs byte for byte.
    /// </summary>
    internal static class JsonText
    {
        public static string Quote(string value)
        {
            var text = new StringBuilder(value.Length + 2);
            text.Append('"');
            foreach (char c in value)
            {
                if (c == '"' || c == '\\')
                {
                    text.Append('\\').Append(c);
                }
                else if (c < 0x20 || c > 0x7E)
                {
                    text.Append("\\u").Append(((int)c).ToString("x4"));
                }
                else
                {
                    text.Append(c);
                }
            }

            return text.Append('"').ToString();
        }
    }
}
