using System.Text.RegularExpressions;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class EmulatorCommandTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task EmulatorPrintsItsAddressAndTokenServesTheApiAndStopsOnCtrlC()
    {
        using var ctrlC = new CancellationTokenSource();
        var output = new SignallingWriter();
        var env = new CliEnvironment { Out = output, Error = TextWriter.Null, CancellationToken = ctrlC.Token };

        var running = CliApp.RunAsync(["emulator", "--token", "cli-secret", "--task-duration", "0"], env);
        var text = await output.WaitForAsync("Token:");
        var baseAddress = Regex.Match(text, @"Base address: (\S+)").Groups[1].Value;
        Assert.Contains("cli-secret", text, StringComparison.Ordinal);

        var generate = await _cli.WithToken("cli-secret").RunAsync("generate", "A horse", "--base-url", baseAddress);
        Assert.True(generate.ExitCode == ExitCodes.Success, generate.ToString());

        await ctrlC.CancelAsync();
        Assert.Equal(ExitCodes.Success, await running);
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>A writer whose text can be awaited, for a command that runs until cancelled.</summary>
    private sealed class SignallingWriter : StringWriter
    {
        private readonly object _gate = new();

        public override void Write(char value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_gate)
            {
                base.Write(value);
            }
        }

        public async Task<string> WaitForAsync(string marker)
        {
            var deadline = DateTime.UtcNow.AddSeconds(30);
            while (DateTime.UtcNow < deadline)
            {
                lock (_gate)
                {
                    var text = ToString();
                    if (text.Contains(marker, StringComparison.Ordinal))
                    {
                        return text;
                    }
                }

                await Task.Delay(10);
            }

            throw new TimeoutException($"\"{marker}\" was never written.");
        }
    }
}
