using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota get … --out FILE [--sha256 HEX] [--crc32 HEX] [--public-key PUBLIC.pem]</c>: downloads as the device would,
    /// through verifiers (and the package stage, with a key) into the core's <see cref="FileRegion"/>, with progress on
    /// stderr, and prints the SHA-256 taken on the way.
    /// FILE appears only when the whole body arrived and every check passed (an existing FILE is left alone otherwise). An option is added by
    /// declaring it in <see cref="Create"/> and applying it to the request in <see cref="Run"/>.
    /// </summary>
    public static class GetCommand
    {
        /// <summary>The <c>get</c> command.</summary>
        public static Command Create()
        {
            var device = new DeviceOptions();
            Option<string> output = OptionRules.Text("--out", "FILE", "where the firmware is stored once complete and verified", required: true);
            output.Validators.Add(result =>
            {
                string folder = Path.GetDirectoryName(Path.GetFullPath(result.GetValueOrDefault<string>() ?? "."));
                if (!Directory.Exists(folder))
                {
                    result.AddError("--out: the folder '" + folder + "' does not exist.");
                }
            });
            var sha256 = new Option<string>("--sha256")
            {
                Description = "accept only an image with this SHA-256 (64 hex digits)",
                HelpName = "HEX",
                CustomParser = result => ParseSha256(result.Tokens[0].Value, result.AddError),
            };
            var crc32 = new Option<uint?>("--crc32")
            {
                Description = "accept only an image with this CRC-32 (IEEE, as zlib; up to 8 hex digits)",
                HelpName = "HEX",
                CustomParser = result => ParseCrc32(result.Tokens[0].Value, result.AddError),
            };

            var publicKey = new Option<RsaPublicKey>("--public-key")
            {
                Description = "accept only a package signed by this key (PEM, as fota keygen writes it); FILE gets its payload",
                HelpName = "PUBLIC.pem",
                CustomParser = result => ReadPublicKey(result.Tokens[0].Value, result.AddError),
            };
            Option<long> chunkSize = OptionRules.Number("--chunk-size", "BYTES",
                "the one download buffer, also the longest reply header line (a device's default is " + FotaOptions.DefaultChunkSize + ")",
                FotaOptions.MinChunkSize, FotaOptions.MaxChunkSize, FotaOptions.MaxChunkSize);
            var tls = new TlsOptions();

            var command = new NotedCommand("get", "download with progress on stderr; FILE is written only when complete and verified",
                ResultNotes.ExitStatus);
            device.AddTo(command);
            command.Options.Add(output);
            command.Options.Add(sha256);
            command.Options.Add(crc32);
            command.Options.Add(publicKey);
            command.Options.Add(chunkSize);
            tls.AddTo(command);
            command.SetAction(result =>
            {
                // The digest is always taken on the way in: it is printed, and --sha256 compares against it.
                string expected = result.GetValue(sha256);
                using var sha256Digest = new HostSha256Verifier(expected == null ? null : Convert.FromHexString(expected));
                var verifiers = new List<IFotaVerifier> { sha256Digest };
                if (result.GetValue(crc32) is uint crc)
                {
                    verifiers.Add(new Crc32Verifier(crc));
                }

                string target = Path.GetFullPath(result.GetValue(output));
                FotaOptions options = device.ToFotaOptions(result, new FileRegion(target));
                options.Verifiers = verifiers.ToArray();
                options.ChunkSize = (int)result.GetValue(chunkSize);
                options.PublicKey = result.GetValue(publicKey);
                tls.Apply(result, options);
                return Run(options, target, sha256Digest, result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            });
            return command;
        }

        /// <summary>Runs the download; exit 0 on success, else the result's status.</summary>
        private static int Run(FotaOptions options, string target, HostSha256Verifier digest, TextWriter output, TextWriter errors)
        {
            FotaReport report = DownloadScreen.Run(options, errors, Path.GetFileName(target));
            if (!report.Succeeded)
            {
                errors.WriteLine("fota: " + report);
                return ResultExitCodes.For(report.Result);
            }

            // With a package the file holds its payload, not the body as received.
            output.WriteLine("Saved " + target + ": " + new FileInfo(target).Length + " bytes, sha256 " + digest.Hex + ".");
            output.WriteLine(report.ToString());
            return ExitCodes.Ok;
        }

        private static RsaPublicKey ReadPublicKey(string path, Action<string> error)
        {
            try
            {
                return RsaPublicKey.FromPem(File.ReadAllText(path));
            }
            catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
            {
                error("--public-key: cannot read '" + path + "': " + e.Message);
            }
            catch (ArgumentException e)
            {
                error("--public-key '" + path + "': " + e.Message.Split(" (Parameter")[0] + ".");
            }

            return null;
        }

        private static string ParseSha256(string text, Action<string> error)
        {
            if (text.Length != 2 * SHA256.HashSizeInBytes || !text.All(Uri.IsHexDigit))
            {
                error("--sha256 must be 64 hex digits (0-9, a-f, A-F) without separators or prefix, not '" + text + "'.");
                return null;
            }

            return text;
        }

        private static uint? ParseCrc32(string text, Action<string> error)
        {
            string digits = text.StartsWith("0x", StringComparison.OrdinalIgnoreCase) ? text.Substring(2) : text;
            if (digits.Length == 0 || digits.Length > 8
                || !uint.TryParse(digits, NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out uint crc))
            {
                error("--crc32 must be up to 8 hex digits such as 1c291ca3, not '" + text + "'.");
                return null;
            }

            return crc;
        }
    }
}
