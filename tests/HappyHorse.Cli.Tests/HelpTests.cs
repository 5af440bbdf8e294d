using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class HelpTests : IDisposable
{
    private readonly CliHarness _cli = new();

    public static TheoryData<string, string[]> KnownModels => new()
    {
        { "generate", [.. GenerateModel.KnownValues.Select(v => v.Value)] },
        { "image-to-video", [.. ImageToVideoModel.KnownValues.Select(v => v.Value)] },
        { "reference-to-video", [.. ReferenceToVideoModel.KnownValues.Select(v => v.Value)] },
        { "edit", [.. VideoEditModel.KnownValues.Select(v => v.Value)] },
    };

    [Theory]
    [MemberData(nameof(KnownModels))]
    public async Task HelpListsTheContractsKnownModelsAndValues(string command, string[] models)
    {
        var run = await _cli.RunAsync(command, "--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.All(models, m => Assert.Contains(m, run.Stdout, StringComparison.Ordinal));
        Assert.All(Resolution.KnownValues, r => Assert.Contains(r.Value, run.Stdout, StringComparison.Ordinal));
    }

    [Fact]
    public async Task HelpDocumentsTheExitCodesAndTheCommands()
    {
        var run = await _cli.RunAsync("--help");

        Assert.Equal(ExitCodes.Success, run.ExitCode);
        Assert.Contains("Exit codes:", run.Stdout, StringComparison.Ordinal);
        foreach (var code in new[] { "0 ", "2 ", "3 ", "4 ", "5 ", "130" })
        {
            Assert.Contains($"  {code}", run.Stdout, StringComparison.Ordinal);
        }

        foreach (var command in new[] { "generate", "image-to-video", "reference-to-video", "edit", "task", "emulator" })
        {
            Assert.Contains(command, run.Stdout, StringComparison.Ordinal);
        }

        Assert.Contains(CliEnvironment.PollIntervalVariable, run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EditHelpListsTheAudioSettings()
    {
        var run = await _cli.RunAsync("edit", "--help");

        Assert.All(AudioSetting.KnownValues, a => Assert.Contains(a.Value, run.Stdout, StringComparison.Ordinal));
        Assert.DoesNotContain("--ratio", run.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("--duration", run.Stdout, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
