namespace ContractFirst.Runtime;

/// <summary>.NET 5's non-generic <c>TaskCompletionSource</c>, over the generic one.</summary>
internal sealed class TaskCompletionSource(TaskCreationOptions creationOptions)
{
    private readonly TaskCompletionSource<bool> _inner = new(creationOptions);

    public Task Task => _inner.Task;

    public bool TrySetResult() => _inner.TrySetResult(true);

    public bool TrySetCanceled(CancellationToken cancellationToken) => _inner.TrySetCanceled(cancellationToken);

    public bool TrySetException(Exception exception) => _inner.TrySetException(exception);
}
