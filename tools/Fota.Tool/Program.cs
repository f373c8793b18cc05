using System;

namespace Fota.Tool
{
    /// <summary>Entry point of <c>fota</c>.</summary>
    public static class Program
    {
        /// <summary>Runs one command; the exit status says how it went (see <see cref="ExitCodes"/>).</summary>
        public static int Main(string[] args)
        {
            Console.OutputEncoding = System.Text.Encoding.UTF8;
            return FotaCommandLine.Run(args, Console.Out, Console.Error);
        }
    }
}
