namespace ContractFirst.Runtime;

/// <summary>How long and how often to look a task up while waiting for it.</summary>
/// <param name="FirstDelay">The wait before the first lookup.</param>
/// <param name="Interval">The wait after the first lookup; each later wait is half as long again, up to <paramref name="MaxInterval"/>.</param>
/// <param name="MaxInterval">The longest wait between two lookups.</param>
/// <param name="Timeout">How long the whole wait may take, or <see cref="System.Threading.Timeout.InfiniteTimeSpan"/>.</param>
public readonly record struct TaskWaitSettings(TimeSpan FirstDelay, TimeSpan Interval, TimeSpan MaxInterval, TimeSpan Timeout);
