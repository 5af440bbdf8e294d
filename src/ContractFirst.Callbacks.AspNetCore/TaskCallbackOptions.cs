namespace ContractFirst.Callbacks;

/// <summary>Limits of one callback route. Read once when the route is mapped.</summary>
public sealed class TaskCallbackOptions
{
    /// <summary>Gets or sets the largest body read, in bytes; a larger one is answered 413 unread. 256 KiB by default.</summary>
    public int MaxBodyBytes { get; set; } = 256 * 1024;

    /// <summary>Gets or sets how many handled task ids are remembered to drop duplicates; the oldest is forgotten first. 10,000 by default.</summary>
    public int DuplicateCapacity { get; set; } = 10_000;

    /// <summary>
    /// Gets or sets how long a handled task id is remembered. A sender's retries and duplicates (minutes) must fall
    /// inside it; a replay after it, or after the id was pushed out by <see cref="DuplicateCapacity"/>, runs the handler
    /// again, so a handler whose effect must never repeat also records the ids it has handled. 24 hours by default.
    /// </summary>
    public TimeSpan DuplicateWindow { get; set; } = TimeSpan.FromHours(24);

    /// <summary>
    /// Gets or sets a value indicating whether a callback URL serves one task only: the first task id delivered with a
    /// token binds it, and the token with another task id is answered 404. On by default, so a token that leaks (from a
    /// request log, say) can only replay its own task's result, which is dropped as a duplicate. Turn it off when one
    /// URL is shared by every task (<see cref="CallbackUrls.Create"/> called once). Bindings are remembered within
    /// <see cref="DuplicateCapacity"/> and <see cref="DuplicateWindow"/>, like handled task ids.
    /// </summary>
    public bool OneTaskPerUrl { get; set; } = true;

    /// <summary>Gets or sets the longest task id accepted; a longer one is answered 400. 256 by default.</summary>
    public int MaxTaskIdLength { get; set; } = 256;

    /// <summary>Gets or sets the clock of the duplicate window. <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxBodyBytes, 2, nameof(MaxBodyBytes));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxBodyBytes, Array.MaxLength - 1, nameof(MaxBodyBytes)); // one byte past it is read
        ArgumentOutOfRangeException.ThrowIfLessThan(DuplicateCapacity, 1, nameof(DuplicateCapacity));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(DuplicateWindow, TimeSpan.Zero, nameof(DuplicateWindow));
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTaskIdLength, 1, nameof(MaxTaskIdLength));
        ArgumentNullException.ThrowIfNull(TimeProvider, nameof(TimeProvider));
    }
}
