using System;
using System.CommandLine;
using System.IO;
using System.Security.Cryptography;
using Fota.Client;
using Fota.Server;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota demo [--size KIB] [--keep]</c>: the whole story on one machine. Starts the real upgrade server on
    /// 127.0.0.1 with a temporary database, publishes a generated firmware, lets the real client download it as a
    /// device would (progress bar, SHA-256 and length checks, file region), then shows what the platform answers
    /// when the device is already up to date, asks with another project's key, or names a firmware that does not
    /// exist. Exit 0 only when the download succeeded, matches the published file byte for byte, and the three
    /// refusals came out as the platform's rules say.
    /// </summary>
    public static class DemoCommand
    {
        private const string Imei = "C81234567830";
        private const string FirmwareName = "fotademo_nanoFramework_ESP32";
        private const string RunningVersion = "1.0.0";
        private const string PublishedVersion = "1.0.1";

        /// <summary>The <c>demo</c> command.</summary>
        public static Command Create()
        {
            Option<long> size = OptionRules.Number("--size", "KIB", "size of the generated firmware in KiB", 1, 1024 * 1024, 512);
            Option<bool> keep = OptionRules.Flag("--keep", "keep the temporary folder (server data, the device's file) and say where");
            var command = new Command("demo", "the whole story on this machine: a temporary server, a firmware, a device downloading it "
                + "with progress, and what the refusals look like; exit 0 on success")
            {
                size, keep,
            };
            command.SetAction(result => Run((int)result.GetValue(size), result.GetValue(keep),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
            return command;
        }

        /// <summary>Runs the demo; 0 on success, 1 when any step did not come out as expected.</summary>
        private static int Run(int kibibytes, bool keep, TextWriter output, TextWriter errors)
        {
            string folder = Path.Combine(Path.GetTempPath(), "fota-demo-" + Guid.NewGuid().ToString("N"));
            Directory.CreateDirectory(folder);
            try
            {
                return Play(folder, kibibytes, output, errors);
            }
            finally
            {
                if (keep)
                {
                    output.WriteLine("Kept " + folder + " (server data in server/, the device's file in device/).");
                }
                else
                {
                    Directory.Delete(folder, true);
                }
            }
        }

        private static int Play(string folder, int kibibytes, TextWriter output, TextWriter errors)
        {
            byte[] firmware = RandomNumberGenerator.GetBytes(kibibytes * 1024);
            string firmwareFile = Path.Combine(folder, "firmware.bin");
            File.WriteAllBytes(firmwareFile, firmware);
            string deviceFolder = Directory.CreateDirectory(Path.Combine(folder, "device")).FullName;

            var serverOptions = new FotaServerOptions
            {
                DataDirectory = Path.Combine(folder, "server"),
                Urls = new[] { "http://127.0.0.1:0" },
            };
            using FotaServer server = FotaServer.Start(serverOptions);
            ProjectInfo project = server.Catalog.CreateProject("demo");
            ProjectInfo otherProject = server.Catalog.CreateProject("other", "another-account");
            server.Catalog.AddFirmware(project.Key, FirmwareName, PublishedVersion, firmwareFile);

            output.WriteLine("1. An upgrade server speaking the LuatOS platform's protocol runs at " + server.BaseUrl
                + " (temporary database).");
            output.WriteLine("   Project 'demo' has key " + project.Key + "; firmware '" + FirmwareName + "' version "
                + PublishedVersion + " is uploaded (" + firmware.Length + " bytes).");

            FotaOptions options = Device(server.UpgradeUrl, project.Key, FirmwareName, RunningVersion, deviceFolder);
            string sha256 = Convert.ToHexStringLower(SHA256.HashData(firmware));
            options.Verifiers = new IFotaVerifier[] { new LengthVerifier(firmware.Length), new Sha256Verifier(sha256) };
            output.WriteLine();
            output.WriteLine("2. Device " + Imei + " running " + RunningVersion + " asks:");
            output.WriteLine("   " + UrlBuilder.Compose(options.Url, options.Imei, options.ProjectKey, options.FirmwareName, options.Version));
            FotaReport download = DownloadScreen.Run(options, output, "update.bin");
            output.WriteLine("   " + download);
            string stored = Path.Combine(deviceFolder, "update.bin");
            bool downloaded = download.Succeeded && File.Exists(stored) && File.ReadAllBytes(stored).AsSpan().SequenceEqual(firmware);
            output.WriteLine(downloaded
                ? "   " + stored + " holds the firmware, byte for byte (sha256 " + sha256 + ")."
                : "   The download did not produce the published firmware.");

            output.WriteLine();
            output.WriteLine("3. What the report says when there is no upgrade:");
            bool refusals =
                Show(output, "after rebooting into " + PublishedVersion,
                    Device(server.UpgradeUrl, project.Key, FirmwareName, PublishedVersion, deviceFolder), FotaResult.UpToDate, 27)
                & Show(output, "with another account's project key",
                    Device(server.UpgradeUrl, otherProject.Key, FirmwareName, PublishedVersion, deviceFolder), FotaResult.Refused, 25)
                & Show(output, "with a firmware name that was never uploaded",
                    Device(server.UpgradeUrl, project.Key, "fotademo_LuatOS-SoC_AIR601", RunningVersion, deviceFolder), FotaResult.Refused, 26);

            output.WriteLine();
            if (downloaded && refusals)
            {
                output.WriteLine("Demo succeeded. Next: 'fota serve' to run this server for real devices (see README).");
                return ExitCodes.Ok;
            }

            errors.WriteLine("fota: demo failed: " + (downloaded ? "a refusal did not come out as expected" : download.ToString()));
            return ExitCodes.Failed;
        }

        private static bool Show(TextWriter output, string situation, FotaOptions options, FotaResult expected, int code)
        {
            FotaReport report = FotaClient.Run(options);
            output.WriteLine("   - " + situation + ":");
            output.WriteLine("     " + report);
            return report.Result == expected && report.PlatformCode == code;
        }

        private static FotaOptions Device(string url, string key, string firmwareName, string version, string deviceFolder)
        {
            return new FotaOptions
            {
                Url = url,
                Imei = Imei,
                ProjectKey = key,
                FirmwareName = firmwareName,
                Version = version,
                Region = new FileRegion(Path.Combine(deviceFolder, "update.bin")),
                Timeout = 60000,
            };
        }
    }
}
