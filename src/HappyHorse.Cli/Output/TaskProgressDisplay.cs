using System.Diagnostics;
using Spectre.Console;

namespace HappyHorse.Cli.Output;

/// <summary>
/// Shows a task's state and the elapsed time while it is awaited: a live spinner on a terminal,
/// one line per state change otherwise. Always on stderr, so stdout stays clean.
/// </summary>
internal sealed class TaskProgressDisplay
{
    private readonly IAnsiConsole _console;
    private readonly string _taskId;
    private readonly long _started = Stopwatch.GetTimestamp();
    private string _state = "submitted";

    public TaskProgressDisplay(IAnsiConsole console, string taskId)
    {
        _console = console;
        _taskId = taskId;
    }

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(_started);

    /// <summary>Runs the wait and shows its progress.</summary>
    /// <param name="wait">The wait, given the progress sink to report records to.</param>
    /// <returns>The final record.</returns>
    public async Task<TaskRecord> RunAsync(Func<IProgress<TaskRecord>, Task<TaskRecord>> wait)
    {
        if (!_console.Profile.Capabilities.Interactive || !_console.Profile.Capabilities.Ansi)
        {
            var printer = new LinePrinter(this);
            printer.Print();
            return await wait(printer).ConfigureAwait(false);
        }

        var sink = new StateSink(this);
        return await _console.Status()
            .Spinner(Spinner.Known.Dots)
            .StartAsync(Text(), async context =>
            {
                var waiting = wait(sink);
                while (!waiting.IsCompleted)
                {
                    context.Status(Text());
                    await Task.WhenAny(waiting, Task.Delay(TimeSpan.FromMilliseconds(200))).ConfigureAwait(false);
                }

                return await waiting.ConfigureAwait(false);
            }).ConfigureAwait(false);
    }

    private string Text() => $"Task {Markup.Escape(_taskId)}: [bold]{Markup.Escape(_state)}[/] · {FormatElapsed(Elapsed)}";

    private static string FormatElapsed(TimeSpan elapsed) =>
        elapsed.TotalHours >= 1 ? elapsed.ToString(@"h\:mm\:ss", System.Globalization.CultureInfo.InvariantCulture)
                                : elapsed.ToString(@"m\:ss", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Keeps the latest state for the live display; reports arrive on the polling thread.</summary>
    private sealed class StateSink(TaskProgressDisplay display) : IProgress<TaskRecord>
    {
        public void Report(TaskRecord value) => Volatile.Write(ref display._state, TaskStates.Describe(value));
    }

    /// <summary>Prints a line whenever the state changes (redirected output, CI logs, tests).</summary>
    private sealed class LinePrinter(TaskProgressDisplay display) : IProgress<TaskRecord>
    {
        private string? _printed;

        public void Report(TaskRecord value)
        {
            display._state = TaskStates.Describe(value);
            Print();
        }

        public void Print()
        {
            if (_printed == display._state)
            {
                return;
            }

            _printed = display._state;
            display._console.WriteLine($"Task {display._taskId}: {display._state} ({Durations.Format(display.Elapsed)})");
        }
    }
}
