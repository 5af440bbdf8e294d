using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ContractFirst.Runtime;

/// <summary>
/// Waits for many tasks at once with one shared polling loop: each round looks every task that is due up in batches
/// (the contract's batch lookup), so n waiting tasks cost ceil(n / batch size) requests per round instead of n, and
/// each waiter completes as soon as its record is final, read by a lookup or delivered (a callback, see
/// <see cref="Deliver(string, TRecord)"/>).
/// </summary>
/// <typeparam name="TRecord">The task record type.</typeparam>
/// <remarks>
/// <para>
/// Timing is per task (<see cref="PollingSchedule"/>): a task is first looked up FirstDelay after its submit (at once
/// when it is waited on by id alone), then after Interval, each wait half as long again up to MaxInterval, so a long
/// task costs fewer lookups the longer it runs. Per task rather than per round because tasks join at any time: a round
/// for the one that is due must not reset the others' backoff. Batches are not wasted though: the free places of a
/// round's last batch go to the tasks due soonest (past their first delay), which keeps tasks started at different
/// times in step and the cost near ceil(n / batch size) a round; and a first lookup may come up to
/// <see cref="PollingSchedule.Gathering"/> late (never early), so tasks submitted together share their first round.
/// </para>
/// <para>
/// Thread-safe; one instance serves a whole client. The loop runs only while someone waits. A lookup that fails
/// transiently keeps everyone waiting for the next round; one that fails for good, or any other fault of a round (a
/// delegate that throws, a null answer), fails the waiters of that batch and the loop goes on. Each waiter has its own
/// deadline and cancellation.
/// </para>
/// </remarks>
public sealed class CoalescingPoller<TRecord> : IAsyncDisposable, IDisposable
    where TRecord : class
{
    /// <summary>The most lookups of one round in flight at once: enough to hide latency, few enough to reuse a handful of connections.</summary>
    public const int MaxConcurrentLookups = 4;

    /// <summary>The most delivered final records kept for tasks nobody waits on yet (the oldest goes first).</summary>
    public const int MaxEarlyResults = 1024;

    private readonly Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<TRecord>>>? _lookup;
    private readonly Func<string, CancellationToken, Task<TRecord>>? _single;
    private readonly Func<TRecord, string?> _idOf;
    private readonly Func<TRecord, bool> _hasEnded;
    private readonly int _batchSize;
    private readonly PollingSchedule _schedule;
    private readonly TimeProvider _timeProvider;
    private readonly Dictionary<string, Entry> _waiters = new(StringComparer.Ordinal);

    // Final records delivered before anyone waited (a callback can beat the submit's own answer): bounded, oldest out first.
    private readonly Dictionary<string, TRecord> _early = new(StringComparer.Ordinal);
    private readonly Queue<string> _earlyOrder = new();
    private readonly CancellationTokenSource _disposed = new();
    private Task _loop = Task.CompletedTask;
    private bool _running;
    private DateTimeOffset _sleepingUntil = DateTimeOffset.MaxValue;
    private TaskCompletionSource? _wake;
    private long _lookups;

    /// <summary>Initializes a new instance that looks every task up at a fixed interval, the first time one interval after its wait starts.</summary>
    /// <param name="lookup">Looks up to <paramref name="batchSize"/> tasks up at once; records it does not return stay outstanding.</param>
    /// <param name="batchSize">The most ids one lookup takes (1 for an API with single lookups only).</param>
    /// <param name="idOf">The task id a record belongs to.</param>
    /// <param name="hasEnded">Whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="interval">The pause between two lookups of a task.</param>
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
        : this(lookup, batchSize, idOf, hasEnded, new PollingSchedule(interval, interval, interval), timeProvider)
    {
    }

    /// <summary>Initializes a new instance.</summary>
    /// <param name="lookup">Looks up to <paramref name="batchSize"/> tasks up at once; records it does not return stay outstanding.</param>
    /// <param name="batchSize">The most ids one lookup takes (1 for an API with single lookups only).</param>
    /// <param name="idOf">The task id a record belongs to.</param>
    /// <param name="hasEnded">Whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="schedule">When each task is looked up.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">A delegate or the clock is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> is not positive, or the schedule is out of range.</exception>
    public CoalescingPoller(
        Func<IReadOnlyList<string>, CancellationToken, Task<IReadOnlyList<TRecord>>> lookup,
        int batchSize,
        Func<TRecord, string?> idOf,
        Func<TRecord, bool> hasEnded,
        PollingSchedule schedule,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(lookup);
        ArgumentNullException.ThrowIfNull(idOf);
        ArgumentNullException.ThrowIfNull(hasEnded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        schedule.Check();
        _lookup = lookup;
        _batchSize = batchSize;
        _idOf = idOf;
        _hasEnded = hasEnded;
        _schedule = schedule;
        _timeProvider = timeProvider;
    }

    /// <summary>Initializes a poller for an API that looks tasks up one at a time, at a fixed interval.</summary>
    /// <param name="lookUpOne">Looks one task up; its record belongs to the id asked for, whatever id it carries.</param>
    /// <param name="hasEnded">Whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="interval">The pause between two lookups of a task.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">A delegate or the clock is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="interval"/> is not positive.</exception>
    public CoalescingPoller(
        Func<string, CancellationToken, Task<TRecord>> lookUpOne,
        Func<TRecord, bool> hasEnded,
        TimeSpan interval,
        TimeProvider timeProvider)
        : this(lookUpOne, hasEnded, new PollingSchedule(interval, interval, interval), timeProvider)
    {
    }

    /// <summary>Initializes a poller for an API that looks tasks up one at a time: each round sends one lookup per task due.</summary>
    /// <param name="lookUpOne">Looks one task up; its record belongs to the id asked for, whatever id it carries.</param>
    /// <param name="hasEnded">Whether a record is final; states the contract does not list count as not ended.</param>
    /// <param name="schedule">When each task is looked up.</param>
    /// <param name="timeProvider">The clock.</param>
    /// <exception cref="ArgumentNullException">A delegate or the clock is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The schedule is out of range.</exception>
    public CoalescingPoller(
        Func<string, CancellationToken, Task<TRecord>> lookUpOne,
        Func<TRecord, bool> hasEnded,
        PollingSchedule schedule,
        TimeProvider timeProvider)
    {
        ArgumentNullException.ThrowIfNull(lookUpOne);
        ArgumentNullException.ThrowIfNull(hasEnded);
        ArgumentNullException.ThrowIfNull(timeProvider);
        schedule.Check();
        _single = lookUpOne;
        _batchSize = 1;
        _idOf = static _ => null;
        _hasEnded = hasEnded;
        _schedule = schedule;
        _timeProvider = timeProvider;
    }

    /// <summary>Gets the most ids one lookup takes.</summary>
    public int BatchSize => _batchSize;

    /// <summary>Gets when each task is looked up.</summary>
    public PollingSchedule Schedule => _schedule;

    /// <summary>Gets how many lookups the loop has sent, for tests and diagnostics.</summary>
    public long Lookups => Interlocked.Read(ref _lookups);

    /// <summary>Gets how many waiters are outstanding.</summary>
    public int Waiting
    {
        get
        {
            lock (_waiters)
            {
                return _waiters.Values.Sum(e => e.Waiters.Count);
            }
        }
    }

    /// <summary>Waits until the task <paramref name="id"/> has ended; its first lookup comes the schedule's FirstDelay from now.</summary>
    /// <param name="id">The task id.</param>
    /// <param name="timeout">How long this wait may take in all, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="progress">Receives every record of this task read while waiting.</param>
    /// <param name="cancellationToken">Stops this wait (not the others).</param>
    /// <returns>The final record.</returns>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; the last lookup failure, if any, is the inner exception.</exception>
    /// <exception cref="ApiException">A lookup of this task failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The poller was disposed.</exception>
    public Task<TRecord> WaitAsync(string id, TimeSpan timeout, IProgress<TRecord>? progress, CancellationToken cancellationToken) =>
        WaitAsync(id, _schedule.FirstDelay, timeout, progress, cancellationToken);

    /// <summary>Waits until the task <paramref name="id"/> has ended, looking it up first after <paramref name="firstLookupIn"/>.</summary>
    /// <param name="id">The task id.</param>
    /// <param name="firstLookupIn">
    /// The wait before this task's first lookup: what is left of the schedule's FirstDelay since the submit, or zero for a task
    /// known by id alone. A task already waited on keeps the sooner of its lookup and this one.
    /// </param>
    /// <param name="timeout">How long this wait may take in all, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="progress">Receives every record of this task read while waiting.</param>
    /// <param name="cancellationToken">Stops this wait (not the others).</param>
    /// <returns>The final record.</returns>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; the last lookup failure, if any, is the inner exception.</exception>
    /// <exception cref="ApiException">A lookup of this task failed for good.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    /// <exception cref="ObjectDisposedException">The poller was disposed.</exception>
    public Task<TRecord> WaitAsync(string id, TimeSpan firstLookupIn, TimeSpan timeout, IProgress<TRecord>? progress, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        if (timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), timeout, "The wait timeout must be positive or infinite.");
        }

        ObjectDisposedException.ThrowIf(_disposed.IsCancellationRequested, this);
        cancellationToken.ThrowIfCancellationRequested();
        var due = _timeProvider.GetUtcNow() + (firstLookupIn > TimeSpan.Zero ? firstLookupIn : TimeSpan.Zero);
        var waiter = new Waiter(this, id, timeout, progress, cancellationToken);
        TaskCompletionSource? wake = null;
        TRecord? delivered;
        lock (_waiters)
        {
            if (!_early.TryGetValue(id, out delivered))
            {
                wake = Register(waiter, due, gathers: firstLookupIn > TimeSpan.Zero);
            }
        }

        if (delivered is not null)
        {
            // Its callback came first: no lookup at all.
            waiter.Complete(delivered);
            return TaskWaitScope.Observe(waiter.Task, id);
        }

        wake?.TrySetResult();
        waiter.Arm();

        // One span per waiter: it is what a caller waits on and what carries a task id; a round serves many callers.
        return TaskWaitScope.Observe(waiter.Task, id);
    }

    /// <summary>Adds a waiter, starts the loop or wakes it when it sleeps past this task's first lookup; under the lock.</summary>
    private TaskCompletionSource? Register(Waiter waiter, DateTimeOffset due, bool gathers)
    {
        if (!_waiters.TryGetValue(waiter.Id, out var entry))
        {
            _waiters[waiter.Id] = entry = new Entry(due, _schedule.Interval) { Gathers = gathers };
        }
        else if (!entry.InFlight && due < entry.Due)
        {
            entry.Due = due;
            entry.Gathers = gathers;
        }

        entry.Waiters.Add(waiter);
        if (!_running)
        {
            _running = true;
            _sleepingUntil = DateTimeOffset.MaxValue;
            _loop = Task.Run(RunAsync, CancellationToken.None);
        }
        else if (StartsRoundAt(entry) < _sleepingUntil)
        {
            // The loop sleeps past this task's lookup: wake it to plan again.
            _sleepingUntil = StartsRoundAt(entry);
            return _wake;
        }

        return null;
    }

    /// <summary>Waits for every task in <paramref name="ids"/> and yields each final record as soon as it is final.</summary>
    /// <param name="ids">The task ids.</param>
    /// <param name="timeout">How long each wait may take, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops every wait.</param>
    /// <returns>The final records, in the order the tasks ended.</returns>
    /// <exception cref="TimeoutException">A task had not ended by the deadline (raised when its turn comes).</exception>
    /// <exception cref="ApiException">A lookup failed for good.</exception>
    public IAsyncEnumerable<TRecord> WaitForEachAsync(IEnumerable<string> ids, TimeSpan timeout, CancellationToken cancellationToken = default) =>
        WaitForEachAsync(ids, _schedule.FirstDelay, timeout, cancellationToken);

    /// <summary>Waits for every task in <paramref name="ids"/>, looking each up first after <paramref name="firstLookupIn"/>, and yields each final record as soon as it is final.</summary>
    /// <param name="ids">The task ids.</param>
    /// <param name="firstLookupIn">The wait before each task's first lookup (zero for tasks started long ago).</param>
    /// <param name="timeout">How long each wait may take, or <see cref="Timeout.InfiniteTimeSpan"/>.</param>
    /// <param name="cancellationToken">Stops every wait.</param>
    /// <returns>The final records, in the order the tasks ended.</returns>
    /// <exception cref="TimeoutException">A task had not ended by the deadline (raised when its turn comes).</exception>
    /// <exception cref="ApiException">A lookup failed for good.</exception>
    public async IAsyncEnumerable<TRecord> WaitForEachAsync(
        IEnumerable<string> ids,
        TimeSpan firstLookupIn,
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
            _ = WaitAsync(id, firstLookupIn, timeout, null, stop.Token).ContinueWith(
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

    /// <summary>
    /// Hands over a record that came another way (a callback): if it is final, it completes every wait on task
    /// <paramref name="id"/> at once, or, when nobody waits yet, is kept (the latest <see cref="MaxEarlyResults"/>) for a wait
    /// that starts later. Polling stays the fallback for records that never come.
    /// </summary>
    /// <param name="id">The task the record belongs to.</param>
    /// <param name="record">The record.</param>
    /// <returns>True when the record was final and so taken; false for a record that is not final (ignored: the next lookup reads it).</returns>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="record"/> is null.</exception>
    public bool Deliver(string id, TRecord record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentNullException.ThrowIfNull(record);
        if (_disposed.IsCancellationRequested || !_hasEnded(record))
        {
            return false;
        }

        lock (_waiters)
        {
            if (!_waiters.ContainsKey(id))
            {
                if (_early.TryAdd(id, record))
                {
                    _earlyOrder.Enqueue(id);
                    if (_earlyOrder.Count > MaxEarlyResults)
                    {
                        _early.Remove(_earlyOrder.Dequeue());
                    }
                }

                return true;
            }
        }

        Complete(id, record, ended: true);
        return true;
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
        FailAll(new ObjectDisposedException(GetType().Name, "The client was disposed while waiting."));
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
        FailAll(new ObjectDisposedException(GetType().Name, "The client was disposed while waiting."));
    }

    private void FailAll(Exception exception)
    {
        List<Waiter> left;
        lock (_waiters)
        {
            left = _waiters.Values.SelectMany(e => e.Waiters).ToList();
            _waiters.Clear();
        }

        foreach (var waiter in left)
        {
            waiter.Fail(exception);
        }
    }

    private async Task RunAsync()
    {
        // The loop serves every waiter, so its lookups are spans of their own, not children of whichever call started it.
        Activity.Current = null;
        var token = _disposed.Token;
        try
        {
            while (true)
            {
                string[] due;
                TaskCompletionSource wake;
                TimeSpan sleep;
                lock (_waiters)
                {
                    if (_waiters.Count == 0)
                    {
                        _running = false;
                        return;
                    }

                    due = TakeDue(_timeProvider.GetUtcNow(), out sleep);
                    wake = _wake = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                    _sleepingUntil = due.Length > 0 || sleep == Timeout.InfiniteTimeSpan ? DateTimeOffset.MaxValue : _timeProvider.GetUtcNow() + sleep;
                }

                if (due.Length == 0)
                {
                    await SleepAsync(sleep, wake.Task, token).ConfigureAwait(false);
                    continue;
                }

                if (due.Length <= _batchSize)
                {
                    await LookUpAsync(due, token).ConfigureAwait(false);
                }
                else
                {
                    // Several lookups per round: a few at a time, so a round over many tasks is not one long queue.
                    await Parallel.ForEachAsync(
                        due.Chunk(_batchSize),
                        new ParallelOptions { MaxDegreeOfParallelism = MaxConcurrentLookups, CancellationToken = token },
                        (batch, ct) => new ValueTask(LookUpAsync(batch, ct))).ConfigureAwait(false);
                }

                Reschedule(due);
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Disposed: Dispose fails the waiters.
        }
        catch (Exception ex)
        {
            // Not a lookup's fault (those are handled per batch): never strand the waiters on a loop that is gone.
            lock (_waiters)
            {
                _running = false;
            }

            FailAll(ex);
        }
    }

    /// <summary>The ids due now (marked in flight), with the free places of the last batch given to the tasks due soonest; or none and how long to sleep.</summary>
    private string[] TakeDue(DateTimeOffset now, out TimeSpan sleep)
    {
        // A round starts when a looked task is due, or a first lookup has been due for Gathering: tasks submitted one
        // after another come due a moment apart, and only tasks past their first lookup may ride along, so waiting a
        // little (late, never early) lets the ones submitted with it share its round. This holds whether the loop slept
        // or was busy with another round meanwhile, so first-lookup rounds are at least Gathering apart.
        var due = new List<string>();
        var start = DateTimeOffset.MaxValue;
        foreach (var (id, entry) in _waiters)
        {
            if (entry.InFlight)
            {
                continue;
            }

            if (entry.Due <= now)
            {
                due.Add(id);
            }

            if (StartsRoundAt(entry) < start)
            {
                start = StartsRoundAt(entry);
            }
        }

        if (start > now)
        {
            sleep = start == DateTimeOffset.MaxValue ? Timeout.InfiniteTimeSpan : start - now;
            return [];
        }

        sleep = TimeSpan.Zero;
        var free = (_batchSize - (due.Count % _batchSize)) % _batchSize;
        if (free > 0)
        {
            // Riders cost no request: tasks past their first lookup, soonest due first.
            due.AddRange(_waiters
                .Where(pair => !pair.Value.InFlight && pair.Value.Looked && pair.Value.Due > now)
                .OrderBy(pair => pair.Value.Due)
                .Take(free)
                .Select(pair => pair.Key));
        }

        foreach (var id in due)
        {
            _waiters[id].InFlight = true;
        }

        return [.. due];
    }

    /// <summary>When a task starts a round: when due, but a delayed first lookup Gathering later (one waited on by id alone at once).</summary>
    private DateTimeOffset StartsRoundAt(Entry entry) => !entry.Looked && entry.Gathers ? entry.Due + _schedule.Gathering : entry.Due;

    /// <summary>Plans the next lookup of the tasks of a round that are still outstanding, each after its own growing interval.</summary>
    private void Reschedule(string[] ids)
    {
        lock (_waiters)
        {
            var now = _timeProvider.GetUtcNow();
            foreach (var id in ids)
            {
                if (_waiters.TryGetValue(id, out var entry) && entry.InFlight)
                {
                    entry.InFlight = false;
                    entry.Due = now + (entry.Looked ? entry.Gap = _schedule.Next(entry.Gap) : entry.Gap);
                    entry.Looked = true;
                }
            }
        }
    }

    private async Task SleepAsync(TimeSpan sleep, Task wake, CancellationToken token)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(token);
        var delay = Task.Delay(sleep, _timeProvider, stop.Token);
        await Task.WhenAny(delay, wake).ConfigureAwait(false);
        await stop.CancelAsync().ConfigureAwait(false);
        token.ThrowIfCancellationRequested();
    }

    private async Task LookUpAsync(string[] ids, CancellationToken token)
    {
        try
        {
            Interlocked.Increment(ref _lookups);
            if (_single is not null)
            {
                // A single lookup answers for the id asked, even when its record carries no id.
                var one = await _single(ids[0], token).ConfigureAwait(false);
                Complete(ids[0], one, one is not null && _hasEnded(one));
                return;
            }

            var records = await _lookup!(ids, token).ConfigureAwait(false)
                ?? throw new InvalidOperationException("The batch lookup answered null instead of a list of records.");
            foreach (var record in records)
            {
                if (record is not null && _idOf(record) is { } id)
                {
                    Complete(id, record, _hasEnded(record));
                }
            }
        }
        catch (Exception ex) when (!token.IsCancellationRequested && TaskPolling.IsTransient(ex))
        {
            // The tasks are unaffected: everyone waits for the next round, and keeps the failure for a timeout's message.
            ForEachWaiter(ids, waiter => waiter.LastFailure = ex);
        }
        catch (Exception ex) when (!token.IsCancellationRequested)
        {
            // Failed for good, or a delegate threw: these waiters learn why, the loop serves the others.
            Remove(ids).ForEach(waiter => waiter.Fail(ex));
        }
    }

    /// <summary>Hands a record to the waiters of <paramref name="id"/>: progress for a running task, completion for a final one.</summary>
    private void Complete(string id, TRecord? record, bool ended)
    {
        if (record is null)
        {
            return;
        }

        Waiter[] waiters;
        lock (_waiters)
        {
            if (!_waiters.TryGetValue(id, out var entry))
            {
                return;
            }

            waiters = [.. entry.Waiters];
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
                if (_waiters.TryGetValue(id, out var entry))
                {
                    entry.Waiters.ForEach(action);
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
                if (_waiters.Remove(id, out var entry))
                {
                    removed.AddRange(entry.Waiters);
                }
            }
        }

        return removed;
    }

    private void Remove(Waiter waiter)
    {
        lock (_waiters)
        {
            if (_waiters.TryGetValue(waiter.Id, out var entry) && entry.Waiters.Remove(waiter) && entry.Waiters.Count == 0)
            {
                _waiters.Remove(waiter.Id);
            }
        }
    }

    /// <summary>One task being waited on: its waiters and when it is looked up next.</summary>
    private sealed class Entry(DateTimeOffset due, TimeSpan gap)
    {
        public List<Waiter> Waiters { get; } = new(1);

        public DateTimeOffset Due { get; set; } = due;

        /// <summary>The wait after this task's latest lookup.</summary>
        public TimeSpan Gap { get; set; } = gap;

        /// <summary>Whether it has been looked up once: its first delay is over.</summary>
        public bool Looked { get; set; }

        /// <summary>Whether a lookup of the current round asks for it.</summary>
        public bool InFlight { get; set; }

        /// <summary>Whether its first lookup may wait Gathering for tasks submitted with it (not one waited on by id alone).</summary>
        public bool Gathers { get; set; }
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
            if (_completion.Task.IsCompleted)
            {
                // A round (or a delivery) finished it before it was armed: free the timer and registration now.
                Release();
            }
        }

        public void Report(TRecord record)
        {
            if (!TryReport(record))
            {
                owner.Remove(this);
            }
        }

        public void Complete(TRecord record)
        {
            if (TryReport(record) && _completion.TrySetResult(record))
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

        /// <summary>Reports to the caller's progress handler; one that throws fails this wait only, not the loop.</summary>
        private bool TryReport(TRecord record)
        {
            try
            {
                progress?.Report(record);
                return true;
            }
            catch (Exception ex)
            {
                Fail(ex);
                return false;
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
