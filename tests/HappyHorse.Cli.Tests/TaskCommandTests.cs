using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class TaskCommandTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task TaskWithTwoIdsPrintsBothRecordsFromOneBatchLookup()
    {
        await using var emulator = await Emulators.StartAsync();
        var first = await SubmitAsync(emulator, "A white horse");
        var second = await SubmitAsync(emulator, "A black horse");

        var run = await _cli.RunAsync("task", first, second, "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains($"Task {first}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains($"Task {second}", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("A white horse", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("A black horse", run.Stdout, StringComparison.Ordinal);
        var lookup = emulator.ApiRequests().Last();
        Assert.Contains("retrieve_batch", lookup.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskJsonPrintsTheRecords()
    {
        await using var emulator = await Emulators.StartAsync();
        var first = await SubmitAsync(emulator, "A white horse");
        var second = await SubmitAsync(emulator, "A black horse");

        var run = await _cli.RunAsync("task", first, second, "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal(2, json.RootElement.GetProperty("count").GetInt32());
        var tasks = json.RootElement.GetProperty("tasks").EnumerateArray().ToArray();
        Assert.Equal([first, second], tasks.Select(t => t.GetProperty("id").GetString()));
        Assert.Equal("generate", tasks[0].GetProperty("request").GetProperty("action").GetString());
        Assert.Equal("A white horse", tasks[0].GetProperty("request").GetProperty("prompt").GetString());
    }

    [Fact]
    public async Task TaskWithOneIdUsesRetrieveAndShowsTheFinishedVideo()
    {
        await using var emulator = await Emulators.StartAsync(o => o.TaskDuration = TimeSpan.Zero);
        var id = await SubmitAsync(emulator, "A white horse");
        await Task.Delay(100);

        var run = await _cli.RunAsync("task", id, "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("\"retrieve\"", emulator.ApiRequests().Last().Body, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(run.Stdout);
        var task = Assert.Single(json.RootElement.GetProperty("tasks").EnumerateArray());
        Assert.Equal("succeeded", task.GetProperty("state").GetString());
        Assert.True(task.GetProperty("finished").GetBoolean());
        var video = Assert.Single(task.GetProperty("response").GetProperty("data").EnumerateArray());
        Assert.EndsWith(".mp4", video.GetProperty("video_url").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTaskIsAnApiError()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("task", "no-such-task", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        Assert.Contains("HTTP 404", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskWithoutATokenExplainsThatItNeedsTheRealApi()
    {
        using var cli = new CliHarness();

        var run = await cli.RunAsync("task", "abc");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(HappyHorseClient.TokenEnvironmentVariable, run.Stderr, StringComparison.Ordinal);
    }

    private async Task<string> SubmitAsync(HappyHorse.Emulator.ContractEmulator emulator, string prompt)
    {
        var run = await _cli.RunAsync("generate", prompt, "--no-wait", "--base-url", emulator.BaseAddress.ToString());
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        return run.Stdout.Trim();
    }

    public void Dispose() => _cli.Dispose();
}
