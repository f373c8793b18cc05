using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.IO;

namespace Fota.Tool
{
    /// <summary>
    /// Writes what System.CommandLine found wrong: each error as a <c>fota: …</c> line, its typo suggestions
    /// ("did you mean --account"), and where to read the command's help. All on stderr; stdout stays empty.
    /// </summary>
    public static class ParseErrors
    {
        /// <summary>Writes the errors of <paramref name="parsed"/> to <paramref name="errors"/>.</summary>
        public static void Write(ParseResult parsed, TextWriter errors)
        {
            foreach (ParseError error in parsed.Errors)
            {
                errors.WriteLine("fota: " + error.Message);
            }

            // The library's own suggestions (edit distance over the command's options and subcommands), captured
            // rather than printed where it would print them: on stdout, before the errors.
            var suggestions = new StringWriter();
            if (parsed.Action is ParseErrorAction action)
            {
                action.ShowHelp = false;
                action.ShowTypoCorrections = true;
                parsed.Invoke(new InvocationConfiguration { Output = suggestions, Error = TextWriter.Null });
            }

            string text = suggestions.ToString().Trim();
            if (text.Length > 0)
            {
                errors.WriteLine(text);
            }

            errors.WriteLine(SeeHelp(parsed));
        }

        /// <summary>The line that points to the help of the command that was being parsed.</summary>
        public static string SeeHelp(ParseResult parsed)
        {
            string path = "";
            for (SymbolResult result = parsed.CommandResult; result is CommandResult command; result = command.Parent)
            {
                path = command.Parent == null ? "fota" + path : " " + command.Command.Name + path;
            }

            return "See '" + path + " --help'.";
        }
    }
}
