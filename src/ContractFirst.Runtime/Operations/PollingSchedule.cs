namespace ContractFirst.Runtime;

/// <summary>When a <see cref="CoalescingPoller{TRecord}"/> looks each task up.</summary>
/// <param name="FirstDelay">The wait from a task's submit to its first lookup (a task waited on by id alone is looked up at once).</param>
/// <param name="Interval">The wait after a task's first lookup; each later wait of that task is half as long again, up to <paramref name="MaxInterval"/>.</param>
/// <param name="MaxInterval">The longest wait between two lookups of a task.</param>
public readonly record struct PollingSchedule(TimeSpan FirstDelay, TimeSpan Interval, TimeSpan MaxInterval)
{
    /// <summary>Gets how late a first lookup may come so that tasks submitted just after it share its round: a tenth of <see cref="Interval"/>, at most a second.</summary>
    public TimeSpan Gathering => TimeSpan.FromTicks(Math.Min(Interval.Ticks / 10, TimeSpan.TicksPerSecond));

    /// <summary>Checks the schedule.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The first delay is negative, or an interval is not positive.</exception>
    internal void Check()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(FirstDelay, TimeSpan.Zero, nameof(FirstDelay));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(Interval, TimeSpan.Zero, nameof(Interval));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(MaxInterval, TimeSpan.Zero, nameof(MaxInterval));
    }

    /// <summary>The wait after one of <paramref name="current"/>: half as long again, at most <see cref="MaxInterval"/>, never below <see cref="Interval"/>.</summary>
    internal TimeSpan Next(TimeSpan current) =>
        TimeSpan.FromTicks(Math.Max(Math.Min((long)(current.Ticks * 1.5), MaxInterval.Ticks), Interval.Ticks));
}
