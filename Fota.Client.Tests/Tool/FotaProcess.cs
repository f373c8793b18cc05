using System;
using System.Collections.Generic;
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
            return Finish(Start(workingDirectory, args), args);
        }

        /// <summary>Starts fota with redirected standard streams and no standard input.</summary>
        public static Process Start(string workingDirectory, params string[] args)
        {
            return Launch(workingDirectory, "dotnet", new[] { ToolPath }.Concat(args), terminal: false);
        }

        /// <summary>
        /// Runs fota in a pseudo-terminal (util-linux <c>script</c>), as a person at a terminal would see it: stdout and
        /// stderr arrive as one stream, with whatever escape sequences the tool draws with.
        /// </summary>
        public static (int Exit, string Screen) RunInTerminal(string workingDirectory, params string[] args)
        {
            string command = string.Join(" ", new[] { "dotnet", ToolPath }.Concat(args).Select(Quote));
            var (exit, screen, errors) = Finish(Launch(workingDirectory, "script", new[] { "-q", "-e", "-c", command, "/dev/null" }, terminal: true), args);
            return (exit, screen + errors);
        }

        private static Process Launch(string workingDirectory, string program, IEnumerable<string> args, bool terminal)
        {
            var start = new ProcessStartInfo(program)
            {
                WorkingDirectory = workingDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                RedirectStandardInput = true,
                UseShellExecute = false,
                StandardOutputEncoding = System.Text.Encoding.UTF8,
                StandardErrorEncoding = System.Text.Encoding.UTF8,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            if (terminal)
            {
                start.Environment["TERM"] = "xterm-256color";
                start.Environment.Remove("NO_COLOR");
            }

            Process process = Process.Start(start);
            process.StandardInput.Close();
            return process;
        }

        private static (int Exit, string Out, string Err) Finish(Process process, string[] args)
        {
            using (process)
            {
                Task<string> output = process.StandardOutput.ReadToEndAsync();
                Task<string> errors = process.StandardError.ReadToEndAsync();
                if (!process.WaitForExit(60000))
                {
                    process.Kill(true);
                    throw new TimeoutException("fota " + string.Join(" ", args) + " did not finish within a minute");
                }

                return (process.ExitCode, output.Result, errors.Result);
            }
        }

        private static string Quote(string word)
        {
            return "'" + word.Replace("'", "'\\''") + "'";
        }

        /// <summary>Sends SIGTERM to a process this test started, as a service manager would to stop it.</summary>
        public static void Terminate(Process process)
        {
            Signal(process, 15);
        }

        /// <summary>Sends SIGINT to a process this test started, as Ctrl+C at a terminal would.</summary>
        public static void Interrupt(Process process)
        {
            Signal(process, 2);
        }

        private static void Signal(Process process, int signal)
        {
            if (kill(process.Id, signal) != 0)
            {
                throw new InvalidOperationException("kill failed: " + Marshal.GetLastPInvokeError());
            }
        }

        [DllImport("libc", SetLastError = true)]
        private static extern int kill(int pid, int signal);
    }
}
