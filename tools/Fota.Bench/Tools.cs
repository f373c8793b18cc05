using System;
using System.Diagnostics;
using System.IO;
using System.Threading.Tasks;

namespace Fota.Bench
{
    // Finding and timing the programs a benchmark compares against.
    internal static class Tools
    {
        // The first executable named name on PATH, or null.
        public static string Find(string name)
        {
            string path = Environment.GetEnvironmentVariable("PATH") ?? "";
            foreach (string folder in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            {
                string candidate = Path.Combine(folder, name);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }

            return null;
        }

        // Runs a program to its end with its output captured and returns the wall-clock seconds it took.
        public static double Time(string program, string[] args, out string output)
        {
            var start = new ProcessStartInfo(program)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            long begin = Stopwatch.GetTimestamp();
            using Process process = Process.Start(start);
            Task<string> stdout = process.StandardOutput.ReadToEndAsync();
            Task<string> stderr = process.StandardError.ReadToEndAsync();
            process.WaitForExit();
            double seconds = Stopwatch.GetElapsedTime(begin).TotalSeconds;
            output = stdout.Result + stderr.Result;
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(Path.GetFileName(program) + " " + string.Join(" ", args) + " exited with "
                    + process.ExitCode + ": " + output.Trim());
            }

            return seconds;
        }

        // "nginx/1.22.1" as `nginx -v` says it.
        public static string NginxVersion(string nginx)
        {
            Time(nginx, new[] { "-v" }, out string version);
            return version.Trim().Replace("nginx version: ", "", StringComparison.Ordinal);
        }

        // The 1-, 5- and 15-minute load averages, or "unknown" where the system does not say.
        public static string LoadAverage()
        {
            return File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]) : "unknown";
        }
    }
}
