using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Billing;

namespace HappyHorse.Emulator.Tasks;

/// <summary>Where a task is: running, or ended either way.</summary>
internal enum TaskOutcome
{
    Pending,
    Succeeded,
    Failed,
}

/// <summary>One submitted task: pending until its duration has passed, then succeeded or failed.</summary>
internal sealed class EmulatedTask
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private TaskOutcome _outcome;
    private DateTimeOffset? _finishedAt;

    public EmulatedTask(string id, string traceId, EndpointSpec endpoint, ActionSpec action, JsonObject request, Charge charge, string? callbackUrl, DateTimeOffset createdAt)
    {
        Id = id;
        TraceId = traceId;
        Endpoint = endpoint;
        Action = action;
        Request = request;
        Charge = charge;
        CallbackUrl = callbackUrl;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string TraceId { get; }

    public EndpointSpec Endpoint { get; }

    public ActionSpec Action { get; }

    /// <summary>The body as the service recorded it: the action's fields as sent, with the defaulted action, model and fields filled in.</summary>
    public JsonObject Request { get; }

    public Charge Charge { get; }

    public string? CallbackUrl { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Work starts as soon as a task is accepted; the emulator has no queue.</summary>
    public DateTimeOffset StartedAt => CreatedAt;

    /// <summary>Completes when the task ends, either way.</summary>
    public Task Finished => _finished.Task;

    public (TaskOutcome Outcome, DateTimeOffset? FinishedAt) Snapshot()
    {
        lock (_lock)
        {
            return (_outcome, _finishedAt);
        }
    }

    public void Finish(bool failed, DateTimeOffset at)
    {
        lock (_lock)
        {
            if (_finishedAt is not null)
            {
                return;
            }

            _outcome = failed ? TaskOutcome.Failed : TaskOutcome.Succeeded;
            _finishedAt = at;
        }

        _finished.TrySetResult();
    }
}
