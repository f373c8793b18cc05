using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.IO;
using System.Linq;

namespace Fota.Tool
{
    /// <summary>
    /// Generated help plus each command's own notes: System.CommandLine writes usage, arguments, options and
    /// subcommands from the command tree; a <see cref="NotedCommand"/> (or the root) adds what no option can say.
    /// </summary>
    public sealed class HelpNotes : SynchronousCommandLineAction
    {
        private readonly HelpAction generated;
        private readonly string rootNotes;

        private HelpNotes(HelpAction generated, string rootNotes)
        {
            this.generated = generated;
            this.rootNotes = rootNotes;
        }

        /// <inheritdoc />
        public override bool ClearsParseErrors
        {
            get { return true; }
        }

        /// <summary>Makes <c>--help</c> (on every command, as the option is recursive) show the notes too.</summary>
        public static void Install(RootCommand root, string rootNotes)
        {
            HelpOption help = root.Options.OfType<HelpOption>().Single();
            help.Action = new HelpNotes((HelpAction)help.Action, rootNotes);
        }

        /// <summary>Writes the help of <paramref name="root"/> itself to <paramref name="writer"/>.</summary>
        public static void Write(RootCommand root, TextWriter writer)
        {
            root.Parse(new[] { "--help" }).Invoke(new InvocationConfiguration { Output = writer });
        }

        /// <inheritdoc />
        public override int Invoke(ParseResult parseResult)
        {
            generated.Invoke(parseResult);
            Command command = parseResult.CommandResult.Command;
            string notes = command is NotedCommand noted ? noted.Notes : command is RootCommand ? rootNotes : null;
            if (notes != null)
            {
                TextWriter output = parseResult.InvocationConfiguration.Output;
                output.WriteLine(notes);
                output.WriteLine();
            }

            return ExitCodes.Ok;
        }
    }
}
