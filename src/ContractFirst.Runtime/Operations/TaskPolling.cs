namespace ContractFirst.Runtime;

/// <summary>
/// Waits for a long-running server task by looking at it, with growing pauses, until it has ended
/// or the wait's deadline passes.
/// </summary>
public static class TaskPolling
{
    private const double Backoff = 1.5;

    /// <summary>
    /// Waits <see cref="TaskWaitSettings.FirstDelay"/>, then fetches the task with exponentially growing
    /// pauses until it has ended. A lookup that fails transiently (after the client's own retries) does
    /// not end the wait: the next round tries again, until the deadline.
    /// </summary>
    /// <typeparam name="T">The task record type.</typeparam>
    /// <param name="fetch">Fetches the current record.</param>
    /// <param name="hasEnded">Tells whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="settings">Delays and the deadline.</param>
    /// <param name="what">Names the task in messages, for example <c>task 5d4c…</c>.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    /// <param name="progress">Receives every fetched record, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The first final record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fetch"/>, <paramref name="hasEnded"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A delay is negative, an interval not positive, or the timeout neither positive nor infinite.</exception>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; the last lookup failure, if any, is the inner exception.</exception>
    /// <exception cref="ApiException">A lookup failed for good (for example an authentication error or an unknown task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> hasEnded,
        TaskWaitSettings settings,
        string what,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken) =>
        TracedAsync(null, fetch, hasEnded, settings, what, timeProvider, progress, cancellationToken);

    /// <summary>
    /// Waits for the task <paramref name="taskId"/> like <see cref="WaitAsync{T}"/>, with the id on the wait's span
    /// (see <see cref="ContractActivitySource"/>).
    /// </summary>
    /// <typeparam name="T">The task record type.</typeparam>
    /// <param name="taskId">The task id, named in the span and in messages.</param>
    /// <param name="fetch">Fetches the current record.</param>
    /// <param name="hasEnded">Tells whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="settings">Delays and the deadline.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    /// <param name="progress">Receives every fetched record, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The first final record.</returns>
    /// <exception cref="ArgumentNullException">An argument other than <paramref name="progress"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A delay is negative, an interval not positive, or the timeout neither positive nor infinite.</exception>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; the last lookup failure, if any, is the inner exception.</exception>
    /// <exception cref="ApiException">A lookup failed for good (for example an authentication error or an unknown task).</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static Task<T> WaitForTaskAsync<T>(
        string taskId,
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> hasEnded,
        TaskWaitSettings settings,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(taskId);
        return TracedAsync(taskId, fetch, hasEnded, settings, "task " + taskId, timeProvider, progress, cancellationToken);
    }

    /// <summary>The wait, inside its span when someone listens (lookups made while it runs are the span's children).</summary>
    private static Task<T> TracedAsync<T>(
        string? taskId,
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> hasEnded,
        TaskWaitSettings settings,
        string what,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken) =>
        TaskWaitScope.IsListened
            ? ObservedAsync(taskId, fetch, hasEnded, settings, what, timeProvider, progress, cancellationToken)
            : PollAsync(fetch, hasEnded, settings, what, timeProvider, progress, cancellationToken);

    private static async Task<T> ObservedAsync<T>(
        string? taskId,
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> hasEnded,
        TaskWaitSettings settings,
        string what,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken)
    {
        var wait = TaskWaitScope.Start(taskId, "poll");
        try
        {
            var record = await PollAsync(fetch, hasEnded, settings, what, timeProvider, progress, cancellationToken).ConfigureAwait(false);
            wait.Ended(record);
            return record;
        }
        catch (Exception ex)
        {
            wait.Failed(ex);
            throw;
        }
    }

    private static async Task<T> PollAsync<T>(
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> hasEnded,
        TaskWaitSettings settings,
        string what,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(hasEnded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.FirstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.Interval, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(settings.MaxInterval, TimeSpan.Zero);
        if (settings.Timeout <= TimeSpan.Zero && settings.Timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Timeout, "The wait timeout must be positive or infinite.");
        }

        using var deadline = settings.Timeout == Timeout.InfiniteTimeSpan
            ? new CancellationTokenSource()
#if NET8_0_OR_GREATER
            : new CancellationTokenSource(settings.Timeout, timeProvider);
#else
            : timeProvider.CreateCancellationTokenSource(settings.Timeout);
#endif
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var token = linked.Token;
        Exception? lastFailure = null;
        var interval = settings.Interval < settings.MaxInterval ? settings.Interval : settings.MaxInterval;
        try
        {
            await Task.Delay(settings.FirstDelay, timeProvider, token).ConfigureAwait(false);
            while (true)
            {
                try
                {
                    var record = await fetch(token).ConfigureAwait(false);
                    lastFailure = null;
                    progress?.Report(record);
                    if (hasEnded(record))
                    {
                        return record;
                    }
                }
                catch (Exception ex) when (IsTransient(ex) && !token.IsCancellationRequested)
                {
                    // The lookup's own retries are spent, but the task itself is unaffected: look again next round.
                    lastFailure = ex;
                }

                await Task.Delay(interval, timeProvider, token).ConfigureAwait(false);
                interval = TimeSpan.FromTicks(Math.Min((long)(interval.Ticks * Backoff), settings.MaxInterval.Ticks));
            }
        }
        catch (OperationCanceledException ex) when (deadline.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"Waited {settings.Timeout} for {what} to end; it may still be running and can be looked up later."
                + (lastFailure is null ? "" : " The last lookup failed: " + lastFailure.Message),
                lastFailure ?? ex);
        }
    }

    /// <summary>A lookup failure worth another round: the network, a timeout, or an answer the contract or HTTP calls transient.</summary>
    internal static bool IsTransient(Exception exception) => exception switch
    {
        ApiException api => api.Kind switch
        {
            ApiFailureKind.ErrorStatus => api.IsRetryable || api.StatusCode is 408 or 429 or 500 or 502 or 503 or 504,
            // An answer cut off mid-way is the network; one that arrived whole and unreadable would stay so.
            ApiFailureKind.UnreadableResponse => api.InnerException is IOException or HttpRequestException,
            _ => false,
        },
        HttpRequestException or TimeoutException => true,
        _ => false,
    };
}
