using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Tasks;

/// <summary>The JSON shapes of API.md: the videos response and the task record.</summary>
internal static class TaskJson
{
    /// <summary>The full videos response; while the task runs, its video is pending and has no URL.</summary>
    public static JsonObject VideosResponse(EmulatedTask task, Uri baseAddress)
    {
        var (state, _) = task.Snapshot();
        return new JsonObject
        {
            // The request itself was fine, but a failed generation is no success; data[].state says why.
            ["success"] = state != VideoStates.Error,
            ["task_id"] = task.Id,
            ["trace_id"] = task.TraceId,
            ["data"] = new JsonArray(new JsonObject
            {
                ["id"] = task.UpstreamId,
                ["video_url"] = state == VideoStates.Succeeded ? VideoUrl(task, baseAddress) : null,
                ["state"] = state,
                // The billed seconds (for an edit, input plus output), as the service reports them.
                ["duration"] = task.Charge.Unit == PriceUnit.Second ? JsonValue.Create(task.Charge.Quantity) : task.Request["duration"]?.DeepClone(),
                ["resolution"] = task.Charge.Values.TryGetValue("resolution", out var resolution) ? resolution : task.Request["resolution"]?.DeepClone(),
                ["ratio"] = task.Ratio,
            }),
        };
    }

    /// <summary>What an async or callback submit answers at once.</summary>
    public static JsonObject Accepted(EmulatedTask task) => new() { ["task_id"] = task.Id };

    /// <summary>
    /// A task record. finished_at and elapsed are absent until the task ends, as on the service; the
    /// extra user_id, api_id and application_id fields are there because the service sends them and
    /// readers must ignore what they do not model.
    /// </summary>
    public static JsonObject Record(EmulatedTask task, Uri baseAddress)
    {
        var (_, finishedAt) = task.Snapshot();
        var record = new JsonObject
        {
            ["id"] = task.Id,
            ["type"] = "videos",
            ["trace_id"] = task.TraceId,
            ["user_id"] = "emulator-user",
            ["api_id"] = "emulator-happyhorse-videos",
            ["application_id"] = "emulator-application",
            ["request"] = task.Request.DeepClone(),
            ["response"] = VideosResponse(task, baseAddress),
            ["created_at"] = UnixSeconds(task.CreatedAt),
            ["started_at"] = UnixSeconds(task.StartedAt),
        };
        if (finishedAt is { } end)
        {
            record["finished_at"] = UnixSeconds(end);
            record["elapsed"] = Math.Round((end - task.StartedAt).TotalSeconds, 3);
        }

        return record;
    }

    public static string VideoPath(string taskId) => $"/files/{taskId}.mp4";

    private static string VideoUrl(EmulatedTask task, Uri baseAddress) => new Uri(baseAddress, VideoPath(task.Id)).AbsoluteUri;

    private static double UnixSeconds(DateTimeOffset time) => Math.Round((time - DateTimeOffset.UnixEpoch).TotalSeconds, 3);
}
