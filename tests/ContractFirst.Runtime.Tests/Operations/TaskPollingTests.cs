using Microsoft.Extensions.Time.Testing;

namespace ContractFirst.Runtime.Tests;

public sealed class TaskPollingTests
{
    private static readonly TaskWaitSettings NoDeadline = new(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(4), TimeSpan.FromSeconds(9), Timeout.InfiniteTimeSpan);

    [Fact]
    public async Task WaitsTheFirstDelayThenPollsWithGrowingPausesUpToTheMaximum()
    {
        var clock = new RecordingTimeProvider();
        var states = new Queue<string>(["pending", "running", "running", "running", "succeeded", "never fetched"]);
        var progress = new RecordingProgress<string>();

        var result = await TaskPolling.WaitAsync(_ => Task.FromResult(states.Dequeue()), state => state == "succeeded", NoDeadline, "task t", clock, progress, CancellationToken.None);

        Assert.Equal("succeeded", result);
        Assert.Equal(["pending", "running", "running", "running", "succeeded"], progress.Reports);
        Assert.Equal([15, 4, 6, 9, 9], clock.Delays.Select(d => d.TotalSeconds));
    }

    [Fact]
    public async Task CancellationStopsBeforeTheNextFetch()
    {
        using var cts = new CancellationTokenSource();
        var fetches = 0;

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskPolling.WaitAsync(
            _ =>
            {
                fetches++;
                cts.Cancel();
                return Task.FromResult("pending");
            },
            _ => false,
            NoDeadline with { FirstDelay = TimeSpan.Zero, Interval = TimeSpan.FromHours(1), MaxInterval = TimeSpan.FromHours(1) },
            "task t",
            TimeProvider.System,
            null,
            cts.Token));

        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task TransientLookupFailuresDoNotEndTheWait()
    {
        Exception[] failures =
        [
            new HttpRequestException("connection reset"),
            new ApiException(new ApiErrorInfo(503, null, null, null, null, null), isRetryable: false),
            new ApiException(new ApiErrorInfo(500, "api_error", null, null, null, null), isRetryable: true),
            new TimeoutException("attempt timed out"),
            new ApiException(new ApiErrorInfo(200, null, null, null, null, null) { Kind = ApiFailureKind.UnreadableResponse }, false, false, new IOException("cut")),
        ];
        var fetches = 0;

        var result = await TaskPolling.WaitAsync(
            _ => fetches < failures.Length ? Task.FromException<string>(failures[fetches++]) : Task.FromResult("succeeded"),
            state => state == "succeeded",
            NoDeadline,
            "task t",
            new RecordingTimeProvider(),
            null,
            CancellationToken.None);

        Assert.Equal("succeeded", result);
        Assert.Equal(failures.Length, fetches);
    }

    [Theory]
    [InlineData(401, ApiFailureKind.ErrorStatus)]
    [InlineData(404, ApiFailureKind.ErrorStatus)]
    [InlineData(200, ApiFailureKind.Redirect)]
    [InlineData(200, ApiFailureKind.ResponseTooLarge)]
    public async Task APermanentLookupFailureEndsTheWaitAtOnce(int status, ApiFailureKind kind)
    {
        var failure = new ApiException(new ApiErrorInfo(status, "x", null, null, null, null) { Kind = kind }, isRetryable: false);
        var fetches = 0;

        var thrown = await Assert.ThrowsAsync<ApiException>(() => TaskPolling.WaitAsync<string>(
            _ => { fetches++; return Task.FromException<string>(failure); }, _ => false, NoDeadline, "task t", new RecordingTimeProvider(), null, CancellationToken.None));

        Assert.Same(failure, thrown);
        Assert.Equal(1, fetches);
    }

    [Fact]
    public async Task ATaskThatNeverEndsTimesOutAtTheDeadlineWithTheLastFailure()
    {
        var clock = new FakeTimeProvider();
        var fetches = 0;
        var lastFailure = new HttpRequestException("connection refused");
        var wait = TaskPolling.WaitAsync(
            _ => ++fetches % 2 == 0 ? Task.FromException<string>(lastFailure) : Task.FromResult("pending"),
            _ => false,
            new TaskWaitSettings(TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(8), TimeSpan.FromMinutes(2)),
            "task t-42",
            clock,
            null,
            CancellationToken.None);

        await AdvanceUntilDoneAsync(clock, wait, TimeSpan.FromMinutes(5));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => wait);
        Assert.Contains("task t-42", error.Message, StringComparison.Ordinal);
        Assert.InRange(fetches, 15, 25); // 2 minutes at pauses growing from 1 s to 8 s, not hundreds of polls
        if (fetches % 2 == 0)
        {
            Assert.Same(lastFailure, error.InnerException);
        }
    }

    [Fact]
    public async Task TheDeadlineAlsoEndsALookupThatHangs()
    {
        var clock = new FakeTimeProvider();
        var wait = TaskPolling.WaitAsync(
            token => Task.Delay(Timeout.InfiniteTimeSpan, token).ContinueWith(_ => "never", TaskScheduler.Default),
            _ => false,
            new TaskWaitSettings(TimeSpan.Zero, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(30)),
            "task t",
            clock,
            null,
            CancellationToken.None);

        await AdvanceUntilDoneAsync(clock, wait, TimeSpan.FromMinutes(1));

        await Assert.ThrowsAsync<TimeoutException>(() => wait);
    }

    [Fact]
    public async Task TheCallersCancellationIsNotReportedAsATimeout()
    {
        using var cts = new CancellationTokenSource();
        cts.Cancel();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => TaskPolling.WaitAsync(
            _ => Task.FromResult("pending"), _ => false, NoDeadline with { Timeout = TimeSpan.FromSeconds(1) }, "task t", TimeProvider.System, null, cts.Token));
    }

    /// <summary>Moves the fake clock a second at a time, letting continuations run, until the wait ends.</summary>
    private static async Task AdvanceUntilDoneAsync(FakeTimeProvider clock, Task wait, TimeSpan limit)
    {
        for (var elapsed = TimeSpan.Zero; !wait.IsCompleted && elapsed < limit; elapsed += TimeSpan.FromSeconds(1))
        {
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(1);
        }

        Assert.True(wait.IsCompleted, "the wait did not end by its deadline");
    }
}
