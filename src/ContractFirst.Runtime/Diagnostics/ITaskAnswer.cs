namespace ContractFirst.Runtime;

/// <summary>An answer that may name the server task it started; generated submit responses implement it so the call's span carries the task id.</summary>
public interface ITaskAnswer
{
    /// <summary>Gets the id of the task the call started, or null when the answer names none.</summary>
    string? TaskId { get; }
}
