using System;
using System.IO;
using Spectre.Console;

namespace Fota.Tool
{
    /// <summary>
    /// Whether a writer is a terminal a person watches, and a Spectre.Console console drawing on it. Tables and
    /// progress bars adapt to a terminal; when the output goes to a file, a pipe, a test or a CI log, the commands
    /// write plain lines instead.
    /// </summary>
    public static class Terminal
    {
        /// <summary><c>true</c> when <paramref name="writer"/> is the process's stdout or stderr and that is not redirected.</summary>
        public static bool IsTerminal(TextWriter writer)
        {
            return (writer == Console.Out && !Console.IsOutputRedirected) || (writer == Console.Error && !Console.IsErrorRedirected);
        }

        /// <summary>A console that draws on <paramref name="writer"/> with what the terminal supports (colour, width, cursor).</summary>
        public static IAnsiConsole For(TextWriter writer)
        {
            return AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer) });
        }

        /// <summary>A console without colour, cursor moves or a width limit, for plain text.</summary>
        public static IAnsiConsole Plain(TextWriter writer)
        {
            IAnsiConsole console = AnsiConsole.Create(new AnsiConsoleSettings
            {
                Out = new AnsiConsoleOutput(writer),
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
            });
            console.Profile.Width = int.MaxValue / 4;
            return console;
        }
    }
}
