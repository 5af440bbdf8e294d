using System.Diagnostics;
using System.Globalization;
using HappyHorse.Cli.Tests.Support;
using Xunit.Abstractions;

namespace HappyHorse.Cli.Tests.Batch;

/// <summary>
/// The batch at scale: outstanding tasks are looked up together (retrieve_batch), far fewer requests than tasks. CI runs 50 jobs;
/// <c>HAPPYHORSE_BATCH_JOBS=1000</c> runs the measurement the CLI README quotes.
/// </summary>
public sealed class BatchScaleTests(ITestOutputHelper output) : IDisposable
{
    private const string JobsVariable = "HAPPYHORSE_BATCH_JOBS";
    private static readonly TimeSpan PollInterval = TimeSpan.FromMilliseconds(250);
    private readonly CliHarness _cli = new CliHarness()
        .WithToken(Emulators.Token)
        .WithVariable(CliEnvironment.PollIntervalVariable, "0.25");

    [Fact]
    public async Task OutstandingTasksAreLookedUpTogetherInFarFewerRequestsThanTasks()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable(JobsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 50;
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.TaskDuration = TimeSpan.FromSeconds(2);
            o.MaxRequestHistory = 100_000;
        });
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, count);

        var clock = Stopwatch.StartNew();
        var run = await _cli.RunAsync("batch", jobs, "--out", "out", "--concurrency", "8", "--base-url", emulator.BaseAddress.ToString());
        clock.Stop();

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), count);

        // Rounds are PollInterval apart; the lookups of one round go out together (at most 4 in flight).
        var lookups = emulator.Requests.Where(r => r.Path == "/happyhorse/tasks").OrderBy(r => r.ReceivedAt).ToArray();
        var rounds = new List<int>();
        for (var i = 0; i < lookups.Length; i++)
        {
            if (i == 0 || lookups[i].ReceivedAt - lookups[i - 1].ReceivedAt > PollInterval / 2)
            {
                rounds.Add(0);
            }

            rounds[^1]++;
        }

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} jobs: {clock.Elapsed.TotalSeconds:0.0} s wall, {lookups.Length} lookup requests in {rounds.Count} rounds, "
            + $"at most {rounds.Max()} a round, mean {rounds.Average():0.0}"));

        // Since each task keeps its own schedule (first look FirstPollDelay after its submit, then backing off),
        // lookups are no longer aligned in rounds: what stays bounded is the cost per task. Polling one by one costs
        // at least one request per task; the shared poller must cost well under half of that.
        Assert.All(lookups, l => Assert.Contains("retrieve_batch", l.Body, StringComparison.Ordinal));
        Assert.InRange(lookups.Length, 1, count / 2);
    }

    public void Dispose() => _cli.Dispose();
}
