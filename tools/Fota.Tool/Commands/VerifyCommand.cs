using System;
using System.IO;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota verify --public-key PUBLIC.pem [--name NAME] [--running-version A.B.C] PACKAGE</c>: checks a package
    /// exactly as a device would, with the core's <see cref="PackageStage"/> fed in the device's 4096-byte chunks, so
    /// the tool and the device always agree. Exit 0 only when valid; otherwise one line says which check failed.
    /// </summary>
    public static class VerifyCommand
    {
        private const int ChunkSize = 4096;

        /// <summary>Reads the command line and runs the command.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            const string Command = "verify";
            var arguments = new Arguments(args, 1, Command, new[] { "public-key", "name", "running-version" });
            arguments.ExpectPositionals(1, Command, "the package to verify");
            string running = arguments.Get("running-version");
            if (running != null && FotaVersion.Check(running) != null)
            {
                throw new UsageException("--running-version: " + FotaVersion.Check(running) + ".");
            }

            return Execute(arguments.Require("public-key", Command), arguments.Get("name"), running, arguments.Positionals[0], output, errors);
        }

        /// <summary>Verifies <paramref name="packagePath"/>; <paramref name="name"/> and <paramref name="runningVersion"/> may be null (not checked).</summary>
        public static int Execute(string publicKeyPath, string name, string runningVersion, string packagePath, TextWriter output, TextWriter errors)
        {
            RsaPublicKey key;
            try
            {
                key = RsaPublicKey.FromPem(File.ReadAllText(publicKeyPath));
            }
            catch (ArgumentException e)
            {
                errors.WriteLine("fota: --public-key '" + publicKeyPath + "': " + e.Message.Split(" (Parameter")[0] + ".");
                return ExitCodes.Failed;
            }

            var stage = new PackageStage(key, string.IsNullOrEmpty(name) ? null : name, runningVersion);
            try
            {
                using FileStream file = new FileStream(packagePath, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
                byte[] buffer = new byte[ChunkSize];
                int read;
                while ((read = file.Read(buffer, 0, buffer.Length)) > 0)
                {
                    stage.Consume(buffer, 0, read, out _);
                }

                stage.Finish();
            }
            catch (FotaException e)
            {
                errors.WriteLine("fota: " + packagePath + " is not valid: " + e.Message + ".");
                return ExitCodes.Failed;
            }

            PackageHeader header = stage.Header;
            output.WriteLine("Valid: '" + header.Name + "' " + header.Version + ", " + header.PayloadLength + " bytes of firmware, sha256 "
                + Convert.ToHexStringLower(header.PayloadSha256) + ", signed with RSA-" + key.ModulusBits + " key id " + key.KeyIdHex
                + (name == null ? "" : "; name matches") + (runningVersion == null ? "" : "; newer than " + runningVersion) + ".");
            return ExitCodes.Ok;
        }
    }
}
