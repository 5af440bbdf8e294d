using HappyHorse.Tests.Infrastructure;
using Xunit.Abstractions;
using static HappyHorse.Tests.Hostile.HostileHarness;
using static HappyHorse.Tests.Hostile.Scripts;

namespace HappyHorse.Tests.Hostile;

/// <summary>Allocation measurements need the process to themselves: nothing runs beside them.</summary>
[CollectionDefinition("memory", DisableParallelization = true)]
public sealed class MemoryTestsDefinition
{
}

/// <summary>A 100 MB answer costs the client at most its limit in memory, with or without Content-Length.</summary>
[Collection("memory")]
public class HostileMemoryTests(ITestOutputHelper output)
{
    private const int ResponseLimit = 1024 * 1024;
    private const long SuccessBudget = ResponseLimit + (4L * 1024 * 1024);
    private const long ErrorBudget = 1024 * 1024;

    [Theory]
    [InlineData(200, false, ApiMethod.Generate)]
    [InlineData(200, true, ApiMethod.Generate)]
    [InlineData(500, false, ApiMethod.Generate)]
    [InlineData(500, true, ApiMethod.Generate)]
    [InlineData(200, false, ApiMethod.GetTask)]
    [InlineData(200, true, ApiMethod.GetTask)]
    [InlineData(503, false, ApiMethod.GetTask)]
    [InlineData(503, true, ApiMethod.GetTask)]
    public async Task AHundredMegabyteAnswerCostsAtMostTheLimit(int status, bool chunked, ApiMethod method)
    {
        await using var server = HostileServer.Start();
        var prefix = status == 200 ? "{\"task_id\":\"t-huge\",\"prompt\":\"" : "{\"error\":{\"code\":\"api_error\",\"message\":\"";
        server.On(PathOf(method), Huge(status, HundredMegabytes, chunked, prefix));
        var options = Options(server.BaseAddress);
        options.MaxResponseBytes = ResponseLimit;
        using var client = new HappyHorseClient(TestClients.Token, options);
        await WarmUpAsync();

        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: false);
        var before = GC.GetTotalAllocatedBytes(precise: true);
        var result = await CallAsync(client, method);
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - before;
        var heapGrowth = GC.GetTotalMemory(forceFullCollection: false) - heapBefore;

        var error = Assert.IsAssignableFrom<HappyHorseException>(result.Error);
        Assert.Equal(status == 200 ? ApiFailureKind.ResponseTooLarge : ApiFailureKind.ErrorStatus, error.Kind);
        var budget = status == 200 ? SuccessBudget : ErrorBudget;
        output.WriteLine($"100 MB {(status == 200 ? "success" : "error")} body ({(chunked ? "chunked" : "Content-Length")}) via {method}: allocated {allocated:N0} bytes (budget {budget:N0}), heap growth {heapGrowth:N0} bytes, {result.Elapsed.TotalMilliseconds:F0} ms, message {error.Message.Length} chars, raw body {error.RawBody?.Length ?? 0} chars, attempts {server.Count(PathOf(method))}");
        Assert.True(allocated <= budget, $"allocated {allocated:N0} bytes, budget {budget:N0}");
        Assert.True(error.Message.Length <= 2000, $"message of {error.Message.Length} chars");
        Assert.True((error.RawBody?.Length ?? 0) <= 4097, $"raw body of {error.RawBody?.Length} chars");
    }

    /// <summary>A first call pays for JIT and static setup; it is not what is measured.</summary>
    private static async Task WarmUpAsync()
    {
        await using var server = HostileServer.Start();
        server.On(VideosPath, Huge(500, 200_000, chunked: true)).On(TasksPath, Huge(200, 2_000_000, chunked: true));
        var options = Options(server.BaseAddress);
        options.MaxResponseBytes = ResponseLimit;
        using var client = new HappyHorseClient(TestClients.Token, options);
        await CallAsync(client, ApiMethod.Generate);
        await CallAsync(client, ApiMethod.GetTask);
    }
}
