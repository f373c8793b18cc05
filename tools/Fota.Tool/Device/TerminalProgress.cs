using Spectre.Console;

namespace Fota.Tool
{
    /// <summary>A Spectre.Console progress bar with size, rate and time left, sized to the terminal.</summary>
    public sealed class TerminalProgress : IProgressView
    {
        private readonly ProgressContext context;
        private readonly string label;
        private ProgressTask task;

        /// <summary>Draws in <paramref name="context"/>, one task named <paramref name="label"/> per download.</summary>
        public TerminalProgress(ProgressContext context, string label)
        {
            this.context = context;
            this.label = Markup.Escape(label);
        }

        /// <summary>The columns of the bar.</summary>
        public static ProgressColumn[] Columns()
        {
            return new ProgressColumn[]
            {
                new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(),
                new DownloadedColumn(), new TransferSpeedColumn(), new RemainingTimeColumn(),
            };
        }

        /// <inheritdoc />
        public void Begin(long expected)
        {
            task = context.AddTask(label, maxValue: expected > 0 ? expected : 1);
            task.IsIndeterminate = expected <= 0;
        }

        /// <inheritdoc />
        public void Show(long written)
        {
            if (task.IsIndeterminate)
            {
                task.MaxValue = written + 1;
            }

            task.Value = written;
        }

        /// <inheritdoc />
        public void End(long written, bool committed)
        {
            if (committed)
            {
                task.IsIndeterminate = false;
                task.MaxValue = written;
                task.Value = written;
            }
            else
            {
                task.Description = label + " [red](stopped)[/]";
            }

            task.StopTask();
        }
    }
}
