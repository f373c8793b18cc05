using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota pack --key PRIVATE.pem --name NAME --version A.B.C --in FIRMWARE --out PACKAGE</c>: signs a firmware
    /// into a package (docs/package-format.md). PACKAGE appears only when complete.
    /// </summary>
    public static class PackCommand
    {
        /// <summary>The <c>pack</c> command.</summary>
        public static Command Create()
        {
            Option<string> key = OptionRules.Text("--key", "PRIVATE.pem", "the signing key (fota keygen)", required: true);
            Option<string> name = OptionRules.Text("--name", "NAME", "the firmware name devices send", required: true);
            Option<string> version = OptionRules.Text("--version", "A.B.C", "the firmware's version", required: true);
            Option<string> input = OptionRules.Text("--in", "FIRMWARE", "the firmware image to sign", required: true);
            Option<string> package = OptionRules.Text("--out", "PACKAGE", "the package to write (appears only when complete)", required: true);
            var command = new Command("pack", "sign FIRMWARE for firmware NAME version A.B.C; upload PACKAGE like any firmware")
            {
                key, name, version, input, package,
            };
            command.SetAction(result => Execute(result.GetValue(key), result.GetValue(name), result.GetValue(version),
                result.GetValue(input), result.GetValue(package), result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
            return command;
        }

        /// <summary>Packs <paramref name="input"/> into <paramref name="packagePath"/>; exit 0 when written.</summary>
        /// <exception cref="UsageException">When the name or version cannot be signed.</exception>
        public static int Execute(string keyPath, string name, string version, string input, string packagePath, TextWriter output, TextWriter errors)
        {
            string problem = PackageWriter.CheckName(name) ?? Fota.Client.FotaVersion.Check(version);
            if (problem != null)
            {
                throw new UsageException("pack: " + problem + ".");
            }

            RSA key;
            try
            {
                key = PackageWriter.ReadPrivateKey(File.ReadAllText(keyPath));
            }
            catch (ArgumentException e)
            {
                errors.WriteLine("fota: --key '" + keyPath + "': " + e.Message + ".");
                return ExitCodes.Failed;
            }

            using (key)
            {
                string target = Path.GetFullPath(packagePath);
                string partial = target + "." + Guid.NewGuid().ToString("N") + ".part";
                byte[] header;
                long firmwareLength;
                try
                {
                    using (FileStream firmware = new FileStream(input, FileMode.Open, FileAccess.Read, FileShare.Read))
                    using (FileStream package = new FileStream(partial, FileMode.CreateNew, FileAccess.Write, FileShare.None))
                    {
                        firmwareLength = firmware.Length;
                        if (firmwareLength == 0)
                        {
                            errors.WriteLine("fota: '" + input + "' is empty; there is nothing to sign.");
                            return ExitCodes.Failed;
                        }

                        header = PackageWriter.Write(key, name, version, firmware, package);
                        package.Flush(true);
                    }

                    File.Move(partial, target, overwrite: true);
                }
                finally
                {
                    File.Delete(partial);
                }

                output.WriteLine("Packed '" + name + "' " + version + ": " + firmwareLength + " bytes of firmware, signed with RSA-"
                    + key.KeySize + " key id " + Convert.ToHexStringLower(PackageWriter.KeyIdOf(key)) + ", into " + target + " ("
                    + new FileInfo(target).Length + " bytes; header " + header.Length + ", signature " + key.KeySize / 8 + ").");
                return ExitCodes.Ok;
            }
        }
    }
}
