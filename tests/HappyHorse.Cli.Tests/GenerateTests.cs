using System.Text.Json;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class GenerateTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task GenerateDownloadsTheVideoAsTaskIdMp4AndPrintsItsPath()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("generate", "A white horse gallops along a beach", "--out", "out", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var path = run.Stdout.Trim();
        Assert.Matches(@"^out[/\\][0-9a-zA-Z-]+\.mp4$", path);
        var taskId = Path.GetFileNameWithoutExtension(path);

        // Only the final file: the temp file was moved into place.
        Assert.Equal([$"{taskId}.mp4"], _cli.FilesIn("out"));
        var bytes = await File.ReadAllBytesAsync(Path.Combine(_cli.WorkingDirectory, path));
        Assert.Equal("ftyp"u8.ToArray(), bytes[4..8]);
        Assert.Contains($"Task {taskId}: succeeded", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GenerateSendsAnAsyncRequestWithTheOptionsGiven()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync(
            "generate", "A horse", "--model", "happyhorse-1.0-t2v", "--resolution", "1080P", "--ratio", "9:16",
            "--duration", "4", "--seed", "7", "--watermark", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var submit = Assert.Single(emulator.ApiRequests(), r => r.Path == "/happyhorse/videos");
        using var body = JsonDocument.Parse(submit.Body);
        var root = body.RootElement;
        Assert.Equal("generate", root.GetProperty("action").GetString());
        Assert.Equal("happyhorse-1.0-t2v", root.GetProperty("model").GetString());
        Assert.Equal("1080P", root.GetProperty("resolution").GetString());
        Assert.Equal("9:16", root.GetProperty("ratio").GetString());
        Assert.Equal(4, root.GetProperty("duration").GetInt32());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.True(root.GetProperty("watermark").GetBoolean());
        Assert.True(root.GetProperty("async").GetBoolean());
    }

    [Fact]
    public async Task JsonPrintsExactlyOneDocumentWithTheTaskAndItsFiles()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("generate", "A horse", "--json", "--out", "videos", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());

        // JsonDocument.Parse rejects anything after the document, so stdout holds exactly one.
        using var json = JsonDocument.Parse(run.Stdout);
        var root = json.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        var taskId = root.GetProperty("task_id").GetString();
        Assert.False(string.IsNullOrEmpty(taskId));
        Assert.Equal("succeeded", root.GetProperty("state").GetString());
        Assert.False(string.IsNullOrEmpty(root.GetProperty("trace_id").GetString()));
        var url = Assert.Single(root.GetProperty("video_urls").EnumerateArray()).GetString();
        Assert.StartsWith(emulator.BaseAddress.ToString().TrimEnd('/'), url, StringComparison.Ordinal);
        var file = Assert.Single(root.GetProperty("files").EnumerateArray()).GetString();
        Assert.Equal(Path.Combine(_cli.WorkingDirectory, "videos", $"{taskId}.mp4"), file);
        Assert.True(File.Exists(file));
        var video = Assert.Single(root.GetProperty("videos").EnumerateArray());
        Assert.Equal("succeeded", video.GetProperty("state").GetString());
        Assert.Equal(file, video.GetProperty("file").GetString());
    }

    [Fact]
    public async Task NoWaitPrintsOnlyTheTaskIdAndDownloadsNothing()
    {
        await using var emulator = await Emulators.StartAsync();

        var run = await _cli.RunAsync("generate", "A horse", "--no-wait", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var taskId = run.Stdout.Trim();
        Assert.DoesNotContain('\n', taskId);
        Assert.Single(emulator.ApiRequests());
        Assert.Empty(_cli.FilesIn());
        Assert.Contains($"happyhorse task {taskId}", run.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CallbackUrlSubmitsWithoutAsyncAndReturnsTheTaskId()
    {
        await using var emulator = await Emulators.StartAsync();
        var callback = new Uri(emulator.BaseAddress, "/callback").ToString();

        var run = await _cli.RunAsync("generate", "A horse", "--callback-url", callback, "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("submitted", json.RootElement.GetProperty("state").GetString());
        var submit = Assert.Single(emulator.ApiRequests());
        using var body = JsonDocument.Parse(submit.Body);
        Assert.Equal(callback, body.RootElement.GetProperty("callback_url").GetString());
        Assert.False(body.RootElement.TryGetProperty("async", out _));
    }

    public void Dispose() => _cli.Dispose();
}
