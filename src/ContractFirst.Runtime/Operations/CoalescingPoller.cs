using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ContractFirst.Runtime;

/// <summary>
/// Waits for many tasks at once with one shared polling loop: each round looks every outstanding
/// task up in batches (the contract's batch lookup), so n waiting tasks cost ceil(n / batch size)
/// requests per round instead of n, and each waiter completes as soon as its record is final.
/// </summary>
/// <typeparam name="TRecord">The task record type.</typeparam>
/// <remarks>
/// Thread-safe; one instance serves a whole client. The loop runs only while someone waits. A
/// lookup that fails transiently keeps everyone waiting for the next round; one that fails for
/// good fails the waiters of that batch. Each waiter has its own deadline and cancellation.
/// </remarks>
public sealed class CoalescingPoller<TRecord> : IAsyncDisposable, IDisposable
    where TRecord : class
{
    /// <summary>The most lookups of one round in flight at once: enough to hide latency, few enough to reuse a handful of connections.</summary>
    public const int MaxConcurrentLookups = 4;

    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<TRecord>>>? _lookup;
    private readonly Func<string, CancellationToken, Task<TRecord>>? _single;
    private readonly Func<TRecord, string?> _idOf;
    private readonly Func<TRecord, bool> _hasEnded;
    private readonly int _batchSize;
    private readonly TimeSpan _interval;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, List<Waiter>> _waiters = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _disposed = new();
    private Task _loop = Task.CompletedTask;
    private bool _running;
    private long _lookups;

    /// <summary>Initializes a new instance.</summary>
    /// <param name="lookup">Looks up to <paramref name="batchSize"/> tasks up at once; records it does not return stay outstanding.</param>
    /// <param name="batchSize">The most ids one lookup takes (1 for an API with single lookups only).</param>
    /// <param name="idOf">The task id a record belongs to.</param>
    /// <param name="hasEnded">Whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="interval">The pause between two rounds.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">A delegate or the clock is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> or <paramref name="interval"/> is not positive.</exception>
    public CoalescingPoller(
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<TRecord>>> lookup,
        int batchSize,
        Func<TRecord, string?> idOf,
        Func<TRecord, bool> hasEnded,
        TimeSpan interval,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(hasEnded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _lookup = lookup;
        _batchSize = batchSize;
        _idOf = idOf;
        _hasEnded = hasEnded;
        _interval = interval;
        _timeProvider = timeProvider;
    }

    /// <summary>Initializes a poller for an API that looks tasks up one at a time: each round sends one lookup per outstanding task.</summary>
    /// <param name="lookUpOne">Looks one task up; its record belongs to the id asked for, whatever id it carries.</param>
    /// <param name="hasEnded">Whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="interval">The pause between two rounds.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">A delegate or the clock is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public CoalescingPoller(
        Func<string, CancellationToken, Task<TRecord>> lookUpOne,
        Func<TRecord, bool> hasEnded,
        TimeSpan interval,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(lookUpOne);
        ArgumentNullException.ThrowIfNull(hasEnded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(interval, TimeSpan.Zero);
        _single = lookUpOne;
        _batchSize = 1;
        _idOf = static _ => null;
        _hasEnded = hasEnded;
        _interval = interval;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the most ids one lookup takes.</summary>
    public int BatchSize => _batchSize;

    /// <summary>Gets how many lookups the loop has sent, for tests and diagnostics.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    /// <summary>Gets how many waiters are outstanding.</summary>
    public int Waiting
    {
        get
        {
            lock (_waiters)
            {
                return _waiters.Values.Sum(w => w.Count);
            }
        }
    }

    /// <summary>Waits until the task <paramref name="id"/> has ended.</summary>
    /// <param name="id">The task id.</param>
    /// <param name="timeout">How long this wait may take in all, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="progress">Receives every record of this task read while waiting.</param>
    /// <param name="cancellationToken">Stops this wait (not the others).</param>
    /// <returns>The final record.</returns>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; the last lookup failure, if any, is the inner exception.</exception>
    /// <exception cref="ApiException">A lookup of this task failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The poller was disposed.</exception>
    public Task<TRecord> WaitAsync(string id, TimeSpan timeout, IProgress<TRecord>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The wait timeout must be positive or infinite.");
        }

        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        cancellationToken.ThrowIfCancellationRequested();
        var waiter = new Waiter(this, id, timeout, progress, cancellationToken);
        lock (_waiters)
        {
            if (!_waiters.TryGetValue(id, out var list))
            {
                _waiters[id] = list = new List<Waiter>(1);
            }

            list.Add(waiter);
            if (!_running)
            {
                _running = true;
                _loop = Task.Run(RunAsync, CancellationToken.None);
            }
        }

        waiter.Arm();
        return waiter.Task;
    }

    /// <summary>Waits for every task in <paramref name="ids"/> and yields each final record as soon as it is final.</summary>
    /// <param name="ids">The task ids.</param>
    /// <param name="timeout">How long each wait may take, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops every wait.</param>
    /// <returns>The final records, in the order the tasks ended.</returns>
    /// <exception cref="TimeoutException">A task had not ended by the deadline (raised when its turn comes).</exception>
    /// <exception cref="ApiException">A lookup failed for good.</exception>
    public async IAsyncEnumerable<TRecord> WaitForEachAsync(
        IEnumerable<string> ids,
        TimeSpan timeout,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(ids);
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var finished = Channel.CreateUnbounded<Task<TRecord>>(new UnboundedChannelOptions { SingleReader = true });
        var pending = 0;
        foreach (var id in ids)
        {
            pending++;
            _ = WaitAsync(id, timeout, null, stop.Token).ContinueWith(
                static (task, channel) => ((Channel<Task<TRecord>>)channel!).Writer.TryWrite(task),
                finished,
                CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
        }

        try
        {
            for (; pending > 0; pending--)
            {
                var done = await finished.Reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                yield return await done.ConfigureAwait(false);
            }
        }
        finally
        {
            // Leaving early (an exception, or the caller stopped enumerating) ends the other waits.
            await stop.CancelAsync().ConfigureAwait(false);
        }
    }

    /// <summary>Stops the loop; waits still outstanding fail with <see cref="ObjectDisposedException"/>.</summary>
    /// <returns>A task that completes when the loop has stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        await _disposed.CancelAsync().ConfigureAwait(false);
        FailAll();
        await _loop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        _disposed.Dispose();
    }

    /// <summary>Stops the loop without waiting for it; waits still outstanding fail with <see cref="ObjectDisposedException"/>.</summary>
    public void Dispose()
    {
        if (_disposed.IsCancellationRequested)
        {
            return;
        }

        // The loop sees the cancelled token and ends on its own; the token source stays alive for it.
        _disposed.Cancel();
        FailAll();
    }

    private void FailAll()
    {
        List<Waiter> left;
        lock (_waiters)
        {
            left = _waiters.Values.SelectMany(w => w).ToList();
            _waiters.Clear();
        }

        foreach (var waiter in left)
        {
            waiter.Fail(new ObjectDisposedException(GetType().Name, "The client was disposed while waiting."));
        }
    }

    private async Task RunAsync()
    {
        var token = _disposed.Token;
        try
        {
            while (true)
            {
                await Task.Delay(_interval, _timeProvider, token).ConfigureAwait(false);
                string[] outstanding;
                lock (_waiters)
                {
                    if (_waiters.Count == 0)
                    {
                        _running = false;
                        return;
                    }

                    outstanding = [.. _waiters.Keys];
                }

                if (outstanding.Length <= _batchSize)
                {
                    await LookUpAsync(outstanding, token).ConfigureAwait(false);
                    continue;
                }

                // Several lookups per round: a few at a time, so a round over many tasks is not one long queue.
                var batches = outstanding.Chunk(_batchSize);
                await Parallel.ForEachAsync(
                    batches,
                    new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentLookups, CancellationToken = token },
                    (batch, ct) => new ValueTask(LookUpAsync(batch, ct))).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed: DisposeAsync fails the waiters.
        }
    }

    private async Task LookUpAsync(string[] ids, CancellationToken token)
    {
        IReadOnlyList<TRecord> records;
        try
        {
            Interlocked.Increment(ref _lookups);
            records = _single is null
                ? await _lookup!(ids, token).ConfigureAwait(false)
                : [await _single(ids[0], token).ConfigureAwait(false)];
        }
        catch (Exception ex) when (!token.IsCancellationRequested && TaskPolling.IsTransient(ex))
        {
            // The tasks are unaffected: everyone waits for the next round, and keeps the failure for a timeout's message.
            ForEachWaiter(ids, waiter => waiter.LastFailure = ex);
            return;
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            var failed = Remove(ids);
            failed.ForEach(waiter => waiter.Fail(ex));
            return;
        }

        if (_single is not null)
        {
            // A single lookup answers for the id asked, even when its record carries no id.
            Deliver(ids[0], records[0]);
            return;
        }

        foreach (var record in records)
        {
            if (record is not null && _idOf(record) is { } id)
            {
                Deliver(id, record);
            }
        }
    }

    private void Deliver(string id, TRecord? record)
    {
        if (record is null)
        {
            return;
        }

        var ended = _hasEnded(record);
        Waiter[] waiters;
        lock (_waiters)
        {
            if (!_waiters.TryGetValue(id, out var list))
            {
                return;
            }

            waiters = [.. list];
            if (ended)
            {
                _waiters.Remove(id);
            }
        }

        // Callers' progress handlers run outside the lock.
        foreach (var waiter in waiters)
        {
            waiter.LastFailure = null;
            if (ended)
            {
                waiter.Complete(record);
            }
            else
            {
                waiter.Report(record);
            }
        }
    }

    private void ForEachWaiter(string[] ids, Action<Waiter> action)
    {
        lock (_waiters)
        {
            foreach (var id in ids)
            {
                if (_waiters.TryGetValue(id, out var list))
                {
                    list.ForEach(action);
                }
            }
        }
    }

    private List<Waiter> Remove(string[] ids)
    {
        var removed = new List<Waiter>();
        lock (_waiters)
        {
            foreach (var id in ids)
            {
                if (_waiters.Remove(id, out var list))
                {
                    removed.AddRange(list);
                }
            }
        }

        return removed;
    }

    private void Remove(Waiter waiter)
    {
        lock (_waiters)
        {
            if (_waiters.TryGetValue(waiter.Id, out var list) && list.Remove(waiter) && list.Count == 0)
            {
                _waiters.Remove(waiter.Id);
            }
        }
    }

    /// <summary>One caller's wait: its own deadline, cancellation and progress.</summary>
    private sealed class Waiter(CoalescingPoller<TRecord> owner, string id, TimeSpan timeout, IProgress<TRecord>? progress, CancellationToken cancellationToken)
    {
        private readonly TaskCompletionSource<TRecord> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ITimer? _deadline;
        private CancellationTokenRegistration _cancellation;

        public string Id { get; } = id;

        public Exception? LastFailure { get; set; }

        public Task<TRecord> Task => _completion.Task;

        public void Arm()
        {
            if (timeout != Timeout.InfiniteTimeSpan)
            {
                _deadline = owner._timeProvider.CreateTimer(static state => ((Waiter)state!).TimeOut(), this, timeout, Timeout.InfiniteTimeSpan);
            }

            _cancellation = cancellationToken.UnsafeRegister(static state => ((Waiter)state!).Cancel(), this);
        }

        public void Report(TRecord record) => progress?.Report(record);

        public void Complete(TRecord record)
        {
            progress?.Report(record);
            if (_completion.TrySetResult(record))
            {
                Release();
            }
        }

        public void Fail(Exception exception)
        {
            if (_completion.TrySetException(exception))
            {
                Release();
            }
        }

        private void TimeOut()
        {
            owner.Remove(this);
            Fail(new TimeoutException(
                $"Waited {timeout} for task {Id} to end; it may still be running and can be looked up later."
                + (LastFailure is null ? "" : " The last lookup failed: " + LastFailure.Message),
                LastFailure));
        }

        private void Cancel()
        {
            owner.Remove(this);
            if (_completion.TrySetCanceled(cancellationToken))
            {
                Release();
            }
        }

        private void Release()
        {
            _deadline?.Dispose();
            _cancellation.Dispose();
        }
    }
}
