namespace ContractFirst.Runtime;

/// <summary>Takes a task's result that came another way than polling (a callback), so whoever waits on the task returns without another lookup.</summary>
/// <typeparam name="TResult">The result type, for example the submit's answer a callback carries.</typeparam>
/// <remarks>Generated clients implement it for the answer their callbacks carry; a callback receiver hands each genuine delivery to it.</remarks>
public interface ITaskResultSink<in TResult>
    where TResult : class
{
    /// <summary>Completes the waits on the result's task if the result is final; kept a while (bounded) for a wait that starts later.</summary>
    /// <param name="result">The result.</param>
    /// <returns>True when the result was final and taken; false when it is not final or names no task (polling reads it).</returns>
    bool ReportTaskResult(TResult result);
}
