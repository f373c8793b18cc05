using System.CommandLine;

namespace Fota.Tool
{
    /// <summary>A command whose help ends with a paragraph of its own (exit statuses, examples, caveats).</summary>
    public class NotedCommand : Command
    {
        /// <summary>Creates the command.</summary>
        /// <param name="name">The word that selects it.</param>
        /// <param name="description">One or two lines, shown in its parent's command list and atop its help.</param>
        /// <param name="notes">Shown after the generated help, as written.</param>
        public NotedCommand(string name, string description, string notes) : base(name, description)
        {
            Notes = notes;
        }

        /// <summary>The paragraph shown after the generated help.</summary>
        public string Notes { get; }
    }
}
