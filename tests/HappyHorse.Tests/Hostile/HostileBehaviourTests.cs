using System.Collections.Concurrent;
using HappyHorse.Tests.Infrastructure;
using Xunit.Abstractions;
using static HappyHorse.Tests.Hostile.HostileHarness;

namespace HappyHorse.Tests.Hostile;

/// <summary>
/// Every hostile behaviour against a submit method and both lookups: the outcome is typed, nothing
/// hangs, a submit is sent once unless the answer proves nothing started, and no id of a started
/// task is lost.
/// </summary>
[TestCaseOrderer("HappyHorse.Tests.Hostile.FiguresLastOrderer", "HappyHorse.Tests")]
public class HostileBehaviourTests(ITestOutputHelper output)
{
    private static readonly ConcurrentQueue<(string Behaviour, ApiMethod Method, Outcome Outcome, int Received, int Allowed, TimeSpan Elapsed)> Ledger = new();

    /// <summary>Each behaviour against one of the four submit methods (in turn) and both lookups.</summary>
    public static TheoryData<string, ApiMethod> Cases()
    {
        var data = new TheoryData<string, ApiMethod>();
        var submits = new[] { ApiMethod.Generate, ApiMethod.ImageToVideo, ApiMethod.ReferenceToVideo, ApiMethod.VideoEdit };
        for (var i = 0; i < Behaviours.All.Count; i++)
        {
            var name = Behaviours.All[i].Name;
            data.Add(name, submits[i % submits.Length]);
            data.Add(name, ApiMethod.GetTask);
            data.Add(name, ApiMethod.GetTasks);
        }

        return data;
    }

    [Fact]
    public void TheTableHasAtLeast150DistinctBehaviours()
    {
        Assert.True(Behaviours.All.Count >= 150, $"only {Behaviours.All.Count} behaviours");
        Assert.Equal(Behaviours.All.Count, Behaviours.All.Select(b => b.Name).Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task AHostileAnswerEndsTypedBoundedAndIsPaidForOnce(string behaviour, ApiMethod method)
    {
        var b = Behaviours.Get(behaviour);
        await using var server = HostileServer.Start();
        server.OnConnect = b.OnConnect;
        server.On(VideosPath, b.Scripts).On(TasksPath, b.Scripts);
        using var client = new HappyHorseClient(TestClients.Token, Options(server.BaseAddress, b.Hangs ? HangTimeout : b.AttemptTimeout));

        var result = await CallAsync(client, method);

        // (a) a typed outcome, from the behaviour's concrete set
        var outcome = Classify(result);
        output.WriteLine($"{outcome} in {result.Elapsed.TotalMilliseconds:F0} ms: {result.Error?.GetType().Name} {result.Error?.Message}");
        var allowed = IsSubmit(method) ? b.Submit : b.LookupOutcomes;
        Assert.True(allowed.Contains(outcome), $"{behaviour} / {method}: expected one of [{string.Join(", ", allowed)}] but got {outcome}: {result.Error}");
        if (result.Error is ApiException api)
        {
            if (b.Status is { } status)
            {
                Assert.Equal(status, api.StatusCode);
            }

            Assert.True(api.Message.Length <= 12_000, $"message of {api.Message.Length} chars");
            Assert.True((api.RawBody?.Length ?? 0) <= 4097, $"raw body of {api.RawBody?.Length} chars");
        }

        if (result.Error is not null)
        {
            Assert.All(Texts(result.Error), text => Assert.DoesNotContain(TestClients.Token, text, StringComparison.Ordinal));
        }

        // (b) no hang: bounded by the hard bound in CallAsync; a hang behaviour ends after its short timeouts
        var bound = b.Hangs ? TimeSpan.FromSeconds(5) : TimeSpan.FromSeconds(15);
        Assert.True(result.Elapsed < bound, $"took {result.Elapsed}");

        // (c) submits exactly as often as the answer allows; lookups at most 1 + MaxRetries
        var received = b.OnConnect is null ? server.Count(PathOf(method)) : server.Connections;
        int allowedSends;
        if (IsSubmit(method))
        {
            var expected = b.OnConnect is null ? b.Submits : 1;
            Assert.True(expected == received, $"{behaviour}: the server received {received} submits, expected exactly {expected}");
            allowedSends = b.Submits > 1 ? Behaviours.Attempts : 1;
        }
        else
        {
            if (b.Lookups is { } lookups && b.OnConnect is null)
            {
                Assert.True(lookups == received, $"{behaviour}: the server received {received} lookups, expected exactly {lookups}");
            }
            else
            {
                Assert.InRange(received, b.OnConnect is null ? 1 : 0, Behaviours.Attempts);
            }

            allowedSends = Behaviours.Attempts;
        }

        // (d) the id of a task that may have started is never lost
        if (IsSubmit(method))
        {
            AssertIdKept(b.TaskId, "task_id", result, value => ((VideosResponse)value).TaskId, null);
        }

        AssertIdKept(b.TraceId, "trace_id", result, value => value switch
        {
            VideosResponse r => r.TraceId,
            TaskRecord r => r.TraceId,
            _ => b.TraceId,
        }, api => api.TraceId);

        Ledger.Enqueue((behaviour, method, outcome, received, allowedSends, result.Elapsed));
    }

    /// <summary>Runs last in this class (see <see cref="FiguresLastOrderer"/>): the figures of the issue's closing note.</summary>
    [Fact]
    public void Figures()
    {
        var cases = Cases().Count;
        output.WriteLine($"hostile behaviours: {Behaviours.All.Count}");
        output.WriteLine($"theory cases (behaviour x method): {cases}; cases run in this process: {Ledger.Count}");
        var submits = Ledger.Where(l => IsSubmit(l.Method)).ToList();
        output.WriteLine($"submits: sent {submits.Sum(s => s.Received)}, allowed {submits.Sum(s => s.Allowed)} (behaviours where a resend is allowed: {submits.Count(s => s.Allowed > 1)}; one submit each for the other {submits.Count(s => s.Allowed == 1)})");
        var lookups = Ledger.Where(l => !IsSubmit(l.Method)).ToList();
        output.WriteLine($"lookups: sent {lookups.Sum(s => s.Received)}, allowed at most {lookups.Sum(s => s.Allowed)}");
        foreach (var group in Ledger.GroupBy(l => l.Outcome).OrderBy(g => g.Key))
        {
            output.WriteLine($"outcome {group.Key}: {group.Count()} cases");
        }

        output.WriteLine($"time in calls: {TimeSpan.FromTicks(Ledger.Sum(l => l.Elapsed.Ticks)).TotalSeconds:F1} s; slowest: "
            + string.Join("; ", Ledger.OrderByDescending(l => l.Elapsed).Take(5).Select(l => $"{l.Behaviour}/{l.Method} {l.Elapsed.TotalMilliseconds:F0} ms")));
        if (!Ledger.IsEmpty)
        {
            Assert.All(submits, s => Assert.True(s.Received <= s.Allowed, $"{s.Behaviour}: {s.Received} submits > {s.Allowed}"));
        }
    }

    private static void AssertIdKept(string? expected, string field, CallResult result, Func<object, string?> fromValue, Func<ApiException, string?>? fromError)
    {
        if (expected is null)
        {
            return;
        }

        string? kept = result.Error switch
        {
            null => fromValue(result.Value!),
            ApiException { Kind: ApiFailureKind.ErrorStatus } api => fromError?.Invoke(api),
            ApiException api => api.Info.PartialFields.TryGetValue(field, out var value) ? value : null,
            _ => null,
        };
        if (kept is null && result.Error is ApiException { Kind: ApiFailureKind.ErrorStatus } && fromError is null)
        {
            return;
        }

        Assert.True(kept is not null && kept.StartsWith(expected, StringComparison.Ordinal), $"the {field} {expected}… was lost: kept \"{kept}\"; {result.Error}");
    }
}

/// <summary>Runs the <c>Figures</c> test of a class after all its other tests.</summary>
public sealed class FiguresLastOrderer : Xunit.Sdk.ITestCaseOrderer
{
    public IEnumerable<TTestCase> OrderTestCases<TTestCase>(IEnumerable<TTestCase> testCases)
        where TTestCase : ITestCase =>
        testCases.OrderBy(t => t.TestMethod.Method.Name == "Figures" ? 1 : 0);
}
