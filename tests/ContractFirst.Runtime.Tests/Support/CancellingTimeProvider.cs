namespace ContractFirst.Runtime.Tests;

/// <summary>Cancels a token the moment anything starts waiting, to prove a wait honours cancellation.</summary>
internal sealed class CancellingTimeProvider(CancellationTokenSource cts) : TimeProvider
{
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        cts.Cancel();
        return timer;
    }
}
