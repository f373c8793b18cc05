using System;
using System.Collections.Generic;
using System.Globalization;

namespace Fota.Tool
{
    /// <summary>
    /// The options and positional words of one command. Options are <c>--name value</c>, <c>--name=value</c> or,
    /// for flags, <c>--name</c>; each command declares the ones it knows so a typo is an error, not ignored.
    /// </summary>
    public sealed class Arguments
    {
        private readonly Dictionary<string, string> values = new Dictionary<string, string>(StringComparer.Ordinal);
        private readonly HashSet<string> flags = new HashSet<string>(StringComparer.Ordinal);
        private readonly List<string> positionals = new List<string>();

        /// <summary>Reads <paramref name="args"/> from <paramref name="start"/> on.</summary>
        /// <param name="args">The whole command line.</param>
        /// <param name="start">Index of the first word after the command's name.</param>
        /// <param name="command">The command's name, for error lines.</param>
        /// <param name="valueOptions">Options that take a value, without <c>--</c>.</param>
        /// <param name="flagOptions">Options without a value, without <c>--</c>.</param>
        /// <exception cref="UsageException">On an unknown option, a missing value or an option given twice.</exception>
        public Arguments(string[] args, int start, string command, string[] valueOptions, string[] flagOptions = null)
        {
            var known = new HashSet<string>(valueOptions, StringComparer.Ordinal);
            var knownFlags = new HashSet<string>(flagOptions ?? Array.Empty<string>(), StringComparer.Ordinal);
            for (int i = start; i < args.Length; i++)
            {
                string word = args[i];
                if (!word.StartsWith("--", StringComparison.Ordinal) || word == "--")
                {
                    positionals.Add(word);
                    continue;
                }

                string name = word.Substring(2);
                string value = null;
                int equals = name.IndexOf('=');
                if (equals >= 0)
                {
                    value = name.Substring(equals + 1);
                    name = name.Substring(0, equals);
                }

                if (knownFlags.Contains(name))
                {
                    if (value != null)
                    {
                        throw new UsageException("'" + command + "': --" + name + " takes no value.");
                    }

                    flags.Add(name);
                    continue;
                }

                if (!known.Contains(name))
                {
                    throw new UsageException("'" + command + "' has no option --" + name + ".");
                }

                if (value == null)
                {
                    if (i + 1 >= args.Length)
                    {
                        throw new UsageException("'" + command + "': --" + name + " needs a value.");
                    }

                    value = args[++i];
                }

                if (values.ContainsKey(name))
                {
                    throw new UsageException("'" + command + "': --" + name + " is given twice.");
                }

                values[name] = value;
            }
        }

        /// <summary>The words that are not options.</summary>
        public IReadOnlyList<string> Positionals
        {
            get { return positionals; }
        }

        /// <summary>The value of an option, or <paramref name="fallback"/> when it was not given.</summary>
        public string Get(string name, string fallback = null)
        {
            return values.TryGetValue(name, out string value) ? value : fallback;
        }

        /// <summary>The value of an option that must be given.</summary>
        /// <exception cref="UsageException">When it was not given or is empty.</exception>
        public string Require(string name, string command)
        {
            string value = Get(name);
            if (string.IsNullOrEmpty(value))
            {
                throw new UsageException("'" + command + "' needs --" + name + ".");
            }

            return value;
        }

        /// <summary>An option's value as a whole number in a range, or <paramref name="fallback"/>.</summary>
        /// <exception cref="UsageException">When the value is not such a number.</exception>
        public long GetNumber(string name, long fallback, long min, long max)
        {
            string text = Get(name);
            if (text == null)
            {
                return fallback;
            }

            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out long value) || value < min || value > max)
            {
                throw new UsageException("--" + name + " must be a whole number from " + min + " to " + max + ", not '" + text + "'.");
            }

            return value;
        }

        /// <summary>Whether a flag was given.</summary>
        public bool Has(string flag)
        {
            return flags.Contains(flag);
        }

        /// <summary>Checks the number of positional words.</summary>
        /// <exception cref="UsageException">When there are fewer or more.</exception>
        public void ExpectPositionals(int count, string command, string what)
        {
            if (positionals.Count < count)
            {
                throw new UsageException("'" + command + "' needs " + what + ".");
            }

            if (positionals.Count > count)
            {
                throw new UsageException("'" + command + "': unexpected '" + positionals[count] + "'.");
            }
        }
    }
}
