namespace ContractFirst.Callbacks;

/// <summary>Where received results go: a handler that is an object (a queue, a store, <see cref="TaskCallbackWaiters{TResponse}"/>).</summary>
/// <typeparam name="TResponse">The contract's response type.</typeparam>
public interface ITaskCallbackSink<TResponse>
{
    /// <summary>Takes one genuine, first delivery. Called at most once per task id within the duplicate window.</summary>
    /// <param name="callback">The delivery.</param>
    /// <param name="cancellationToken">The request was aborted.</param>
    /// <returns>A task that completes once the result is safe; the sender is answered 2xx only then.</returns>
    /// <remarks>Throwing answers 500, forgets the delivery, and so lets the sender's retry run it again.</remarks>
    Task OnCallbackAsync(TaskCallback<TResponse> callback, CancellationToken cancellationToken);
}
