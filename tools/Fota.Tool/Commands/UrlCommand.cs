using System.CommandLine;
using System.IO;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota url</c>: prints exactly the URL a device would request, composed by the core's
    /// <see cref="UrlBuilder"/>. Only the URL goes to stdout; warnings go to stderr.
    /// </summary>
    public static class UrlCommand
    {
        /// <summary>The <c>url</c> command.</summary>
        public static Command Create()
        {
            var device = new DeviceOptions();
            var command = new NotedCommand("url", "print exactly the URL the device requests (warnings on stderr)", ResultNotes.ExitStatus);
            device.AddTo(command); // --timeout is accepted for symmetry with check and get, and checked all the same
            command.SetAction(result => Run(result.GetValue(device.Url), result.GetValue(device.IdParameter), result.GetValue(device.Imei),
                result.GetValue(device.ProjectKey), result.GetValue(device.FirmwareName), result.GetValue(device.Version),
                result.InvocationConfiguration.Output, result.InvocationConfiguration.Error));
            return command;
        }

        private static int Run(string baseUrl, string idParameter, string imei, string key, string firmwareName, string version,
            TextWriter output, TextWriter errors)
        {
            string url;
            try
            {
                url = UrlBuilder.Compose(baseUrl, idParameter, imei, key, firmwareName, version);
            }
            catch (FotaException e)
            {
                errors.WriteLine("fota: " + e.Message + " (" + FotaReport.NameOf(e.Result) + ")");
                return ResultExitCodes.For(e.Result);
            }

            if (baseUrl.StartsWith(UrlBuilder.VerbatimPrefix, System.StringComparison.Ordinal))
            {
                errors.WriteLine("fota: warning: the URL starts with " + UrlBuilder.VerbatimPrefix + ": it is used as it is, without the four parameters.");
            }
            else
            {
                WarnIfEncoded(errors, idParameter, imei);
                WarnIfEncoded(errors, "project_key", key);
                WarnIfEncoded(errors, "firmware_name", firmwareName);
                if (string.IsNullOrEmpty(key))
                {
                    errors.WriteLine("fota: warning: no project key; the LuatOS platform refuses such requests.");
                }
            }

            output.WriteLine(url);
            return ExitCodes.Ok;
        }

        private static void WarnIfEncoded(TextWriter errors, string name, string value)
        {
            if (value != null && UrlBuilder.Encode(value) != value)
            {
                errors.WriteLine("fota: warning: " + name + " '" + value + "' is sent percent-encoded as '" + UrlBuilder.Encode(value)
                    + "'; libfota2 on a LuatOS device would send it unencoded.");
            }
        }
    }
}
