using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using HappyHorse.Cli.Tests.Support;
using HappyHorse.Emulator;
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
    private static readonly TimeSpan TaskDuration = TimeSpan.FromSeconds(2);
    private const int BatchSize = 100;
    private readonly CliHarness _cli = new CliHarness()
        .WithToken(Emulators.Token)
        .WithVariable(CliEnvironment.PollIntervalVariable, "0.25");

    [Fact]
    public async Task OutstandingTasksAreLookedUpTogetherInFarFewerRequestsThanTasks()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable(JobsVariable), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 50;
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.TaskDuration = TaskDuration;
            o.MaxRequestHistory = 100_000;
        });
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, count);

        var clock = Stopwatch.StartNew();
        var run = await _cli.RunAsync("batch", jobs, "--out", "out", "--concurrency", "8", "--base-url", emulator.BaseAddress.ToString());
        clock.Stop();

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), count);

        // The loop sends one round at a time, of ceil(outstanding / 100) lookups (the contract's max_items).
        var lookups = emulator.Requests.Where(r => r.Path == "/happyhorse/tasks").OrderBy(r => r.ReceivedAt).ToArray();
        Assert.All(lookups, l => Assert.Contains("retrieve_batch", l.Body, StringComparison.Ordinal));
        var ids = lookups.Select(l => IdsOf(l.Body)).ToArray();

        // No task this run submitted is looked up sooner than FirstPollDelay (the poll interval here) after its submit
        // was received: a fresh task waits, and gathers with the ones submitted about then, rather than being looked up
        // at once like one known only by id.
        var submittedAt = emulator.Requests.Where(r => r.Path == "/happyhorse/videos")
            .ToDictionary(r => r.Headers[ContractEmulator.ClientRequestIdHeader], r => r.ReceivedAt, StringComparer.Ordinal);
        var firstLookedAt = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        for (var i = 0; i < lookups.Length; i++)
        {
            foreach (var id in ids[i])
            {
                firstLookedAt.TryAdd(id, lookups[i].ReceivedAt);
            }
        }

        Assert.All(BatchFixture.ReadState(Path.Combine(_cli.WorkingDirectory, jobs + ".state.json")).Values, job =>
        {
            var wait = firstLookedAt[job.TaskId!] - submittedAt[job.ClientRequestId!];
            Assert.True(wait >= PollInterval, $"Task {job.TaskId} was first looked up {wait.TotalMilliseconds} ms after its submit.");
        });

        // Until every task has been looked up once, first lookups come as submits finish (gathered a tenth of an
        // interval, never early) and rounds for looked tasks come an interval apart: so their number is bounded by how
        // long the submits took, which depends on the machine; the bound is that figure, plus slack for timer jitter.
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var allSeen = Array.FindIndex(ids, batch =>
        {
            seen.UnionWith(batch);
            return seen.Count == count;
        });
        Assert.True(allSeen >= 0, "Some task was never looked up.");
        var submits = emulator.Requests.Where(r => r.Path == "/happyhorse/videos").Select(r => r.ReceivedAt).ToArray();
        var spread = submits.Max() - submits.Min();
        var gathering = PollInterval / 10;
        var perRound = (count + BatchSize - 1) / BatchSize;
        var firstPhaseBound = ((int)(spread / gathering) + (int)(spread / PollInterval) + 4) * perRound;

        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{count} jobs: {clock.Elapsed.TotalSeconds:0.0} s wall, submits over {spread.TotalMilliseconds:0} ms, {lookups.Length} lookup "
            + $"requests ({allSeen + 1} until every task was looked up once, bound {firstPhaseBound}), {ids.Sum(b => b.Count)} ids asked in all"));
        Assert.InRange(allSeen + 1, 1, firstPhaseBound);

        // From then on every round carries every task still running (all ride along in one batch), so each lookup asks
        // for the same tasks as the one before, less those that ended: one request a round, whatever the timing.
        for (var i = allSeen + 1; i < ids.Length && perRound == 1; i++)
        {
            Assert.True(ids[i].IsSubsetOf(ids[i - 1]), $"Lookup {i} asked for a task the lookup before left out.");
        }

        // Rounds after that are at least an interval apart and the last task ends a task's length after its submit.
        Assert.InRange(ids.Length - allSeen - 1, 0, ((int)(TaskDuration / PollInterval) + 2) * perRound);
    }

    private static HashSet<string> IdsOf(string body)
    {
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("ids").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
