using System;
using System.CommandLine;
using System.IO;
using System.Reflection;

namespace Fota.Tool
{
    /// <summary>
    /// <c>fota completion bash|zsh</c>: prints a shell function that completes commands, options and values by asking
    /// this very <c>fota</c> through System.CommandLine's <c>[suggest]</c> directive. Load it with
    /// <c>source &lt;(fota completion bash)</c>, e.g. in ~/.bashrc.
    /// </summary>
    public static class CompletionCommand
    {
        /// <summary>The <c>completion</c> command.</summary>
        public static Command Create()
        {
            var shell = new Argument<string>("SHELL") { Description = "bash or zsh" }.AcceptOnlyFromAmong("bash", "zsh");
            var command = new Command("completion", "print a completion script: source <(fota completion bash)") { shell };
            command.SetAction(result =>
            {
                TextWriter output = result.InvocationConfiguration.Output;
                if (result.GetValue(shell) == "zsh")
                {
                    output.WriteLine("autoload -U +X bashcompinit && bashcompinit");
                }

                output.WriteLine(Script(Invocation()));
                return ExitCodes.Ok;
            });
            return command;
        }

        /// <summary>The bash function for a <c>fota</c> started as <paramref name="invocation"/>.</summary>
        public static string Script(string invocation)
        {
            // The suggest directive takes the cursor position within the whole line, which is what COMP_POINT is;
            // it answers every name that contains the word, so the function keeps those that start with it.
            return "_fota_complete() {\n"
                + "    local IFS=$'\\n' cur=\"${COMP_WORDS[COMP_CWORD]}\" word\n"
                + "    COMPREPLY=()\n"
                + "    for word in $(" + invocation + " \"[suggest:${COMP_POINT}]\" \"${COMP_LINE}\" 2>/dev/null); do\n"
                + "        [[ \"$word\" == \"$cur\"* ]] && COMPREPLY+=(\"$word\")\n"
                + "    done\n"
                + "}\n"
                + "complete -o default -F _fota_complete fota";
        }

        // How this fota was started: its apphost, or the dotnet host with fota.dll, so the script works with an alias too.
        private static string Invocation()
        {
            string process = Environment.ProcessPath ?? "dotnet";
            string assembly = Assembly.GetEntryAssembly()?.Location;
            bool viaHost = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
            return viaHost && !string.IsNullOrEmpty(assembly) ? Quote(process) + " " + Quote(assembly) : Quote(process);
        }

        private static string Quote(string path)
        {
            return "'" + path.Replace("'", "'\\''") + "'";
        }
    }
}
