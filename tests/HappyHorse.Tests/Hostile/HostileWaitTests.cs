using System.Collections.Concurrent;
using HappyHorse.Tests.Infrastructure;
using static HappyHorse.Tests.Hostile.HostileHarness;

namespace HappyHorse.Tests.Hostile;

/// <summary>
/// Waiting for a task over hostile lookups ends typed and by its deadline: a transient failure
/// keeps the wait going (then a TimeoutException carrying the last failure), a permanent one ends it.
/// </summary>
public class HostileWaitTests
{
    private static readonly TimeSpan WaitDeadline = TimeSpan.FromMilliseconds(400);

    [Fact]
    public async Task WaitingOverEveryFailingBehaviourEndsTypedAndByTheDeadline()
    {
        // Every behaviour whose lookups always fail, run side by side (each has its own server) to keep CI fast.
        var failing = Behaviours.All.Where(b => !b.LookupOutcomes.Contains(Outcome.Success)).ToList();
        var problems = new ConcurrentBag<string>();
        using var gate = new SemaphoreSlim(16);
        await Task.WhenAll(failing.Select(async b =>
        {
            await gate.WaitAsync();
            try
            {
                var problem = await WaitOnceAsync(b);
                if (problem is not null)
                {
                    problems.Add($"{b.Name}: {problem}");
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        Assert.True(failing.Count >= 100, $"only {failing.Count} failing behaviours");
        Assert.Empty(problems);
    }

    private static async Task<string?> WaitOnceAsync(Behaviour b)
    {
        await using var server = HostileServer.Start();
        server.OnConnect = b.OnConnect;
        server.On(TasksPath, b.Scripts);
        var options = Options(server.BaseAddress, b.Hangs ? HangTimeout : b.AttemptTimeout);
        options.MaxPollingInterval = TimeSpan.FromMilliseconds(50);
        options.WaitTimeout = WaitDeadline;
        using var client = new HappyHorseClient(TestClients.Token, options);

        var call = client.WaitForTaskAsync("task-1");
        var error = await Record.ExceptionAsync(() => call.WaitAsync(HardBound));
        if (error is TimeoutException && !call.IsCompleted)
        {
            return "WaitForTaskAsync hung";
        }

        // The wait's own deadline: the lookups kept failing transiently; its inner exception is the last failure.
        var lookupError = error is TimeoutException { InnerException: { } inner } && inner is not OperationCanceledException ? inner : error;
        var outcome = Classify(new CallResult(null, lookupError, TimeSpan.Zero));
        if (!b.LookupOutcomes.Contains(outcome) && outcome != Outcome.Timeout)
        {
            return $"ended with {outcome} ({error?.GetType().Name}), expected one of {string.Join(", ", b.LookupOutcomes)}";
        }

        var lookups = b.OnConnect is null ? server.Count(TasksPath) : server.Connections;
        return lookups > 400 ? $"{lookups} lookups in {WaitDeadline.TotalMilliseconds} ms" : null;
    }
}
