namespace ContractFirst.Generator.Model;

/// <summary>How to wait for an async task: which action looks it up and what marks it finished.</summary>
/// <param name="ActionTypeName">Type name of the lookup action, e.g. <c>GetTask</c>.</param>
/// <param name="RecordModel">The model the lookup action returns.</param>
/// <param name="TaskIdProperty">Property of submit responses that holds the task id.</param>
/// <param name="FinishedWhenProperty">Property of the record that is set once the task ends.</param>
internal sealed record PollingSpec(
    string ActionTypeName,
    string RecordModel,
    string TaskIdProperty,
    string FinishedWhenProperty,
    double FirstDelaySeconds,
    double IntervalSeconds);
