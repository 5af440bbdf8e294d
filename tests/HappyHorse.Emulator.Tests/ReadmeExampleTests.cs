namespace HappyHorse.Emulator.Tests;

/// <summary>
/// The README's SDK example and its "test against the emulator" fixture, run as written, so the
/// README can't drift from the API.
/// </summary>
public sealed class ReadmeExampleTests : IAsyncLifetime
{
    private ContractEmulator _emulator = null!;

    public async Task InitializeAsync() =>
        _emulator = await HappyHorseEmulator.StartAsync(new EmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(100) });

    public async Task DisposeAsync() => await _emulator.DisposeAsync();

    [Fact]
    public async Task TheReadmeFlowGeneratesAVideo()
    {
        using var client = new HappyHorseClient(_emulator.Token, new HappyHorseClientOptions
        {
            Endpoint = _emulator.BaseAddress,
            FirstPollDelay = TimeSpan.Zero,
            PollingInterval = TimeSpan.FromMilliseconds(20),
        });

        var submitted = await client.GenerateAsync(new GenerateRequest("A white horse gallops along a beach at sunrise")
        {
            Model = GenerateModel.HappyHorse1_1,
            Resolution = Resolution.P1080,
            Ratio = Ratio.Landscape16x9,
            Duration = 5,
            Async = true,
        });
        TaskRecord task = await client.WaitForTaskAsync(submitted);

        Assert.True(task.IsFinished);
        var video = Assert.Single(task.Response?.Data ?? []);
        Assert.Equal(VideoState.Succeeded, video.State);
        Assert.StartsWith(_emulator.BaseAddress.AbsoluteUri, video.VideoUrl, StringComparison.Ordinal);
    }

    [Fact]
    public void TheReadmeEstimatePrintsAsShown()
    {
        var estimate = HappyHorsePricing.Estimate(new GenerateRequest("…") { Resolution = Resolution.P1080, Duration = 10 });

        Assert.Equal("USD 1.80 (10 s × 0.18/s; resolution 1080P)", estimate.ToString());
    }
}
