using System.Globalization;

namespace HappyHorse.Cli.Output;

/// <summary>Writes task records for people.</summary>
internal static class TaskText
{
    public static void Write(TextWriter output, TaskRecord record)
    {
        output.WriteLine($"Task {record.Id ?? "(no id)"}");
        Line(output, "state", TaskStates.Describe(record));
        if (record.Request is { } request)
        {
            Line(output, "action", request.Model is null ? request.Action : $"{request.Action} ({request.Model})");
            Line(output, "prompt", request.Prompt);
            Line(output, "image url", request.ImageUrl);
            foreach (var url in request.ImageUrls)
            {
                Line(output, "image url", url);
            }

            Line(output, "video url", request.VideoUrl);
        }

        Line(output, "created", Time(record.CreatedAt));
        Line(output, "started", Time(record.StartedAt));
        Line(output, "finished", Time(record.FinishedAt));
        Line(output, "elapsed", record.Elapsed is { } s ? Durations.Format(TimeSpan.FromSeconds(s)) : null);
        Line(output, "trace id", record.TraceId);
        foreach (var video in record.Response?.Data ?? [])
        {
            var details = new[]
            {
                video.State?.Value,
                video.Duration is { } d ? d.ToString("0.#", CultureInfo.InvariantCulture) + " s" : null,
                video.Resolution?.Value,
                video.Ratio?.Value,
            };
            Line(output, "video", $"{video.VideoUrl ?? "(no url yet)"} ({string.Join(", ", details.OfType<string>())})");
        }
    }

    private static void Line(TextWriter output, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            output.WriteLine($"  {label + ":",-11}{value}");
        }
    }

    private static string? Time(DateTimeOffset? time) =>
        time?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture);
}
