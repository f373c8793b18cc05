using System;
using System.CommandLine;
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

        /// <summary>The <c>verify</c> command.</summary>
        public static Command Create()
        {
            Option<string> key = OptionRules.Text("--public-key", "PUBLIC.pem", "the public key devices hold", required: true);
            Option<string> name = OptionRules.Text("--name", "NAME", "also require this signed firmware name");
            Option<string> running = OptionRules.Text("--running-version", "A.B.C", "also require a version newer than this one");
            running.Validators.Add(result =>
            {
                string value = result.GetValueOrDefault<string>();
                string problem = value == null ? null : FotaVersion.Check(value);
                if (problem != null)
                {
                    result.AddError("--running-version: " + problem + ".");
                }
            });
            var package = new Argument<string>("PACKAGE") { Description = "the package to verify" };
            var command = new Command("verify", "check PACKAGE as a device would; exit 0 only when valid, else one line says why")
            {
                key, name, running, package,
            };
            command.SetAction(result => Execute(result.GetValue(key), result.GetValue(name), result.GetValue(running),
                result.GetValue(package), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
            return command;
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
