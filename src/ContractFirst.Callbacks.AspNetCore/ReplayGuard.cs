namespace ContractFirst.Callbacks;

/// <summary>
/// Lets the first delivery of each task id through and holds the others: a duplicate that comes while the first is
/// being handled waits for its outcome; one that comes after it succeeded is acknowledged and dropped. A handler that
/// fails releases the id, so the sender's retry is handled again. Thread-safe; bounded by <see cref="ExpiringMap{TValue}"/>.
/// </summary>
internal sealed class ReplayGuard
{
    private readonly ExpiringMap<Claim> _claims;

    public ReplayGuard(int capacity, TimeSpan window, TimeProvider time) => _claims = new ExpiringMap<Claim>(capacity, window, time);

    public enum Outcome
    {
        /// <summary>The caller runs the handler and then calls <see cref="Release"/>.</summary>
        First,

        /// <summary>Handled before: acknowledge, do nothing.</summary>
        Handled,

        /// <summary>Being handled now: await <see cref="Claim.Done"/> (true: handled; false: it failed).</summary>
        InFlight,

        /// <summary>Every remembered id is still in flight and the guard is full: ask the sender to come back.</summary>
        Full,
    }

    public int Count
    {
        get
        {
            lock (_claims)
            {
                return _claims.Count;
            }
        }
    }

    public Outcome TryClaim(string taskId, out Claim claim)
    {
        lock (_claims)
        {
            if (_claims.TryGet(taskId, out claim))
            {
                if (!claim.Done.Task.IsCompleted)
                {
                    return Outcome.InFlight;
                }

                if (claim.Done.Task.Result)
                {
                    return Outcome.Handled;
                }
            }

            claim = new Claim();

            // A task still being handled is never forgotten: that would let its duplicate run beside it.
            return _claims.Set(taskId, claim, static c => c.Done.Task.IsCompleted) ? Outcome.First : Outcome.Full;
        }
    }

    /// <summary>Ends a <see cref="Outcome.First"/> claim: remembered (and its age restarted) when handled, forgotten when not.</summary>
    public void Release(string taskId, Claim claim, bool handled)
    {
        lock (_claims)
        {
            // Set inside the lock, so a claim seen as completed is already in its final place; the waiting
            // duplicates' continuations run asynchronously, not under this lock.
            claim.Done.TrySetResult(handled);
            if (handled)
            {
                // One shared, completed claim stands for every handled id: a remembered id costs its map entry only.
                _claims.Set(taskId, Claim.Handled, static c => c.Done.Task.IsCompleted);
            }
            else if (_claims.TryGet(taskId, out var current) && ReferenceEquals(current, claim))
            {
                _claims.Remove(taskId);
            }
        }
    }

    internal sealed class Claim
    {
        public static readonly Claim Handled = CreateHandled();

        public TaskCompletionSource<bool> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private static Claim CreateHandled()
        {
            var claim = new Claim();
            claim.Done.SetResult(true);
            return claim;
        }
    }
}
