using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Threading.Tasks;

namespace Fota.Client.Tests.Tool
{
    /// <summary>Runs the built <c>fota</c> (dotnet fota.dll …) as a separate process, as a person or script would.</summary>
    internal static class FotaProcess
    {
        public static string ToolPath
        {
            get
            {
                string path = typeof(FotaProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .Single(a => a.Key == "FotaTool").Value;
                return Path.GetFullPath(path);
            }
        }

        /// <summary>Runs to the end (at most a minute) and returns the exit status and both outputs.</summary>
        public static (int Exit, string Out, string Err) Run(string workingDirectory, params string[] args)
        {
            using Process process = Start(workingDirectory, args);
            Task<string> output = process.StandardOutput.ReadToEndAsync();
            Task<string> errors = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(60000))
            {
                process.Kill();
                throw new TimeoutException("fota " + string.Join(" ", args) + " did not finish within a minute");
            }

            return (process.ExitCode, output.Result, errors.Result);
        }

        /// <summary>Starts fota with redirected standard streams and no standard input.</summary>
        public static Process Start(string workingDirectory, params string[] args)
        {
            var start = new ProcessStartInfo("dotnet")
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
                StandardErrorEncoding = System.Text.Encoding.UTF8,
            };
            start.ArgumentList.Add(ToolPath);
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            Process process = Process.Start(start);
            process.StandardInput.Close();
            return process;
        }

        /// <summary>Sends SIGTERM to a process this test started, as a service manager would to stop it.</summary>
        public static void Terminate(Process process)
        {
            const int SIGTERM = 15;
            if (kill(process.Id, SIGTERM) != 0)
            {
                throw new InvalidOperationException("kill failed: " + Marshal.GetLastPInvokeError());
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
