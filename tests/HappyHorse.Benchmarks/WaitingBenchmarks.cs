using System.Text.Json.Nodes;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using HappyHorse.Emulator;
using HappyHorse.Tests.Operations;

namespace HappyHorse.Benchmarks;

/// <summary>
/// Waiting on 1,000 running tasks against the emulator: one WaitForTaskAsync per task (the baseline) against
/// operations that share the client's coalescing poller. Each iteration starts 1,000 fresh tasks first (not measured).
/// </summary>
/// <remarks>
/// Allocated is the whole process, the in-process emulator's server work included. The figures BenchmarkDotNet has
/// no column for (requests, rounds, requests per round, new connections, managed memory held per waiting task) are
/// printed as "// waiting:" lines in the run's log.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(Settings))]
public class WaitingBenchmarks : IDisposable
{
    private const int Tasks = 1_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    private ContractEmulator _emulator = null!;
    private EmulatorClient _waiter = null!;
    private HappyHorseClient _client = null!;
    private List<string> _ids = [];
    private long _requestsBefore;
    private int _connectionsBefore;
    private long _heldPerTask;

    [GlobalSetup]
    public async Task SetUpAsync() =>
        _emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions
        {
            TaskDuration = TimeSpan.FromSeconds(2),
            MaxTasks = 100_000,
            MaxRequestHistory = 30_000,
        });

    /// <summary>A fresh client per iteration, so every iteration's connections are counted from the submits' few.</summary>
    private void CreateClient()
    {
        _waiter = new EmulatorClient(_emulator, Poll, o => o.WaitTimeout = TimeSpan.FromMinutes(2));
        _client = _waiter.Client;
    }

    [IterationSetup]
    public void StartTasks()
    {
        CreateClient();
        var ids = new string[Tasks];
        Parallel.ForEachAsync(Enumerable.Range(0, Tasks), new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (i, token) =>
            ids[i] = (await _client.GenerateAsync(new GenerateRequest("horse " + i) { Async = true }, token)).TaskId!).GetAwaiter().GetResult();
        _ids = [.. ids];
        _requestsBefore = _emulator.Usage.RequestsReceived;
        _connectionsBefore = _waiter.Connections;
    }

    [Benchmark(Baseline = true, Description = "WaitForTaskAsync per task (Task.WhenAll)")]
    public async Task<int> OneByOne()
    {
        var before = HoldLookups();
        var waits = _ids.Select(id => _client.WaitForTaskAsync(id)).ToArray();
        ReleaseLookups(before);
        return (await Task.WhenAll(waits)).Length;
    }

    [Benchmark(Description = "Operations on the shared poller (Task.WhenAll)")]
    public async Task<int> Coalesced()
    {
        var before = HoldLookups();
        var waits = _ids.Select(id => _client.GetOperation(id).WaitForCompletionAsync().AsTask()).ToArray();
        ReleaseLookups(before);
        return (await Task.WhenAll(waits)).Length;
    }

    [Benchmark(Description = "WaitForTasksAsync (IAsyncEnumerable, as they end)")]
    public async Task<int> AsTheyEnd()
    {
        var count = 0;
        await foreach (var _ in _client.WaitForTasksAsync(_ids))
        {
            count++;
        }

        return count;
    }

    /// <summary>
    /// Holds lookups at the client while the waits are registered, so the heap growth measured is what waiting holds
    /// (waiters, entries, a first round's requests in flight) and not a round's answers or the pools they grow.
    /// </summary>
    private long HoldLookups()
    {
        _waiter.HoldLookups();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private void ReleaseLookups(long before)
    {
        _heldPerTask = (GC.GetTotalMemory(forceFullCollection: true) - before) / Tasks;
        _waiter.ReleaseLookups();
    }

    [IterationCleanup]
    public void Report()
    {
        var requests = _emulator.Usage.RequestsReceived - _requestsBefore;
        var asked = _emulator.Requests.Where(r => r.Path == "/happyhorse/tasks").TakeLast((int)requests)
            .SelectMany(r => JsonNode.Parse(r.Body) is { } body && body["ids"] is JsonArray ids ? ids.Select(id => (string)id!) : [(string)JsonNode.Parse(r.Body)!["id"]!])
            .GroupBy(id => id, StringComparer.Ordinal)
            .ToList();
        var rounds = asked.Count == 0 ? 0 : asked.Max(g => g.Count());
        Console.WriteLine(
            $"// waiting: requests={requests} rounds={rounds} requests/round={(rounds == 0 ? 0 : (double)requests / rounds):F1} " +
            $"new-connections={_waiter.Connections - _connectionsBefore} held-per-task={_heldPerTask} B");
        _heldPerTask = 0;
        Dispose();
    }

    /// <summary>
    /// Each operation takes seconds, so one warm-up and three measured iterations of one call. In process: the job's
    /// own rebuild leaves out ContractFirst.Contract, which the emulator references privately.
    /// </summary>
    private sealed class Settings : ManualConfig
    {
        public Settings() =>
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1).WithIterationCount(3)
                .WithToolchain(InProcessEmitToolchain.Instance));
    }

    [GlobalCleanup]
    public async Task CleanUpAsync() => await _emulator.DisposeAsync();

    /// <summary>Releases the iteration's client and its HttpClient.</summary>
    public void Dispose()
    {
        _waiter?.Dispose();
        GC.SuppressFinalize(this);
    }
}
