using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

namespace HappyHorse.Benchmarks;

// What a hand-written SDK typically does instead of the generated code: a DTO with
// DataAnnotations for validation and System.Text.Json for the wire format. Kept field-for-field
// equal to the generated ReferenceToVideoRequest and VideosResponse so the comparison is fair.

internal sealed class ReferenceToVideoDto
{
    [JsonPropertyName("action")]
    public string Action { get; set; } = "reference_to_video";

    [JsonPropertyName("model")]
    [AllowedValues("happyhorse-1.1-r2v", "happyhorse-1.0-r2v")]
    public string Model { get; set; } = "happyhorse-1.1-r2v";

    [JsonPropertyName("prompt")]
    [Required]
    public string? Prompt { get; set; }

    [JsonPropertyName("image_urls")]
    [Required]
    [Length(1, 9)]
    public List<string>? ImageUrls { get; set; }

    [JsonPropertyName("ratio")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [AllowedValues("16:9", "9:16", "1:1", "4:3", "3:4", null)]
    public string? Ratio { get; set; }

    [JsonPropertyName("duration")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Range(3, 15)]
    public int? Duration { get; set; }

    [JsonPropertyName("resolution")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [AllowedValues("720P", "1080P", null)]
    public string? Resolution { get; set; }

    [JsonPropertyName("seed")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Range(0, int.MaxValue)]
    public int? Seed { get; set; }

    [JsonPropertyName("callback_url")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    [Url]
    public string? CallbackUrl { get; set; }
}

internal sealed class VideosResponseDto
{
    [JsonPropertyName("success")]
    public bool? Success { get; set; }

    [JsonPropertyName("task_id")]
    public string? TaskId { get; set; }

    [JsonPropertyName("trace_id")]
    public string? TraceId { get; set; }

    [JsonPropertyName("data")]
    public List<VideoResultDto>? Data { get; set; }
}

internal sealed class VideoResultDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("video_url")]
    public string? VideoUrl { get; set; }

    [JsonPropertyName("state")]
    public string? State { get; set; }

    [JsonPropertyName("duration")]
    public double? Duration { get; set; }

    [JsonPropertyName("resolution")]
    public string? Resolution { get; set; }

    [JsonPropertyName("ratio")]
    public string? Ratio { get; set; }
}

internal sealed class TaskRecordDto
{
    [JsonPropertyName("id")]
    public string? Id { get; set; }

    [JsonPropertyName("type")]
    public string? Type { get; set; }

    [JsonPropertyName("trace_id")]
    public string? TraceId { get; set; }

    [JsonPropertyName("request")]
    public TaskRequestDto? Request { get; set; }

    [JsonPropertyName("response")]
    public VideosResponseDto? Response { get; set; }

    // Unix seconds: the DTO keeps the number, where the generated model converts it to DateTimeOffset.
    [JsonPropertyName("created_at")]
    public double? CreatedAt { get; set; }

    [JsonPropertyName("started_at")]
    public double? StartedAt { get; set; }

    [JsonPropertyName("finished_at")]
    public double? FinishedAt { get; set; }

    [JsonPropertyName("elapsed")]
    public double? Elapsed { get; set; }
}

internal sealed class TaskRequestDto
{
    [JsonPropertyName("action")]
    public string? Action { get; set; }

    [JsonPropertyName("model")]
    public string? Model { get; set; }

    [JsonPropertyName("prompt")]
    public string? Prompt { get; set; }

    [JsonPropertyName("image_urls")]
    public List<string>? ImageUrls { get; set; }

    [JsonPropertyName("resolution")]
    public string? Resolution { get; set; }

    [JsonPropertyName("ratio")]
    public string? Ratio { get; set; }

    [JsonPropertyName("duration")]
    public int? Duration { get; set; }

    [JsonPropertyName("seed")]
    public int? Seed { get; set; }

    [JsonPropertyName("callback_url")]
    public string? CallbackUrl { get; set; }
}

/// <summary>The body of a task lookup, for the hand-written clients.</summary>
internal sealed class GetTaskDto
{
    [JsonPropertyName("action")]
    public string Action { get; set; } = "retrieve";

    [JsonPropertyName("id")]
    public string? Id { get; set; }
}

/// <summary>System.Text.Json's own source generator: the fastest off-the-shelf baseline.</summary>
[JsonSerializable(typeof(ReferenceToVideoDto))]
[JsonSerializable(typeof(VideosResponseDto))]
[JsonSerializable(typeof(TaskRecordDto))]
[JsonSerializable(typeof(GetTaskDto))]
internal sealed partial class BaselineJsonContext : JsonSerializerContext;
