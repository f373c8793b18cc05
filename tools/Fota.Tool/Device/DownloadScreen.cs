using System.IO;
using System.Runtime.InteropServices;
using Fota.Client;
using Spectre.Console;

namespace Fota.Tool
{
    /// <summary>Runs a request with its progress on a screen: a live bar on a terminal, plain lines otherwise.</summary>
    public static class DownloadScreen
    {
        /// <summary>Runs <paramref name="options"/> with its <see cref="FotaOptions.Progress"/> drawn on <paramref name="screen"/>.</summary>
        /// <param name="options">The request; its <see cref="FotaOptions.Progress"/> is set here.</param>
        /// <param name="screen">Where the progress goes (stderr in <c>get</c>, stdout in <c>demo</c>).</param>
        /// <param name="label">What is downloaded, for the bar.</param>
        public static FotaReport Run(FotaOptions options, TextWriter screen, string label)
        {
            if (!Terminal.IsTerminal(screen))
            {
                return RunWith(options, new PlainProgress(screen));
            }

            return RunOnTerminal(options, screen, label);
        }

        private static FotaReport RunOnTerminal(FotaOptions options, TextWriter screen, string label)
        {
            IAnsiConsole console = Terminal.For(screen);

            // The bar hides the cursor; Ctrl+C must not leave the terminal without one.
            using PosixSignalRegistration interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, _ => console.Cursor.Show());
            return console.Progress()
                .Columns(TerminalProgress.Columns())
                .AutoClear(true)
                .ExcludeVerticalPadding(true)
                .Start(context => RunWith(options, new TerminalProgress(context, label)));
        }

        private static FotaReport RunWith(FotaOptions options, IProgressView view)
        {
            var feed = new ProgressFeed(view);
            options.Progress = feed.Update;
            FotaReport report = FotaClient.Run(options);
            feed.Finish(report);
            return report;
        }
    }
}
