using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Fota.Client.Tests.Device;
using Fota.NanoRsaBench;
using Xunit;

namespace Fota.Client.Tests.Packages
{
    /// <summary>
    /// The package checks on the real interpreter: tools/NanoRsaBench converted to .pe and run by nanoCLR
    /// (../shared/nanoclr) gives, line for line, the verdicts the same source gives on .NET, and those agree with
    /// .NET's RSA. Skipped, with the reason shown, where nanoCLR is not beside the repository.
    /// </summary>
    public class NanoClrVerdictTests
    {
        private static string NanoClrFolder => Path.GetFullPath(Path.Combine(Repository.Root, "..", "shared", "nanoclr"));

        [NanoClrFact]
        public void NanoClrGivesTheSameVerdictsAsDotNet()
        {
            string[] dotnet = Verdicts.Run();
            string[] nano = RunOnNanoClr();

            Assert.Equal(dotnet, nano);
            Assert.StartsWith("valid RSA-2048 package: accepted 200 payload bytes", nano[0]);
            Assert.StartsWith("valid RSA-3072 package: accepted 200 payload bytes", nano[8]);
            Assert.Equal(8, nano.Count(l => l.Contains(": refused: ", StringComparison.Ordinal)));
        }

        [Fact]
        public void TheVectorsAgreeWithDotNetsRsa()
        {
            foreach ((string pem, string package) in new[] { (Vectors.Key2048, Vectors.Package2048), (Vectors.Key3072, Vectors.Package3072) })
            {
                using RSA rsa = RSA.Create();
                rsa.ImportFromPem(pem);
                byte[] bytes = Convert.FromBase64String(package);
                int headerLength = bytes[6] << 8 | bytes[7];
                byte[] header = bytes.AsSpan(0, headerLength).ToArray();
                byte[] signature = bytes.AsSpan(headerLength, rsa.KeySize / 8).ToArray();

                Assert.True(rsa.VerifyData(header, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
                signature[100] ^= 1;
                Assert.False(rsa.VerifyData(header, signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
            }
        }

        private static string[] RunOnNanoClr()
        {
            string corelib = Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages",
                "nanoframework.corelibrary", "1.17.11", "lib");
            string app = Repository.Metadata("NanoRsaBenchPath");
            string core = Path.Combine(Path.GetDirectoryName(app), "Fota.Client.Core.dll");
            string mscorlib = Path.Combine(corelib, "mscorlib.dll");
            using var folder = new Support.TempFolder();
            string corePe = folder.File("Fota.Client.Core.pe");
            string appPe = folder.File("NanoRsaBench.pe");

            Run(Path.Combine(NanoClrFolder, "mdp"), "-loadHints", "mscorlib", mscorlib, "-parse", core, "-compile", corePe, "false");
            Run(Path.Combine(NanoClrFolder, "mdp"), "-loadHints", "mscorlib", mscorlib, "-loadHints", "Fota.Client.Core", core,
                "-parse", app, "-compile", appPe, "false");
            string output = Run(Path.Combine(NanoClrFolder, "nanoclr"), Path.Combine(corelib, "mscorlib.pe"), corePe, appPe);

            // nanoCLR exits 0 even after an unhandled exception: the program's lines must be there, between its markers.
            string[] lines = output.Replace("\r", "").Split('\n');
            int ready = Array.IndexOf(lines, "Ready.");
            int done = Array.IndexOf(lines, "Done.");
            Assert.True(ready >= 0 && done > ready, "nanoCLR did not run the app to its end:\n" + output);
            return lines.Skip(ready + 1).Take(done - ready - 1).ToArray();
        }

        private static string Run(string program, params string[] args)
        {
            var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (string arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            using Process process = Process.Start(start);
            var errors = process.StandardError.ReadToEndAsync();
            string output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(120000))
            {
                process.Kill();
                throw new TimeoutException(program + " did not finish within two minutes");
            }

            Assert.True(process.ExitCode == 0, program + " exited " + process.ExitCode + ":\n" + output + errors.Result);
            return output;
        }

        /// <summary>A fact that runs only where ../shared/nanoclr exists, and says so when it does not.</summary>
        private sealed class NanoClrFactAttribute : FactAttribute
        {
            public NanoClrFactAttribute()
            {
                if (!File.Exists(Path.Combine(NanoClrFolder, "nanoclr")))
                {
                    Skip = "nanoCLR not found at " + NanoClrFolder + " (the device suite needs ../shared/nanoclr beside the repository)";
                }
            }
        }
    }
}
