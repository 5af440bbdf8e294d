using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class EstimateTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task EstimatePrintsThePriceAndSendsNothing()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync(
            "generate", "A horse", "--resolution", "1080P", "--duration", "10", "--estimate", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Empty(emulator.Requests);
        Assert.Contains("1.80 USD", run.Stdout, StringComparison.Ordinal);
        Assert.Contains("(10 s at 0.18 USD/s; resolution 1080P)", run.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EstimateAsJsonCarriesAmountCurrencyAndAssumptions()
    {
        var run = await _cli.RunAsync("image-to-video", "--image-url", "https://example.com/a.png", "--estimate", "--json");

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        var estimate = json.RootElement.GetProperty("estimate");
        Assert.Equal("USD", estimate.GetProperty("currency").GetString());
        Assert.Equal(0.525m, estimate.GetProperty("amount").GetDecimal());
        Assert.Equal(5, estimate.GetProperty("billed_seconds").GetDouble());
        Assert.Equal(("second", 5m, 0.105m), (estimate.GetProperty("unit").GetString(), estimate.GetProperty("quantity").GetDecimal(), estimate.GetProperty("rate").GetDecimal()));
        Assert.Equal("resolution 720P", estimate.GetProperty("rate_key").GetString());
        Assert.Equal("5 s × 0.105/s; resolution 720P; assumed: resolution 720P, duration 5 s", estimate.GetProperty("basis").GetString());
        Assert.Equal(2, estimate.GetProperty("assumptions").GetArrayLength());
    }

    [Fact]
    public async Task EditEstimateBillsInputPlusOutputAndNeedsTheInputLength()
    {
        var without = await _cli.RunAsync("edit", "Make it night", "--video-url", "https://example.com/v.mp4", "--estimate");
        var with = await _cli.RunAsync("edit", "Make it night", "--video-url", "https://example.com/v.mp4", "--estimate", "--input-seconds", "4", "--resolution", "1080P");

        Assert.Equal(ExitCodes.InvalidInput, without.ExitCode);
        Assert.Contains("--input-seconds", without.Stderr, StringComparison.Ordinal);
        Assert.True(with.ExitCode == ExitCodes.Success, with.ToString());
        Assert.Contains("1.44 USD (8 s at 0.18 USD/s; resolution 1080P)", with.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnInvalidRequestIsRefusedBeforeEstimating()
    {
        var run = await _cli.RunAsync("generate", "A horse", "--resolution", "4K", "--estimate");

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("resolution", run.Stderr, StringComparison.Ordinal);
        Assert.Empty(run.Stdout);
    }

    public void Dispose() => _cli.Dispose();
}
