using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class ErrorTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task ARejectedPromptIsAnApiErrorWithCodeMessageAndTraceId()
    {
        await using var emulator = await Emulators.StartAsync(o => o.BlockedWords.Add("forbidden"));

        var run = await _cli.RunAsync("generate", "A forbidden horse", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("HTTP 403", run.Stderr, StringComparison.Ordinal);
        Assert.Matches(@"code:\s+\S+", run.Stderr);
        Assert.Matches(@"message:\s+\S+", run.Stderr);
        Assert.Matches(@"trace id:\s+[^\s(]+", run.Stderr);
    }

    [Fact]
    public async Task AnApiErrorAsJsonCarriesStatusCodeMessageAndTraceId()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.WithToken("wrong-token").RunAsync("generate", "A horse", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal(ExitCodes.ApiError, json.RootElement.GetProperty("exit_code").GetInt32());
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("api_error", error.GetProperty("kind").GetString());
        Assert.Equal(401, error.GetProperty("status").GetInt32());
        Assert.Equal("invalid_token", error.GetProperty("code").GetString());
        Assert.False(string.IsNullOrEmpty(error.GetProperty("api_message").GetString()));
        Assert.False(string.IsNullOrEmpty(error.GetProperty("trace_id").GetString()));
    }

    [Fact]
    public async Task ATaskThatEndsInErrorIsAnApiErrorAndSavesNothing()
    {
        await using var emulator = await Emulators.StartAsync(o => o.TaskFailureRate = 1);

        var run = await _cli.RunAsync("generate", "A horse", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("error", json.RootElement.GetProperty("state").GetString());
        Assert.Equal("task_failed", json.RootElement.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("files").GetArrayLength());
        Assert.Contains("ended in state error", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.FilesIn());
    }

    [Fact]
    public async Task ATaskSlowerThanTheTimeoutExitsWithTheTimeoutCode()
    {
        await using var emulator = await Emulators.StartAsync(o => o.TaskDuration = TimeSpan.FromMinutes(1));

        var run = await _cli.RunAsync("generate", "A horse", "--timeout", "3s", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.Timeout, run.ExitCode);
        Assert.Empty(run.Stdout);
        Assert.Contains("--timeout", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("happyhorse task ", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.FilesIn());
    }

    [Fact]
    public async Task AClosedPortIsANetworkFailure()
    {
        var run = await _cli.RunAsync("generate", "A horse", "--json", "--base-url", $"http://127.0.0.1:{Emulators.ClosedPort()}");

        Assert.Equal(ExitCodes.NetworkFailure, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("network_failure", json.RootElement.GetProperty("error").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task CtrlCWhileWaitingExits130AndLeavesNoFile()
    {
        await using var emulator = await Emulators.StartAsync(o => o.TaskDuration = TimeSpan.FromMinutes(1));
        using var ctrlC = new CancellationTokenSource();

        var running = _cli.RunAsync(["generate", "A horse", "--base-url", emulator.BaseAddress.ToString()], ctrlC.Token);
        while (!emulator.ApiRequests().Any(r => r.Path == "/happyhorse/tasks"))
        {
            await Task.Delay(10);
        }

        await ctrlC.CancelAsync();
        var run = await running;

        Assert.Equal(ExitCodes.Cancelled, run.ExitCode);
        Assert.Contains("Cancelled", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(_cli.FilesIn());
    }

    [Fact]
    public async Task APlainHttpEndpointOffLoopbackIsRefusedAsInvalidInput()
    {
        var run = await _cli.RunAsync("generate", "A horse", "--base-url", "http://example.com");

        // Explained in the CLI's terms: no SDK parameter or option names.
        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--base-url http://example.com/ is plain HTTP", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("Use https://", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("(Parameter", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("AllowInsecureTransport", run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
