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
        /// <summary>Prints the URL; exit 0, or the status of the result that stops a device before any traffic.</summary>
        public static int Run(string[] args, TextWriter output, TextWriter errors)
        {
            Arguments arguments = DeviceArguments.Parse(args, "url");
            arguments.GetNumber("timeout", 0, 1, 3600); // accepted for symmetry with check and get; checked all the same
            string baseUrl = DeviceArguments.Base(arguments);
            string url;
            try
            {
                url = UrlBuilder.Compose(baseUrl, arguments.Get("imei"), arguments.Get("project-key"),
                    arguments.Get("firmware-name"), arguments.Get("version"));
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
                WarnIfEncoded(errors, "imei", arguments.Get("imei"));
                WarnIfEncoded(errors, "project_key", arguments.Get("project-key"));
                WarnIfEncoded(errors, "firmware_name", arguments.Get("firmware-name"));
                if (string.IsNullOrEmpty(arguments.Get("project-key")))
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
