namespace HappyHorse.Cli.Output;

/// <summary>Reads a state people understand out of a task record.</summary>
internal static class TaskStates
{
    public const string Succeeded = "succeeded";
    public const string Error = "error";

    /// <summary>The state of a task: its videos' states when it has some, otherwise queued, running or finished.</summary>
    /// <param name="record">The record.</param>
    /// <returns>The state.</returns>
    public static string Describe(TaskRecord record)
    {
        var videos = record.Response?.Data ?? [];
        if (record.IsFinished)
        {
            if (record.Response?.Success == false || videos.Count == 0)
            {
                return Error;
            }

            if (videos.All(v => v.State == VideoState.Succeeded))
            {
                return Succeeded;
            }

            // Any other state of a finished task is a failure; "error" wins over unknown values.
            return videos.Any(v => v.State == VideoState.Error)
                ? Error
                : videos.Select(v => v.State?.Value).FirstOrDefault(s => s != Succeeded) ?? Error;
        }

        if (videos.Count > 0 && videos[0].State is { } state)
        {
            return state.Value;
        }

        return record.StartedAt is null ? "queued" : "running";
    }
}
