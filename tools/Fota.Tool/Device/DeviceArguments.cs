using System.Linq;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// The options every device's-eye command shares: the four request parameters, the base URL and a time limit.
    /// Missing parameters are left to the core, which reports them exactly as it would on a device.
    /// </summary>
    public static class DeviceArguments
    {
        /// <summary>Option names shared by url, check and get.</summary>
        public static readonly string[] Options = { "url", "imei", "project-key", "firmware-name", "version", "timeout" };

        /// <summary>Default for <c>--timeout</c>: a person waits a minute, not libfota2's five.</summary>
        public const int DefaultTimeoutSeconds = 60;

        /// <summary>Reads the shared options plus <paramref name="extra"/> from <c>args[1..]</c>.</summary>
        public static Arguments Parse(string[] args, string command, params string[] extra)
        {
            var arguments = new Arguments(args, 1, command, Options.Concat(extra).ToArray());
            arguments.ExpectPositionals(0, command, "nothing more");
            return arguments;
        }

        /// <summary>Options for a request as the device would make it, storing into <paramref name="region"/>.</summary>
        public static FotaOptions ToOptions(Arguments arguments, IFotaRegion region)
        {
            int timeout = (int)arguments.GetNumber("timeout", DefaultTimeoutSeconds, 1, 3600) * 1000;
            return new FotaOptions
            {
                Url = Base(arguments),
                Imei = arguments.Get("imei"),
                ProjectKey = arguments.Get("project-key"),
                FirmwareName = arguments.Get("firmware-name"),
                Version = arguments.Get("version"),
                Timeout = timeout,
                ReadTimeout = System.Math.Min(timeout, 30000),
                Region = region,
            };
        }

        /// <summary><c>--url</c>, or the LuatOS platform's endpoint.</summary>
        public static string Base(Arguments arguments)
        {
            return arguments.Get("url", FotaOptions.PlatformUrl);
        }
    }
}
