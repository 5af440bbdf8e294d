namespace HappyHorse.Cli.Batch;

/// <summary>The states a job goes through, as the state file and the output name them.</summary>
internal static class JobState
{
    /// <summary>Not sent yet.</summary>
    public const string Pending = "pending";

    /// <summary>Recorded before the submit is sent; without a task id afterwards, the submit may have created a (billed) task.</summary>
    public const string Submitting = "submitting";

    /// <summary>The task exists (its id is recorded) and has not been downloaded yet.</summary>
    public const string Submitted = "submitted";

    public const string Downloading = "downloading";

    /// <summary>Every video of the task is saved.</summary>
    public const string Done = "done";

    /// <summary>The API refused the submit (no task was created) or the task ended in error (not charged).</summary>
    public const string Failed = "failed";

    /// <summary>Reported only: a submit of an earlier run may have started a task whose id was never received.</summary>
    public const string Unknown = "unknown";
}

/// <summary>What the state file holds for one job. Mutated only under the store's lock.</summary>
internal sealed class JobEntry
{
    public required int Line { get; set; }

    public required string Id { get; init; }

    public required string Hash { get; set; }

    /// <summary>Gets or sets the x-client-request-id the submit is (or was) sent with.</summary>
    public string? ClientRequestId { get; set; }

    public string? TaskId { get; set; }

    public string State { get; set; } = JobState.Pending;

    public List<string> Files { get; set; } = [];

    /// <summary>Gets or sets the last failure, for people.</summary>
    public string? Error { get; set; }
}
