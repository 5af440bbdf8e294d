using System.Globalization;
using HappyHorse.Cli.Output;
using Spectre.Console;

namespace HappyHorse.Cli.Batch;

/// <summary>
/// The live view of a batch on stderr: overall progress, spend so far and the estimated total, and the most
/// recently changed jobs. Without a terminal it prints one line per job state change instead.
/// </summary>
internal sealed class BatchProgressView
{
    /// <summary>How many job rows the live view shows: the most recently changed ones.</summary>
    private const int Rows = 12;

    private readonly IAnsiConsole _console;
    private readonly IReadOnlyList<JobRun> _runs;
    private readonly object _printing = new();

    public BatchProgressView(IAnsiConsole console, IReadOnlyList<JobRun> runs)
    {
        _console = console;
        _runs = runs;
    }

    public async Task RunAsync(Func<Task> work)
    {
        if (!_console.Profile.Capabilities.Interactive || !_console.Profile.Capabilities.Ansi)
        {
            foreach (var run in _runs)
            {
                run.Changed += Print;
                if (run.Plan == JobPlan.Attach)
                {
                    Print(run);
                }
            }

            _console.WriteLine(Summary());
            await work().ConfigureAwait(false);
            _console.WriteLine(Summary());
            return;
        }

        await _console.Live(Render()).AutoClear(false).StartAsync(async context =>
        {
            var running = work();
            while (!running.IsCompleted)
            {
                context.UpdateTarget(Render());
                await Task.WhenAny(running, Task.Delay(TimeSpan.FromMilliseconds(250))).ConfigureAwait(false);
            }

            context.UpdateTarget(Render());
            await running.ConfigureAwait(false);
        }).ConfigureAwait(false);
    }

    /// <summary>The totals line: counts by state, spend of the finished jobs and the estimate of all.</summary>
    public string Summary()
    {
        var c = CultureInfo.InvariantCulture;
        var done = _runs.Count(r => r.Succeeded);
        var failed = _runs.Count(r => r.Failure is not null);
        var active = _runs.Count - done - failed;
        var spent = _runs.Where(r => r.Succeeded && r.Plan != JobPlan.Skip).Sum(r => r.Job.Estimate?.Amount ?? 0);
        var total = _runs.Sum(r => r.Job.Estimate?.Amount ?? 0);
        var unpriced = _runs.Count(r => r.Job.Estimate is null);
        return string.Create(c, $"{done}/{_runs.Count} done, {failed} not finished, {active} in progress · spent ≈ {spent:0.00} in this run, ≈ {total:0.00} {HappyHorsePricing.Currency} estimated for all")
            + (unpriced > 0 ? string.Create(c, $" ({unpriced} unpriced)") : "");
    }

    private void Print(JobRun run)
    {
        var line = $"line {run.Job.Line} ({run.Job.Id}): {run.Status}"
            + (run.Entry.TaskId is { } task && (run.Status is JobState.Submitted || run.Plan == JobPlan.Attach && !run.IsFinal) ? $", task {task}" : "")
            + (run.Failure is { } failure ? $": {failure.Message}" : "");
        lock (_printing)
        {
            _console.WriteLine(line);
        }
    }

    private Rows Render()
    {
        var done = _runs.Count(r => r.IsFinal);
        var table = new Table().Border(TableBorder.Simple).AddColumns("line", "id", "action", "state", "task");
        foreach (var run in _runs.Where(r => r.Status != JobState.Pending).OrderByDescending(r => r.ChangedAt).Take(Rows))
        {
            table.AddRow(
                run.Job.Line.ToString(CultureInfo.InvariantCulture),
                Markup.Escape(run.Job.Id),
                run.Job.Action,
                run.Failure is null ? Markup.Escape(run.Status) : $"[red]{Markup.Escape(run.Status)}[/]",
                Markup.Escape(run.Entry.TaskId ?? ""));
        }

        var bar = new BreakdownChart().Width(60)
            .AddItem("done", _runs.Count(r => r.Succeeded), Color.Green)
            .AddItem("not finished", _runs.Count(r => r.Failure is not null), Color.Red)
            .AddItem("in progress", _runs.Count - done, Color.Grey);
        return new Rows(new Markup(Markup.Escape(Summary())), bar, table);
    }
}
