using System.Text.Json.Nodes;
using HappyHorse.Emulator.Billing;

namespace HappyHorse.Emulator.Tasks;

/// <summary>The state of a video: the contract's VideoState values.</summary>
internal static class VideoStates
{
    public const string Pending = "pending";
    public const string Succeeded = "succeeded";
    public const string Error = "error";
}

/// <summary>One submitted task: pending until its duration has passed, then succeeded or error.</summary>
internal sealed class EmulatedTask
{
    private readonly Lock _lock = new();
    private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private string _state = VideoStates.Pending;
    private DateTimeOffset? _finishedAt;

    public EmulatedTask(string id, string traceId, string action, JsonObject request, Charge charge, string? ratio, string? callbackUrl, DateTimeOffset createdAt)
    {
        Id = id;
        TraceId = traceId;
        UpstreamId = Guid.NewGuid().ToString();
        Action = action;
        Request = request;
        Charge = charge;
        Ratio = ratio;
        CallbackUrl = callbackUrl;
        CreatedAt = createdAt;
    }

    public string Id { get; }

    public string TraceId { get; }

    /// <summary>The id the upstream provider gave the video (data[].id), distinct from the task id as on the real service.</summary>
    public string UpstreamId { get; }

    public string Action { get; }

    /// <summary>The body as the service recorded it: as sent, with the defaulted action and model filled in.</summary>
    public JsonObject Request { get; }

    public Charge Charge { get; }

    public string? Ratio { get; }

    public string? CallbackUrl { get; }

    public DateTimeOffset CreatedAt { get; }

    /// <summary>Work starts as soon as a task is accepted; the emulator has no queue.</summary>
    public DateTimeOffset StartedAt => CreatedAt;

    /// <summary>Completes when the task ends, either way.</summary>
    public Task Finished => _finished.Task;

    public (string State, DateTimeOffset? FinishedAt) Snapshot()
    {
        lock (_lock)
        {
            return (_state, _finishedAt);
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

            _state = failed ? VideoStates.Error : VideoStates.Succeeded;
            _finishedAt = at;
        }

        _finished.TrySetResult();
    }
}
