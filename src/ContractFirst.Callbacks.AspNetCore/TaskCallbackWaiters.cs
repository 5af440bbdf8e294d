namespace ContractFirst.Callbacks;

/// <summary>
/// Results by task id for code that waits: a received callback completes every <see cref="WaitAsync(string, CancellationToken)"/>
/// of its task, and a result that arrives before anyone waits is kept (bounded) for the waiter that comes later.
/// </summary>
/// <typeparam name="TResponse">The contract's response type.</typeparam>
/// <remarks>
/// <para>
/// Map it as the sink of a callback route, then wait where the task was submitted. Nothing here depends on HTTP:
/// an operation type takes <see cref="WaitAsync(string, CancellationToken)"/> as a
/// <c>Func&lt;string, CancellationToken, Task&lt;TResponse&gt;&gt;</c>, and
/// <see cref="WaitAsync(string, Func{CancellationToken, Task{TResponse}}, CancellationToken)"/> races a callback
/// against polling, so a lost callback costs only time, never the result.
/// </para>
/// <para>Thread-safe. Memory: one entry per waited task plus at most the capacity of unclaimed results.</para>
/// </remarks>
public sealed class TaskCallbackWaiters<TResponse> : ITaskCallbackSink<TResponse>
{
    private readonly Dictionary<string, Pending> _pending = new(StringComparer.Ordinal);
    private readonly ExpiringMap<TResponse> _arrived;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="capacity">How many results are kept for waiters that have not come yet; 10,000 by default.</param>
    /// <param name="keepFor">How long such a result is kept; 1 hour by default.</param>
    /// <param name="timeProvider">The clock; <see cref="TimeProvider.System"/> by default.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or <paramref name="keepFor"/> is not positive.</exception>
    public TaskCallbackWaiters(int capacity = 10_000, TimeSpan? keepFor = null, TimeProvider? timeProvider = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        var lifetime = keepFor ?? TimeSpan.FromHours(1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(lifetime, TimeSpan.Zero, nameof(keepFor));
        _arrived = new ExpiringMap<TResponse>(capacity, lifetime, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Gets how many tasks are being waited for.</summary>
    public int Waiting
    {
        get
        {
            lock (_pending)
            {
                return _pending.Count;
            }
        }
    }

    /// <summary>Waits for the callback of <paramref name="taskId"/>; completes at once when it already came.</summary>
    /// <param name="taskId">The task id the submit answered.</param>
    /// <param name="cancellationToken">Stops this wait (others on the same task go on).</param>
    /// <returns>The result the callback carried.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null or blank.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public Task<TResponse> WaitAsync(string taskId, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        cancellationToken.ThrowIfCancellationRequested();
        Pending pending;
        lock (_pending)
        {
            if (_arrived.TryGet(taskId, out var result))
            {
                return Task.FromResult(result);
            }

            if (!_pending.TryGetValue(taskId, out pending!))
            {
                _pending[taskId] = pending = new Pending();
            }

            pending.Waiters++;
        }

        return WaitCoreAsync(taskId, pending, cancellationToken);
    }

    /// <summary>
    /// Waits for whichever comes first, the callback of <paramref name="taskId"/> or <paramref name="fallback"/> (polling),
    /// and cancels the other.
    /// </summary>
    /// <param name="taskId">The task id the submit answered.</param>
    /// <param name="fallback">Gets the result another way, for example by polling the tasks endpoint; it is cancelled when the callback wins.</param>
    /// <param name="cancellationToken">Stops both.</param>
    /// <returns>The result.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="fallback"/> is null.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <remarks>What <paramref name="fallback"/> throws (a timeout, a failed task) is thrown here, unless the callback came first.</remarks>
    public async Task<TResponse> WaitAsync(string taskId, Func<CancellationToken, Task<TResponse>> fallback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(fallback);
        using var loser = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var viaCallback = WaitAsync(taskId, loser.Token);
        if (viaCallback.IsCompletedSuccessfully)
        {
            return viaCallback.Result;
        }

        Task<TResponse> viaFallback;
        try
        {
            viaFallback = fallback(loser.Token);
        }
        catch
        {
            await loser.CancelAsync().ConfigureAwait(false); // ends the callback wait too
            throw;
        }

        var first = await Task.WhenAny(viaCallback, viaFallback).ConfigureAwait(false);
        // The winner is final; the callback wait can only end first by cancellation when the caller's token fired.
        await loser.CancelAsync().ConfigureAwait(false);

        // Observe the loser so its cancellation never surfaces as an unobserved exception.
        _ = (first == viaCallback ? (Task)viaFallback : viaCallback).ContinueWith(static t => _ = t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return await first.ConfigureAwait(false);
    }

    /// <summary>Completes the waiters of <paramref name="taskId"/> with <paramref name="result"/>, or keeps it for a later waiter.</summary>
    /// <param name="taskId">The task id.</param>
    /// <param name="result">The result.</param>
    /// <returns>True when someone was waiting.</returns>
    /// <exception cref="ArgumentException"><paramref name="taskId"/> is null or blank.</exception>
    public bool Complete(string taskId, TResponse result)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(taskId);
        Pending? pending;
        lock (_pending)
        {
            _pending.Remove(taskId, out pending);
            _arrived.Set(taskId, result);
        }

        pending?.Source.TrySetResult(result);
        return pending is not null;
    }

    /// <inheritdoc />
    Task ITaskCallbackSink<TResponse>.OnCallbackAsync(TaskCallback<TResponse> callback, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(callback);
        Complete(callback.TaskId, callback.Result);
        return Task.CompletedTask;
    }

    private async Task<TResponse> WaitCoreAsync(string taskId, Pending pending, CancellationToken cancellationToken)
    {
        try
        {
            return await pending.Source.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            lock (_pending)
            {
                // The last waiter to give up takes the entry with it; a completed entry is already gone.
                if (--pending.Waiters == 0 && _pending.TryGetValue(taskId, out var current) && ReferenceEquals(current, pending))
                {
                    _pending.Remove(taskId);
                }
            }
        }
    }

    private sealed class Pending
    {
        public TaskCompletionSource<TResponse> Source { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Waiters { get; set; }
    }
}
