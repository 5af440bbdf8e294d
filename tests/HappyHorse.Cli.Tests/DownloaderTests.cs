using HappyHorse.Cli.Download;
using HappyHorse.Cli.Tests.Support;

namespace HappyHorse.Cli.Tests;

public sealed class DownloaderTests : IDisposable
{
    private readonly CliHarness _cli = new();

    [Fact]
    public async Task AFailedDownloadLeavesNeitherTheFinalFileNorATempFile()
    {
        await using var emulator = await Emulators.StartAsync();
        using var http = new HttpClient();
        var destination = Path.Combine(_cli.WorkingDirectory, "out", "task.mp4");

        await Assert.ThrowsAsync<DownloadFailedException>(
            () => new VideoDownloader(http).DownloadAsync(new Uri(emulator.BaseAddress, "/files/no-such-task.mp4").ToString(), destination, CancellationToken.None));

        Assert.Empty(_cli.FilesIn("out"));
    }

    [Fact]
    public async Task ACancelledDownloadDeletesItsTempFile()
    {
        await using var emulator = await Emulators.StartAsync(o => o.TaskDuration = TimeSpan.Zero);
        using var http = new HttpClient();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var destination = Path.Combine(_cli.WorkingDirectory, "task.mp4");

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => new VideoDownloader(http).DownloadAsync(new Uri(emulator.BaseAddress, "/files/x.mp4").ToString(), destination, cancelled.Token));

        Assert.Empty(_cli.FilesIn());
    }

    [Theory]
    [InlineData("abc-123", 0, 1, "abc-123.mp4")]
    [InlineData("abc-123", 1, 3, "abc-123-2.mp4")]
    [InlineData("../etc/passwd", 0, 1, "_etc_passwd.mp4")]
    public void FileNamesComeFromTheTaskIdAndStayInTheFolder(string taskId, int index, int count, string expected) =>
        Assert.Equal(expected, VideoDownloader.FileName(taskId, index, count));

    [Fact]
    public async Task ANonHttpVideoUrlIsRefused()
    {
        using var http = new HttpClient();

        await Assert.ThrowsAsync<DownloadFailedException>(
            () => new VideoDownloader(http).DownloadAsync("file:///etc/passwd", Path.Combine(_cli.WorkingDirectory, "x.mp4"), CancellationToken.None));
    }

    public void Dispose() => _cli.Dispose();
}
