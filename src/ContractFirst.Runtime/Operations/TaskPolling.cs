namespace ContractFirst.Runtime;

/// <summary>
/// Waits for a long-running server task by looking at it until it is finished.
/// </summary>
public static class TaskPolling
{
    /// <summary>
    /// Waits <paramref name="firstDelay"/>, then fetches the task every <paramref name="interval"/> until it is finished.
    /// </summary>
    /// <typeparam name="T">The task status type.</typeparam>
    /// <param name="fetch">Fetches the current status.</param>
    /// <param name="isFinished">Tells whether a status is final; unknown states should count as not finished.</param>
    /// <param name="firstDelay">The wait before the first fetch.</param>
    /// <param name="interval">The wait between later fetches.</param>
    /// <param name="timeProvider">The clock to wait on.</param>
    /// <param name="progress">Receives every fetched status, or <see langword="null"/>.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The first finished status.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="fetch"/>, <paramref name="isFinished"/> or <paramref name="timeProvider"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="firstDelay"/> is negative or <paramref name="interval"/> is not positive.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static async Task<T> WaitAsync<T>(
        Func<CancellationToken, Task<T>> fetch,
        Func<T, bool> isFinished,
        TimeSpan firstDelay,
        TimeSpan interval,
        TimeProvider timeProvider,
        IProgress<T>? progress,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fetch);
        ArgumentNullException.ThrowIfNull(isFinished);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(firstDelay, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);

        await Task.Delay(firstDelay, timeProvider, cancellationToken).ConfigureAwait(false);
        while (true)
        {
            var status = await fetch(cancellationToken).ConfigureAwait(false);
            progress?.Report(status);
            if (isFinished(status))
            {
                return status;
            }

            await Task.Delay(interval, timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }
}
