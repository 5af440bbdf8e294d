using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Commands;

/// <summary>The cancellation of one run: Ctrl+C or --timeout, told apart when something fails.</summary>
internal sealed class RunScope : IDisposable
{
    private readonly CancellationToken _user;
    private readonly CancellationTokenSource _timeout;
    private readonly CancellationTokenSource _linked;

    public RunScope(TimeSpan timeout, CancellationToken user)
    {
        _user = user;
        Timeout = timeout;
        _timeout = new CancellationTokenSource(timeout);
        _linked = CancellationTokenSource.CreateLinkedTokenSource(user, _timeout.Token);
    }

    public TimeSpan Timeout { get; }

    public CancellationToken Token => _linked.Token;

    public CliFailure Classify(Exception exception) =>
        FailureClassifier.Classify(exception, _user.IsCancellationRequested, _timeout.IsCancellationRequested, Timeout);

    public void Dispose()
    {
        _linked.Dispose();
        _timeout.Dispose();
    }
}
