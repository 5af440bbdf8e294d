namespace ContractFirst.Runtime;

/// <summary>
/// A long-running server task, modelled on Azure's <c>Operation&lt;T&gt;</c>: its id, whether it has
/// ended, its final record, and ways to look it up once or wait for it.
/// </summary>
/// <typeparam name="TRecord">The task record type.</typeparam>
/// <remarks>
/// Generated SDKs derive a typed operation that supplies the lookups and the contract's rules; the
/// id is all it needs, so an operation can be rebuilt (rehydrated) from an id stored elsewhere.
/// Thread-safe: the latest record read is kept atomically.
/// </remarks>
public abstract class TaskOperation<TRecord>
    where TRecord : class
{
    private volatile TRecord? _record;

    /// <summary>Initializes an operation for mocking: it has no id and no record.</summary>
    protected TaskOperation()
    {
        Id = string.Empty;
    }

    /// <summary>Initializes an operation for the task <paramref name="id"/>.</summary>
    /// <param name="id">The task id.</param>
    /// <param name="record">A record of the task already read, or null.</param>
    /// <exception cref="ArgumentException"><paramref name="id"/> is null or blank.</exception>
    protected TaskOperation(string id, TRecord? record)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        Id = id;
        _record = record;
    }

    /// <summary>Gets the task id: store it to rebuild the operation later.</summary>
    public virtual string Id { get; }

    /// <summary>Gets the latest record read, or null before the first lookup.</summary>
    public virtual TRecord? Record => _record;

    /// <summary>Gets whether the task has ended (succeeded or failed), as of the latest record read.</summary>
    public virtual bool HasCompleted => _record is { } record && HasEnded(record);

    /// <summary>Gets whether <see cref="Value"/> returns a record: the task has ended and did not fail (or failures are not thrown).</summary>
    public virtual bool HasValue => _record is { } record && HasEnded(record) && FailureOf(record) is null;

    /// <summary>Gets the final record.</summary>
    /// <exception cref="InvalidOperationException">The task has not ended yet (as far as this operation has looked).</exception>
    /// <exception cref="Exception">The task failed: the SDK's typed failure, carrying the record.</exception>
    public virtual TRecord Value
    {
        get
        {
            var record = _record;
            if (record is null || !HasEnded(record))
            {
                throw new InvalidOperationException($"Task {Id} has not ended yet; wait for it with WaitForCompletionAsync.");
            }

            return FailureOf(record) is { } failure ? throw failure : record;
        }
    }

    /// <summary>Looks the task up once (unless it has already ended) and keeps the record.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The latest record; it may still be running.</returns>
    /// <exception cref="ApiException">The lookup failed.</exception>
    public virtual async ValueTask<TRecord> UpdateStatusAsync(CancellationToken cancellationToken = default)
    {
        if (_record is { } known && HasEnded(known))
        {
            return known;
        }

        var record = await LookUpAsync(cancellationToken).ConfigureAwait(false);
        _record = record;
        return record;
    }

    /// <summary>Waits until the task has ended, with the client's shared poller and the options' deadline.</summary>
    /// <param name="cancellationToken">Stops waiting (the task itself goes on).</param>
    /// <returns>The final record.</returns>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; it may still be running.</exception>
    /// <exception cref="ApiException">A lookup failed for good, or the task failed (the SDK's typed failure).</exception>
    public virtual ValueTask<TRecord> WaitForCompletionAsync(CancellationToken cancellationToken = default) =>
        WaitForCompletionAsync(null, null, cancellationToken);

    /// <summary>Waits until the task has ended.</summary>
    /// <param name="pollingInterval">
    /// Null to wait with the client's shared poller (one batch lookup per round for every task waited on); a value
    /// polls this task on its own at that interval, growing as the options say.
    /// </param>
    /// <param name="timeout">How long this wait may take; null for the options' deadline.</param>
    /// <param name="cancellationToken">Stops waiting (the task itself goes on).</param>
    /// <returns>The final record.</returns>
    /// <exception cref="TimeoutException">The task had not ended by the deadline; it may still be running.</exception>
    /// <exception cref="ApiException">A lookup failed for good, or the task failed (the SDK's typed failure).</exception>
    public virtual async ValueTask<TRecord> WaitForCompletionAsync(TimeSpan? pollingInterval, TimeSpan? timeout, CancellationToken cancellationToken = default)
    {
        if (_record is not { } record || !HasEnded(record))
        {
            record = await WaitAsync(pollingInterval, timeout, cancellationToken).ConfigureAwait(false);
            _record = record;
        }

        return FailureOf(record) is { } failure ? throw failure : record;
    }

    /// <summary>Looks the task up once.</summary>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The current record.</returns>
    protected abstract Task<TRecord> LookUpAsync(CancellationToken cancellationToken);

    /// <summary>Waits until the task has ended and returns its final record, failed or not.</summary>
    /// <param name="pollingInterval">Null for the shared poller; a value for a wait of its own at that interval.</param>
    /// <param name="timeout">How long the wait may take; null for the options' deadline.</param>
    /// <param name="cancellationToken">Stops waiting.</param>
    /// <returns>The final record.</returns>
    protected abstract Task<TRecord> WaitAsync(TimeSpan? pollingInterval, TimeSpan? timeout, CancellationToken cancellationToken);

    /// <summary>Whether a record is final, by the contract's rules.</summary>
    /// <param name="record">A record of this task.</param>
    /// <returns>True once the task has ended.</returns>
    protected abstract bool HasEnded(TRecord record);

    /// <summary>The exception a failed task raises, or null when it succeeded (or failures are not to be thrown).</summary>
    /// <param name="record">A final record of this task.</param>
    /// <returns>The typed failure, or null.</returns>
    protected abstract Exception? FailureOf(TRecord record);
}
