using System.Text.Json;

namespace HappyHorse.Cli.Output;

/// <summary>Writes task records as JSON, field by field (the SDK's records are read-only models).</summary>
internal static class TaskJson
{
    public static void WriteRecord(Utf8JsonWriter w, TaskRecord record)
    {
        w.WriteStartObject();
        w.WriteStringOrNull("id", record.Id);
        w.WriteString("state", TaskStates.Describe(record));
        w.WriteBoolean("finished", record.IsFinished);
        w.WriteStringOrNull("type", record.Type);
        w.WriteStringOrNull("trace_id", record.TraceId);
        w.WriteUnixSecondsOrNull("created_at", record.CreatedAt);
        w.WriteUnixSecondsOrNull("started_at", record.StartedAt);
        w.WriteUnixSecondsOrNull("finished_at", record.FinishedAt);
        w.WriteNumberOrNull("elapsed", record.Elapsed);
        if (record.Request is { } request)
        {
            w.WriteStartObject("request");
            WriteRequest(w, request);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("request");
        }

        if (record.Response is { } response)
        {
            w.WriteStartObject("response");
            w.WriteBooleanOrNull("success", response.Success);
            w.WriteStringOrNull("task_id", response.TaskId);
            w.WriteStringOrNull("trace_id", response.TraceId);
            w.WriteStartArray("data");
            foreach (var video in response.Data)
            {
                w.WriteStartObject();
                WriteVideoProperties(w, video);
                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("response");
        }

        w.WriteEndObject();
    }

    public static void WriteVideoProperties(Utf8JsonWriter w, VideoResult video)
    {
        w.WriteStringOrNull("id", video.Id);
        w.WriteStringOrNull("state", video.State?.Value);
        w.WriteStringOrNull("video_url", video.VideoUrl);
        w.WriteNumberOrNull("duration", video.Duration);
        w.WriteStringOrNull("resolution", video.Resolution?.Value);
        w.WriteStringOrNull("ratio", video.Ratio?.Value);
    }

    private static void WriteRequest(Utf8JsonWriter w, TaskRequest request)
    {
        w.WriteStringOrNull("action", request.Action);
        w.WriteStringOrNull("model", request.Model);
        w.WriteStringOrNull("prompt", request.Prompt);
        w.WriteStringOrNull("image_url", request.ImageUrl);
        w.WriteStringArray("image_urls", request.ImageUrls);
        w.WriteStringOrNull("video_url", request.VideoUrl);
        w.WriteStringOrNull("resolution", request.Resolution?.Value);
        w.WriteStringOrNull("ratio", request.Ratio?.Value);
        w.WriteNumberOrNull("duration", request.Duration);
        w.WriteBooleanOrNull("watermark", request.Watermark);
        w.WriteStringOrNull("audio_setting", request.AudioSetting?.Value);
        w.WriteNumberOrNull("seed", request.Seed);
        w.WriteStringOrNull("callback_url", request.CallbackUrl);
        w.WriteBooleanOrNull("async", request.Async);
    }
}
