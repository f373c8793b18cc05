using System;
using System.CommandLine;
using System.Linq;

namespace Fota.Tool
{
    /// <summary><c>fota help [COMMAND…]</c>: the same help as <c>fota [COMMAND…] --help</c>, for those who type it first.</summary>
    public static class HelpCommand
    {
        /// <summary>The <c>help</c> command.</summary>
        public static Command Create()
        {
            var words = new Argument<string[]>("COMMAND") { Description = "the command to explain, e.g. 'get' or 'firmware add'", Arity = ArgumentArity.ZeroOrMore };
            var command = new Command("help", "this overview, or a command's options") { words };
            command.SetAction(result =>
            {
                string[] path = result.GetValue(words) ?? Array.Empty<string>();
                ParseResult help = result.RootCommandResult.Command.Parse(path.Append("--help").ToArray());
                if (help.UnmatchedTokens.Count > 0)
                {
                    throw new UsageException("there is no command '" + string.Join(" ", path) + "'.");
                }

                return help.Invoke(result.InvocationConfiguration);
            });
            return command;
        }
    }
}
