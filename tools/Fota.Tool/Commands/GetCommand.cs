using System;
using System.Globalization;
using System.IO;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota get … --out FILE [--sha256 HEX] [--crc32 HEX]</c>: downloads as the device would, through the core's
    /// verifiers into its <see cref="FileRegion"/>, with a progress bar on stderr. FILE appears only when the whole
    /// body arrived and every check passed (an existing FILE is left alone otherwise).
    /// </summary>
    public static class GetCommand
    {
        /// <summary>Runs the download; exit 0 on success, else the result's status.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            Arguments arguments = DeviceArguments.Parse(args, "get", "out", "sha256", "crc32");
            string target = Path.GetFullPath(arguments.Require("out", "get"));
            if (!Directory.Exists(Path.GetDirectoryName(target)))
            {
                throw new UsageException("--out: the folder '" + Path.GetDirectoryName(target) + "' does not exist.");
            }

            FotaOptions options = DeviceArguments.ToOptions(arguments, new ProgressRegion(new FileRegion(target), errors));
            options.Verifiers = Verifiers(arguments);
            FotaReport report = FotaClient.Run(options);

            if (!report.Succeeded)
            {
                errors.WriteLine("fota: " + report);
                return ResultExitCodes.For(report.Result);
            }

            string sha256;
            using (FileStream file = File.OpenRead(target))
            {
                sha256 = Convert.ToHexStringLower(SHA256.HashData(file));
            }

            output.WriteLine("Saved " + target + ": " + new FileInfo(target).Length + " bytes, sha256 " + sha256 + ".");
            output.WriteLine(report.ToString());
            return ExitCodes.Ok;
        }

        private static IFotaVerifier[] Verifiers(Arguments arguments)
        {
            var verifiers = new System.Collections.Generic.List<IFotaVerifier>();
            string sha256 = arguments.Get("sha256");
            if (sha256 != null)
            {
                try
                {
                    verifiers.Add(new Sha256Verifier(sha256));
                }
                catch (ArgumentException e)
                {
                    throw new UsageException("--sha256: " + e.Message.Split(" (Parameter")[0] + ".");
                }
            }

            string crc32 = arguments.Get("crc32");
            if (crc32 != null)
            {
                string digits = crc32.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? crc32.Substring(2) : crc32;
                if (digits.Length == 0 || digits.Length > 8
                    || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint crc))
                {
                    throw new UsageException("--crc32 must be up to 8 hex digits such as 1c291ca3, not '" + crc32 + "'.");
                }

                verifiers.Add(new Crc32Verifier(crc));
            }

            return verifiers.ToArray();
        }
    }
}
