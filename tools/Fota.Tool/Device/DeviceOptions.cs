using System;
using System.CommandLine;
using Fota.Client;

namespace Fota.Tool
{
    /// <summary>
    /// The options every device's-eye command shares: the four request parameters, the base URL and a time limit.
    /// Missing parameters are left to the core, which reports them exactly as it would on a device. Each command
    /// makes its own instance and adds it with <see cref="AddTo"/>.
    /// </summary>
    public sealed class DeviceOptions
    {
        /// <summary>Default for <c>--timeout</c>: a person waits a minute, not libfota2's five.</summary>
        public const int DefaultTimeoutSeconds = 60;

        /// <summary><c>--url URL</c>: the base URL; the LuatOS platform's endpoint when not given.</summary>
        public Option<string> Url { get; } = new Option<string>("--url")
        {
            Description = "the upgrade service's URL; the four parameters are appended. ###URL is used verbatim",
            HelpName = "URL",
            DefaultValueFactory = _ => FotaOptions.PlatformUrl,
        };

        /// <summary><c>--imei ID</c>.</summary>
        public Option<string> Imei { get; } = OptionRules.Text("--imei", "ID", "the device id: IMEI, Wi-Fi MAC as 12 hex digits, ...");

        /// <summary><c>--project-key KEY</c>.</summary>
        public Option<string> ProjectKey { get; } = OptionRules.Text("--project-key", "KEY", "the project's key (the platform needs one)");

        /// <summary><c>--firmware-name NAME</c>.</summary>
        public Option<string> FirmwareName { get; } = OptionRules.Text("--firmware-name", "NAME", "exactly the name given when the upgrade was uploaded");

        /// <summary><c>--version A.B.C</c>.</summary>
        public Option<string> Version { get; } = OptionRules.Text("--version", "A.B.C", "the version the device runs now");

        /// <summary><c>--id-parameter NAME</c>: the query parameter that carries the device id.</summary>
        public Option<string> IdParameter { get; } = CreateIdParameter();

        /// <summary><c>--timeout SECONDS</c>: the whole request; each read waits at most 30 s of it.</summary>
        public Option<long> Timeout { get; } = OptionRules.Number("--timeout", "SECONDS", "limit for the whole request (each read: 30 s at most)",
            1, 3600, DefaultTimeoutSeconds);

        /// <summary>Adds the options to <paramref name="command"/>.</summary>
        public void AddTo(Command command)
        {
            command.Options.Add(Imei);
            command.Options.Add(IdParameter);
            command.Options.Add(ProjectKey);
            command.Options.Add(FirmwareName);
            command.Options.Add(Version);
            command.Options.Add(Url);
            command.Options.Add(Timeout);
        }

        /// <summary>Options for a request as the device would make it, storing into <paramref name="region"/>.</summary>
        public FotaOptions ToFotaOptions(ParseResult result, IFotaRegion region)
        {
            int timeout = (int)result.GetValue(Timeout) * 1000;
            return new FotaOptions
            {
                Url = result.GetValue(Url),
                Imei = result.GetValue(Imei),
                DeviceIdParameter = result.GetValue(IdParameter),
                ProjectKey = result.GetValue(ProjectKey),
                FirmwareName = result.GetValue(FirmwareName),
                Version = result.GetValue(Version),
                Timeout = timeout,
                ReadTimeout = Math.Min(timeout, 30000),
                Region = region,

                // A person at a terminal asks once and sees the answer; get --retries asks for more.
                MaxAttempts = 1,
            };
        }

        private static Option<string> CreateIdParameter()
        {
            var option = new Option<string>("--id-parameter")
            {
                Description = "the query parameter that carries the device id (libfota2 sends mac on Wi-Fi modules, uid on others)",
                HelpName = "NAME",
                DefaultValueFactory = _ => UrlBuilder.DefaultDeviceIdParameter,
            };
            option.Validators.Add(result =>
            {
                string problem = UrlBuilder.CheckDeviceIdParameter(result.GetValueOrDefault<string>());
                if (problem != null)
                {
                    result.AddError(problem.Replace("DeviceIdParameter", "--id-parameter", StringComparison.Ordinal) + ".");
                }
            });
            return option;
        }
    }
}
