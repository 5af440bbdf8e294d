using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class OtherActionsTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task ImageToVideoSendsTheFirstFrameAndTheOptionalPrompt()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync(
            "image-to-video", "The horse turns its head", "--image-url", "https://example.com/horse.png", "--duration", "5", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var body = SubmitBody(emulator);
        Assert.Equal("image_to_video", body.GetProperty("action").GetString());
        Assert.Equal("https://example.com/horse.png", body.GetProperty("image_url").GetString());
        Assert.Equal("The horse turns its head", body.GetProperty("prompt").GetString());
        Assert.Single(_cli.FilesIn());
    }

    [Fact]
    public async Task ReferenceToVideoSendsEveryImageInOrder()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync(
            "reference-to-video", "character1 rides character2", "--image-url", "https://example.com/1.png",
            "--image-url", "https://example.com/2.png", "--ratio", "1:1", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var body = SubmitBody(emulator);
        Assert.Equal("reference_to_video", body.GetProperty("action").GetString());
        Assert.Equal(["https://example.com/1.png", "https://example.com/2.png"], body.GetProperty("image_urls").EnumerateArray().Select(e => e.GetString()));
    }

    [Fact]
    public async Task EditSendsTheVideoImagesAndAudioSetting()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync(
            "edit", "Make it night", "--video-url", "https://example.com/v.mp4", "--image-url", "https://example.com/1.png",
            "--audio", "origin", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var body = SubmitBody(emulator);
        Assert.Equal("video_edit", body.GetProperty("action").GetString());
        Assert.Equal("https://example.com/v.mp4", body.GetProperty("video_url").GetString());
        Assert.Equal("origin", body.GetProperty("audio_setting").GetString());
        Assert.Equal(1, body.GetProperty("image_urls").GetArrayLength());
    }

    private static JsonElement SubmitBody(HappyHorse.Emulator.ContractEmulator emulator)
    {
        var submit = Assert.Single(emulator.ApiRequests(), r => r.Path == "/happyhorse/videos");
        return JsonDocument.Parse(submit.Body).RootElement.Clone();
    }

    public void Dispose() => _cli.Dispose();
}
