using System;
using System.Diagnostics;
using System.IO;
using Fota.Client.Tests.Server;
using Fota.Client.Tests.Support;
using Xunit;

namespace Fota.Client.Tests.Tool
{
    /// <summary>
    /// What the command line gives besides the commands themselves: generated help, errors with suggestions,
    /// shell completion, and output that adapts to a terminal (tables, progress) yet stays plain in a pipe.
    /// </summary>
    public class CommandLineTests : IDisposable
    {
        private readonly TempFolder work = new TempFolder();

        public void Dispose()
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            work.Dispose();
        }

        [Fact]
        public void HelpOfACommandListsItsOptionsAndExitStatuses()
        {
            var viaHelp = FotaProcess.Run(work.Path, "help", "get");
            var viaOption = FotaProcess.Run(work.Path, "get", "--help");
            var nested = FotaProcess.Run(work.Path, "help", "firmware", "add");

            Assert.Equal(0, viaHelp.Exit);
            Assert.Equal(viaHelp.Out, viaOption.Out);
            Assert.Contains("fota get [options]", viaHelp.Out);
            Assert.Contains("--out <FILE> (REQUIRED)", viaHelp.Out);
            Assert.Contains("--timeout <SECONDS>", viaHelp.Out);
            Assert.Contains("[default: 60]", viaHelp.Out);
            Assert.Contains("15 VerificationFailed", viaHelp.Out);
            Assert.Equal(0, nested.Exit);
            Assert.Contains("--pending", nested.Out);
            Assert.Equal("", viaHelp.Err);
        }

        [Fact]
        public void HelpForAnUnknownCommandIsAUsageError()
        {
            var result = FotaProcess.Run(work.Path, "help", "fetch");

            Assert.Equal(2, result.Exit);
            Assert.Equal("", result.Out);
            Assert.StartsWith("fota: there is no command 'fetch'.", result.Err);
        }

        [Fact]
        public void AMistypedOptionGetsASuggestion()
        {
            var result = FotaProcess.Run(work.Path, "project", "create", "a", "--acount", "x");

            Assert.Equal(2, result.Exit);
            Assert.Equal("", result.Out);
            Assert.StartsWith("fota: Unrecognized command or argument '--acount'.", result.Err);
            Assert.Contains("Did you mean", result.Err);
            Assert.Contains("\n--account", result.Err);
            Assert.Contains("See 'fota project create --help'.", result.Err);
            Assert.False(Directory.Exists(work.File("fota-data")));
        }

        [Theory]
        [InlineData("--imei must not be empty.", "device", "ban", "--imei", "")]
        [InlineData("expects a single argument but 2 were provided", "url", "--imei", "a", "--imei", "b")]
        [InlineData("--timeout must be a whole number from 1 to 3600, not '0'.", "url", "--timeout", "0")]
        [InlineData("--size must be a whole number from 1 to 1048576, not '1k'.", "demo", "--size", "1k")]
        [InlineData("Required command was not provided.", "firmware")]
        [InlineData("--sha256 must be 64 hex digits", "get", "--out", "x.bin", "--sha256", "abc")]
        [InlineData("--out: the folder", "get", "--out", "no/such/folder/x.bin")]
        [InlineData("Argument 'fish' not recognized. Must be one of", "completion", "fish")]
        public void InvalidValuesAreUsageErrors(string message, params string[] args)
        {
            var result = FotaProcess.Run(work.Path, args);

            Assert.Equal(2, result.Exit);
            Assert.Equal("", result.Out);
            Assert.StartsWith("fota: ", result.Err);
            Assert.Contains(message, result.Err);
        }

        [Theory]
        [InlineData("fota firmware a", "add")]
        [InlineData("fota get --firm", "--firmware-name")]
        [InlineData("fota dev", "device")]
        public void BashCompletesCommandsAndOptions(string line, string expected)
        {
            string script = FotaProcess.Run(work.Path, "completion", "bash").Out;
            File.WriteAllText(work.File("complete.bash"), script);

            // What bash sets before calling a completion function for `line` with the cursor at its end.
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, UseShellExecute = false };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("source \"$0\"; read -ra COMP_WORDS <<< \"$1\"; COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); "
                + "COMP_LINE=\"$1\"; COMP_POINT=${#1}; _fota_complete; printf '%s\\n' \"${COMPREPLY[@]}\"");
            start.ArgumentList.Add(work.File("complete.bash"));
            start.ArgumentList.Add(line);
            using Process bash = Process.Start(start);
            string completions = bash.StandardOutput.ReadToEnd();
            bash.WaitForExit();

            Assert.Equal(expected + "\n", completions);
        }

        [Fact]
        public void TablesAreDrawnOnATerminalAndPlainInAPipe()
        {
            Assert.Equal(0, FotaProcess.Run(work.Path, "project", "create", "demo").Exit);

            var piped = FotaProcess.Run(work.Path, "project", "list");
            var terminal = FotaProcess.RunInTerminal(work.Path, "project", "list");

            Assert.Equal(0, piped.Exit);
            Assert.StartsWith("ACCOUNT  PROJECT  KEY", piped.Out);
            Assert.Contains("default  demo     ", piped.Out);
            Assert.True(!piped.Out.Contains("\u001b"), piped.Out.Replace("\u001b", "<ESC>"));
            Assert.True(!piped.Out.Contains(" \n"), piped.Out.Replace(" ", "<SP>"));
            Assert.Equal(0, terminal.Exit);
            Assert.Contains("╭", terminal.Screen);
            Assert.Contains("\u001b[1mACCOUNT", terminal.Screen);
            Assert.Contains(" demo ", terminal.Screen);
        }

        [Fact]
        public void ProgressIsABarOnATerminalAndLinesInAPipe()
        {
            using var harness = new ServerHarness();
            string[] args =
            {
                "get", "--url", harness.Server.UpgradeUrl, "--imei", "watcher", "--project-key", harness.KeyA,
                "--firmware-name", "app", "--version", "1.0.1", "--out", work.File("fw.bin"),
            };

            var piped = FotaProcess.Run(work.Path, args);
            var terminal = FotaProcess.RunInTerminal(work.Path, args);

            Assert.Equal(0, piped.Exit);
            Assert.Matches(@"100%  4\.9 KiB of 4\.9 KiB in \d+\.\d s, [^\n]+/s\n$", piped.Err);
            Assert.Equal(0, terminal.Exit);
            Assert.Contains("━", terminal.Screen);
            Assert.Contains("100%", terminal.Screen);
            Assert.Contains("\u001b[?25h", terminal.Screen); // the cursor hidden for the bar is shown again
            Assert.Contains("Saved " + work.File("fw.bin"), terminal.Screen);
        }
    }
}
