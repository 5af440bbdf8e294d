using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class ValidationTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task Duration16IsRefusedBeforeAnythingIsSent()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("generate", "A horse", "--duration", "16", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Empty(emulator.Requests);
        Assert.Empty(run.Stdout);
        Assert.Contains("duration", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("between 3 and 15", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("rule: range", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("value: 16", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task JsonListsEveryViolationWithFieldRuleAndValue()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync(
            "generate", "A horse", "--duration", "16", "--model", "happyhorse-9", "--ratio", "2:1", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Empty(emulator.Requests);
        using var json = JsonDocument.Parse(run.Stdout);
        var error = json.RootElement.GetProperty("error");
        Assert.Equal("invalid_input", error.GetProperty("kind").GetString());
        var errors = error.GetProperty("errors").EnumerateArray()
            .ToDictionary(e => e.GetProperty("field").GetString()!, e => (Rule: e.GetProperty("rule").GetString(), Value: e.GetProperty("value").GetString()));
        Assert.Equal(("range", "16"), errors["duration"]);
        Assert.Equal(("allowed", "happyhorse-9"), errors["model"]);
        Assert.Equal(("allowed", "2:1"), errors["ratio"]);
    }

    [Fact]
    public async Task AnOutFolderThatCannotBeMadeIsRefusedBeforeTheSubmit()
    {
        await using var emulator = await Emulators.StartAsync();
        await File.WriteAllTextAsync(Path.Combine(_cli.WorkingDirectory, "taken"), "a file, not a folder");

        var run = await _cli.RunAsync("generate", "A horse", "--out", "taken", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("--out", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(emulator.Requests);
    }

    [Fact]
    public async Task AnUnknownModelNamesTheKnownOnes()
    {
        var run = await _cli.RunAsync("image-to-video", "--image-url", "https://example.com/a.png", "--model", "happyhorse-1.1-t2v");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        foreach (var model in ImageToVideoModel.KnownValues)
        {
            Assert.Contains(model.Value, run.Stderr, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ReferenceToVideoWithoutImagesIsRefusedByTheContract()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("reference-to-video", "character1 rides", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Empty(emulator.Requests);
        Assert.Contains("image_urls", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditWithSixImagesAndABadAudioSettingIsRefused()
    {
        string[] images = [.. Enumerable.Range(1, 6).SelectMany(i => new[] { "--image-url", $"https://example.com/{i}.png" })];

        var run = await _cli.RunAsync(["edit", "Make it night", "--video-url", "https://example.com/v.mp4", "--audio", "loud", .. images]);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("image_urls", run.Stderr, StringComparison.Ordinal);
        Assert.Contains("audio_setting", run.Stderr, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("generate")]
    [InlineData("generate", "A horse", "--duration", "ten")]
    [InlineData("generate", "A horse", "--timeout", "-5")]
    [InlineData("generate", "A horse", "--base-url", "ftp://example.com")]
    [InlineData("generate", "A horse", "--no-such-option")]
    [InlineData("task")]
    [InlineData("fly")]
    [InlineData("task", "abc", "--timeout", "soon", "--no-such-option")]
    public async Task BadArgumentsAreOneLineWithAHintAndTheInvalidInputCode(params string[] args)
    {
        var run = await _cli.RunAsync(args);

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Empty(run.Stdout);

        // Not System.CommandLine's help dump: the mistakes on one line, then where the right usage is.
        var line = Assert.Single(run.Stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        Assert.Matches(@"^error: .+ See `happyhorse( [a-z-]+)? --help`\.$", line);
    }

    [Fact]
    public async Task BadArgumentsWithJsonPrintAJsonError()
    {
        var run = await _cli.RunAsync("generate", "A horse", "--duration", "ten", "--json");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("invalid_arguments", json.RootElement.GetProperty("error").GetProperty("kind").GetString());
        Assert.Contains("--duration", json.RootElement.GetProperty("error").GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
