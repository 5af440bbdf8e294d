using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class NoTokenTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithVariable(CliEnvironment.EmulatorTaskDurationVariable, "0.1");

    [Fact]
    public async Task WithoutATokenTheLocalEmulatorMakesTheVideoAndSaysSo()
    {
        var run = await _cli.RunAsync("generate", "A white horse gallops along a beach at sunrise", "--out", "out");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Contains("local HappyHorse emulator", run.Stderr, StringComparison.Ordinal);
        Assert.Contains($"export {HappyHorseClient.TokenEnvironmentVariable}=", run.Stderr, StringComparison.Ordinal);
        var file = Assert.Single(_cli.FilesIn("out"));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_cli.WorkingDirectory, "out", file));
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
        Assert.Equal(Path.Combine("out", file), run.Stdout.Trim());
    }

    [Fact]
    public async Task WithoutATokenBaseUrlIsRefusedWithAHint()
    {
        var run = await _cli.RunAsync("generate", "A horse", "--base-url", "http://127.0.0.1:1");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains(HappyHorseClient.TokenEnvironmentVariable, run.Stderr, StringComparison.Ordinal);
    }

    public void Dispose() => _cli.Dispose();
}
