using System;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Globalization;

namespace Fota.Tool
{
    /// <summary>
    /// Options as every <c>fota</c> command declares them: text that must not be empty when required, whole
    /// numbers in a range with a readable error, and flags. Errors surface as parse errors (exit status 2).
    /// </summary>
    public static class OptionRules
    {
        /// <summary>A text option shown as <c>--name VALUE</c>; when <paramref name="required"/>, it must be given and not empty.</summary>
        public static Option<string> Text(string name, string valueName, string description, bool required = false)
        {
            var option = new Option<string>(name) { Description = description, HelpName = valueName, Required = required };
            if (required)
            {
                option.Validators.Add(result =>
                {
                    if (string.IsNullOrEmpty(result.GetValueOrDefault<string>()))
                    {
                        result.AddError(name + " must not be empty.");
                    }
                });
            }

            return option;
        }

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/>, <paramref name="fallback"/> when not given.</summary>
        public static Option<long> Number(string name, string valueName, string description, long min, long max, long fallback)
        {
            return new Option<long>(name)
            {
                Description = description,
                HelpName = valueName,
                DefaultValueFactory = _ => fallback,
                CustomParser = result => ParseNumber(result, name, min, max),
            };
        }

        /// <summary>A whole number from <paramref name="min"/> to <paramref name="max"/> that must be given.</summary>
        public static Option<long> RequiredNumber(string name, string valueName, string description, long min, long max)
        {
            return new Option<long>(name)
            {
                Description = description,
                HelpName = valueName,
                Required = true,
                CustomParser = result => ParseNumber(result, name, min, max),
            };
        }

        /// <summary>An option without a value.</summary>
        public static Option<bool> Flag(string name, string description)
        {
            return new Option<bool>(name) { Description = description };
        }

        private static long ParseNumber(ArgumentResult result, string name, long min, long max)
        {
            string text = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
            {
                result.AddError(name + " must be a whole number from " + min.ToString(CultureInfo.InvariantCulture) + " to "
                    + max.ToString(CultureInfo.InvariantCulture) + ", not '" + text + "'.");
                return 0;
            }

            return value;
        }
    }
}
