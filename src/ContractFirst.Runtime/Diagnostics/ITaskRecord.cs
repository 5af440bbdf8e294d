namespace ContractFirst.Runtime;

/// <summary>A polled task record whose final state the contract defines; generated records implement it so waits report how the task ended.</summary>
public interface ITaskRecord
{
    /// <summary>Gets whether the task has ended, successfully or not.</summary>
    bool IsFinished { get; }

    /// <summary>Gets whether the task succeeded.</summary>
    bool HasSucceeded { get; }

    /// <summary>Gets whether the task failed.</summary>
    bool HasFailed { get; }
}
