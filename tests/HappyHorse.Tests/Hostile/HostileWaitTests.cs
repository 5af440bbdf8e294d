using HappyHorse.Tests.Infrastructure;
using static HappyHorse.Tests.Hostile.HostileHarness;

namespace HappyHorse.Tests.Hostile;

/// <summary>Waiting for a task over hostile lookups ends typed and bounded, like a single lookup.</summary>
public class HostileWaitTests
{
    /// <summary>Every behaviour whose lookups always fail (a successful, unfinished record would be polled until cancelled).</summary>
    public static TheoryData<string> Failing()
    {
        var data = new TheoryData<string>();
        foreach (var b in Behaviours.All.Where(b => !b.LookupOutcomes.Contains(Outcome.Success)))
        {
            data.Add(b.Name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Failing))]
    public async Task WaitingOverFailingLookupsEndsWithTheLookupsTypedFailure(string behaviour)
    {
        var b = Behaviours.Get(behaviour);
        await using var server = HostileServer.Start();
        server.OnConnect = b.OnConnect;
        server.On(TasksPath, b.Scripts);
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress, b.Hangs ? HangTimeout : b.AttemptTimeout));

        var call = client.WaitForTaskAsync("task-1");
        var error = await Record.ExceptionAsync(() => call.WaitAsync(HardBound));

        Assert.False(error is TimeoutException && !call.IsCompleted, "WaitForTaskAsync hung");
        var outcome = Classify(new CallResult(null, error, TimeSpan.Zero));
        Assert.Contains(outcome, b.LookupOutcomes);
        Assert.InRange(b.OnConnect is null ? server.Count(TasksPath) : server.Connections, b.OnConnect is null ? 1 : 0, Behaviours.Attempts);
    }
}
