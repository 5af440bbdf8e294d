namespace ContractFirst.Contract.Model;

/// <summary>How to wait for an async task: which action looks it up, how often, for how long, and what marks it ended.</summary>
/// <param name="ActionTypeName">Type name of the lookup action, e.g. <c>GetTask</c>.</param>
/// <param name="RecordModel">The model the lookup action returns.</param>
/// <param name="TaskIdProperty">Property of submit responses that holds the task id.</param>
/// <param name="Terminal">The record's terminal states.</param>
/// <param name="IntervalSeconds">The first wait between lookups; it grows up to <paramref name="MaxIntervalSeconds"/>.</param>
/// <param name="TimeoutSeconds">How long a wait may take in all.</param>
public sealed record PollingSpec(
    string ActionTypeName,
    string RecordModel,
    string TaskIdProperty,
    TerminalSpec Terminal,
    double FirstDelaySeconds,
    double IntervalSeconds,
    double MaxIntervalSeconds,
    double TimeoutSeconds);
