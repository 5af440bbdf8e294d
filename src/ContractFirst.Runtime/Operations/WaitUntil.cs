namespace ContractFirst.Runtime;

/// <summary>When a method that starts a long-running task returns (Azure's <c>WaitUntil</c>).</summary>
public enum WaitUntil
{
    /// <summary>Once the task has ended: the operation's value is ready.</summary>
    Completed,

    /// <summary>As soon as the service has accepted the task: wait on the operation later.</summary>
    Started,
}
