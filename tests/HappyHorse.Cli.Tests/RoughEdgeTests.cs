using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

/// <summary>The CLI's answers where it used to be silent, misleading or leak SDK internals (issue 11, item 8).</summary>
public sealed class RoughEdgeTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task AnUnknownIdAmongKnownOnesIsReportedAndFailsTheRun()
    {
        await using var emulator = await Emulators.StartAsync();
        var known = await SubmitAsync(emulator);

        var run = await _cli.RunAsync("task", known, "no-such-task", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.False(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("not_found", json.RootElement.GetProperty("error").GetProperty("kind").GetString());
        Assert.Equal(["no-such-task"], json.RootElement.GetProperty("missing").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(known, Assert.Single(json.RootElement.GetProperty("tasks").EnumerateArray()).GetProperty("id").GetString());
        Assert.Contains("\"no-such-task\" (1 of 2 found)", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SeveralUnknownIdsInTextModeSayWhichAndFail()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("task", "nope-1", "nope-2", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.ApiError, run.ExitCode);
        Assert.Contains("\"nope-1\", \"nope-2\" (0 of 2 found)", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--no-wait")]
    [InlineData("--callback-url", "https://example.com/hook")]
    public async Task WithoutATokenWorkThatOutlivesTheRunIsRefusedBeforeAnythingIsSubmitted(params string[] option)
    {
        using var cli = new CliHarness().WithVariable(CliEnvironment.EmulatorTaskDurationVariable, "0.1");

        var run = await cli.RunAsync(["generate", "A horse", .. option]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"{option[0]} needs an API that outlives this run", run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("happyhorse task", run.Stderr, StringComparison.Ordinal);
        Assert.Equal("", run.Stdout);
    }

    [Theory]
    [InlineData("image-to-video", "--ratio", "16:9", "first frame's aspect ratio")]
    [InlineData("edit", "--ratio", "16:9", "input video's aspect ratio")]
    [InlineData("edit", "--duration", "5", "--input-seconds")]
    public async Task AFieldTheActionLacksIsNamedWithTheReason(string command, string option, string value, string reason)
    {
        string[] required = command == "edit" ? ["--video-url", "https://example.com/a.mp4"] : ["--image-url", "https://example.com/a.png"];

        var run = await _cli.RunAsync([command, "A horse", .. required, option, value]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains($"{option} does not apply to {command}", run.Stderr, StringComparison.Ordinal);
        Assert.Contains(reason, run.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("Unrecognized", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedOptionStaysOutOfTheHelp()
    {
        var run = await _cli.RunAsync("image-to-video", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.DoesNotContain("--ratio", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TaskHelpSaysTheTimeoutCoversTheLookupOnly()
    {
        var run = await _cli.RunAsync("task", "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        var timeoutLine = run.Stdout.Split('\n').Single(l => l.TrimStart().StartsWith("--timeout", StringComparison.Ordinal));
        Assert.Contains("the lookup", timeoutLine, StringComparison.Ordinal);
        Assert.DoesNotContain("download", timeoutLine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheLocalEmulatorsFirstPollFollowsTheEmulatorNotTheServicesFifteenSeconds()
    {
        using var cli = new CliHarness().WithVariable(CliEnvironment.EmulatorTaskDurationVariable, "0.2");

        var run = await cli.RunAsync("generate", "A horse", "--json", "--out", "out");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.InRange(json.RootElement.GetProperty("elapsed_seconds").GetDouble(), 0.2, 5);
    }

    private async Task<string> SubmitAsync(HappyHorse.Emulator.ContractEmulator emulator)
    {
        var run = await _cli.RunAsync("generate", "A horse", "--no-wait", "--base-url", emulator.BaseAddress.ToString());
        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        return run.Stdout.Trim();
    }

    public void Dispose() => _cli.Dispose();
}
