namespace HappyHorse.Cli.Output;

/// <summary>The end of a video command: the task, its videos and the files written.</summary>
/// <param name="TaskId">The task id.</param>
/// <param name="TraceId">The submit's trace id.</param>
/// <param name="State">The task's final state.</param>
/// <param name="Videos">The videos, with the file each was saved to.</param>
/// <param name="Elapsed">Time from submit to the end.</param>
internal sealed record VideoOutcome(string TaskId, string? TraceId, string State, IReadOnlyList<SavedVideo> Videos, TimeSpan Elapsed)
{
    public bool Succeeded => State == TaskStates.Succeeded;
}

/// <summary>One video of a task and where it was saved.</summary>
/// <param name="Video">The video as the API reported it.</param>
/// <param name="File">The full path of the downloaded file, or null when it was not downloaded.</param>
internal sealed record SavedVideo(VideoResult Video, string? File);
