using System;
using System.Collections.Generic;
using System.CommandLine;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.InteropServices;
using System.Security.Cryptography;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota get … --out FILE [--sha256 HEX] [--crc32 HEX] [--public-key PUBLIC.pem] [--retries N] [--resume]</c>: downloads
    /// as the device would,
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
            Option<long> retries = OptionRules.Number("--retries", "N",
                "try again up to N times after a failure that may pass (connect, early close, timeout, 5xx, code 43), continuing"
                + " a dropped download with Range", 0, FotaOptions.MaxMaxAttempts - 1, 0);
            Option<bool> resume = OptionRules.Flag("--resume",
                "keep an interrupted download (FILE.part and its checkpoint FILE.resume) and continue it in the next run, also"
                + " after the process was killed; without it every run starts from byte 0");
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
            command.Options.Add(retries);
            command.Options.Add(resume);
            command.Options.Add(chunkSize);
            tls.AddTo(command);
            command.SetAction(result =>
            {
                // The digest is always taken on the way in: it is printed, and --sha256 compares against it. Only the
                // managed digest can be saved in a checkpoint, so --resume uses it instead of the hardware one.
                string expected = result.GetValue(sha256);
                byte[] expectedDigest = expected == null ? null : Convert.FromHexString(expected);
                bool keep = result.GetValue(resume);
                using var hostDigest = keep ? null : new HostSha256Verifier(expectedDigest);
                var managedDigest = keep ? new ResumableSha256Verifier(expectedDigest) : null;
                var verifiers = new List<IFotaVerifier> { keep ? managedDigest : hostDigest };
                if (result.GetValue(crc32) is uint crc)
                {
                    verifiers.Add(new Crc32Verifier(crc));
                }

                string target = Path.GetFullPath(result.GetValue(output));
                FotaOptions options = device.ToFotaOptions(result, new FileRegion(target));
                options.Verifiers = verifiers.ToArray();
                options.ChunkSize = (int)result.GetValue(chunkSize);
                options.PublicKey = result.GetValue(publicKey);
                options.MaxAttempts = (int)result.GetValue(retries) + 1;
                options.ResumeAcrossRequests = keep;
                tls.Apply(result, options);

                // With --resume, Ctrl+C cancels the request (which saves its checkpoint) instead of killing the process.
                using PosixSignalRegistration interrupt = keep
                    ? PosixSignalRegistration.Create(PosixSignal.SIGINT, signal =>
                    {
                        signal.Cancel = true;
                        FotaClient.Cancel();
                    })
                    : null;
                return Run(options, target, () => keep ? managedDigest.Hex : hostDigest.Hex, result.InvocationConfiguration.Output,
                    result.InvocationConfiguration.Error);
            });
            return command;
        }

        /// <summary>Runs the download; exit 0 on success, else the result's status.</summary>
        private static int Run(FotaOptions options, string target, Func<string> digest, TextWriter output, TextWriter errors)
        {
            FotaReport report = DownloadScreen.Run(options, errors, Path.GetFileName(target));
            if (!report.Succeeded)
            {
                errors.WriteLine("fota: " + report);
                return ResultExitCodes.For(report.Result);
            }

            // With a package the file holds its payload, not the body as received.
            output.WriteLine("Saved " + target + ": " + new FileInfo(target).Length + " bytes, sha256 " + digest() + ".");
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
