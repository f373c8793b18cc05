using System.CommandLine;
using System.IO;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota check</c>: asks the server exactly as the device would and prints its answer and the report's
    /// diagnosis, without downloading. A <see cref="CheckRegion"/> stops the core as soon as a firmware is offered,
    /// so at most one buffer of the body crosses the network. Note that the server (and the platform) counts the
    /// request like any other, toward the daily limit of code 40.
    /// </summary>
    public static class CheckCommand
    {
        /// <summary>The <c>check</c> command.</summary>
        public static Command Create()
        {
            var device = new DeviceOptions();
            var command = new NotedCommand("check", "ask as the device would and explain the answer; downloads nothing", ResultNotes.ExitStatus);
            device.AddTo(command);
            var tls = new TlsOptions();
            tls.AddTo(command);
            command.SetAction(result =>
            {
                var region = new CheckRegion();
                FotaOptions options = device.ToFotaOptions(result, region);
                tls.Apply(result, options);
                return Run(options, region, result.InvocationConfiguration.Output);
            });
            return command;
        }

        /// <summary>Runs the request; exit 0 when a firmware is offered, else the result's status.</summary>
        private static int Run(FotaOptions options, CheckRegion region, TextWriter output)
        {
            FotaReport report = FotaClient.Run(options);

            output.WriteLine("Asked:     " + (report.Url ?? "(nothing: the options were rejected before any traffic)"));
            if (region.Offered)
            {
                output.WriteLine("Answer:    HTTP " + report.HttpStatus + ", a firmware of "
                    + (region.OfferedLength >= 0 ? region.OfferedLength + " bytes" : "unannounced length (chunked)"));
                output.WriteLine("Diagnosis: an upgrade is waiting for this device; not downloaded (check stops at the first bytes). "
                    + "'fota get' with the same options downloads it.");
                return ExitCodes.Ok;
            }

            output.WriteLine("Answer:    " + Answer(report));
            output.WriteLine("Diagnosis: " + report);
            output.WriteLine("libfota2:  result " + report.LegacyCode + " in the Lua callback");
            return ResultExitCodes.For(report.Result);
        }

        private static string Answer(FotaReport report)
        {
            if (report.HttpStatus == 0)
            {
                return "none";
            }

            string text = "HTTP " + report.HttpStatus;
            if (report.PlatformCode >= 0)
            {
                text += ", platform code " + report.PlatformCode;
            }

            if (report.PlatformMessage != null)
            {
                text += " \"" + report.PlatformMessage + "\"";
            }

            return text;
        }
    }
}
