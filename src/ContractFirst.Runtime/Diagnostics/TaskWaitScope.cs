using System.Diagnostics;

namespace ContractFirst.Runtime;

/// <summary>
/// The span and measurements of one caller's wait for a task: an Internal activity around it (lookups
/// made inside it are its children), the <see cref="ContractMetrics.TasksWaiting"/> count while it
/// lasts, and the <see cref="ContractMetrics.TaskDuration"/> once a record shows the task ended.
/// Costs nothing when no one listens.
/// </summary>
internal readonly struct TaskWaitScope
{
    public const string ActivityName = "wait task";
    public const string StateTag = "contractfirst.task.state";
    public const string ModeTag = "contractfirst.wait.mode";

    private readonly Activity? _activity;
    private readonly long _started;
    private readonly bool _counted;

    private TaskWaitScope(Activity? activity, long started, bool counted)
    {
        _activity = activity;
        _started = started;
        _counted = counted;
    }

    /// <summary>Gets whether any wait would be traced or measured now.</summary>
    public static bool IsListened =>
        ContractActivitySource.Source.HasListeners() || ContractMetrics.TasksWaitingInstrument.Enabled || ContractMetrics.TaskDurationInstrument.Enabled;

    /// <summary>Starts the span (as the current activity) and counts the wait.</summary>
    /// <param name="taskId">The task waited for, or null when the caller did not say.</param>
    /// <param name="mode"><c>poll</c> for a wait that looks the task up on its own, <c>coalesced</c> for one on a shared poller.</param>
    public static TaskWaitScope Start(string? taskId, string mode)
    {
        var activity = ContractActivitySource.Source.StartActivity(ActivityName, ActivityKind.Internal);
        if (activity is not null)
        {
            activity.SetTag(CallInstrumentation.TaskIdTag, taskId);
            activity.SetTag(ModeTag, mode);
        }

        var counted = ContractMetrics.TasksWaitingInstrument.Enabled;
        if (counted)
        {
            ContractMetrics.TasksWaitingInstrument.Add(1);
        }

        return new(activity, ContractMetrics.TaskDurationInstrument.Enabled ? Stopwatch.GetTimestamp() : 0, counted);
    }

    /// <summary>
    /// Wraps a wait that runs elsewhere (a shared poller's waiter) in its span and count, or returns it as it is
    /// when no one listens.
    /// </summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="wait">The wait.</param>
    /// <param name="taskId">The task waited for.</param>
    /// <returns>The wait, observed.</returns>
    public static Task<T> Observe<T>(Task<T> wait, string taskId) => IsListened ? ObserveAsync(wait, taskId) : wait;

    /// <summary>Ends the wait with the task's final record: its state on the span and the duration; a failed task marks the span as an error.</summary>
    public void Ended(object? record)
    {
        var state = record is ITaskRecord task ? (task.HasFailed ? "failed" : task.HasSucceeded ? "succeeded" : "ended") : "ended";
        if (_started != 0)
        {
            ContractMetrics.TaskDurationInstrument.Record(
                (Stopwatch.GetTimestamp() - _started) / (double)Stopwatch.Frequency,
                new KeyValuePair<string, object?>(StateTag, state));
        }

        if (_activity is not null)
        {
            _activity.SetTag(StateTag, state);
            _activity.SetStatus(state == "failed" ? ActivityStatusCode.Error : ActivityStatusCode.Ok, state == "failed" ? "the task failed" : null);
        }

        Stop();
    }

    /// <summary>Ends a wait that did not see the task end: a timeout or a failed lookup is an error, a cancellation is not.</summary>
    public void Failed(Exception exception)
    {
        if (_activity is not null)
        {
            _activity.SetTag(CallInstrumentation.ErrorTypeTag, CallInstrumentation.ErrorType(exception));
            if (exception is not OperationCanceledException)
            {
                _activity.SetStatus(ActivityStatusCode.Error, exception is TimeoutException ? "timeout" : null);
            }
        }

        Stop();
    }

    private static async Task<T> ObserveAsync<T>(Task<T> wait, string taskId)
    {
        // The activity is current only inside this method: the caller's own context is left as it was.
        var scope = Start(taskId, "coalesced");
        try
        {
            var record = await wait.ConfigureAwait(false);
            scope.Ended(record);
            return record;
        }
        catch (Exception ex)
        {
            scope.Failed(ex);
            throw;
        }
    }

    private void Stop()
    {
        if (_counted)
        {
            ContractMetrics.TasksWaitingInstrument.Add(-1);
        }

        _activity?.Dispose();
    }
}
