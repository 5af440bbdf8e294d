using System.Diagnostics;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Batch;

/// <summary>What one job does in this run: what the rerun planned for it, its live state, and how it ended.</summary>
internal sealed class JobRun(BatchJob job, JobEntry entry, JobPlan plan)
{
    private string _status = plan switch
    {
        JobPlan.Skip => JobState.Done,
        JobPlan.Attach => "re-attaching",
        _ => JobState.Pending,
    };

    public BatchJob Job { get; } = job;

    /// <summary>Gets the persisted entry; change it only through the store.</summary>
    public JobEntry Entry { get; } = entry;

    public JobPlan Plan { get; } = plan;

    /// <summary>Gets the state shown live: the entry's state, or a finer one (waiting, downloading).</summary>
    public string Status => Volatile.Read(ref _status);

    /// <summary>Gets when <see cref="Status"/> last changed, for showing the most recent rows.</summary>
    public long ChangedAt { get; private set; } = Stopwatch.GetTimestamp();

    /// <summary>Gets why the job did not finish in this run, or null.</summary>
    public CliFailure? Failure { get; private set; }

    public bool Succeeded => Failure is null && Status == JobState.Done;

    public bool IsFinal => Failure is not null || Status == JobState.Done;

    public event Action<JobRun>? Changed;

    public void Show(string status)
    {
        Volatile.Write(ref _status, status);
        ChangedAt = Stopwatch.GetTimestamp();
        Changed?.Invoke(this);
    }

    public void Fail(CliFailure failure, string status)
    {
        Failure = failure;
        Show(status);
    }
}

/// <summary>What a run does with a job, decided from the state file before anything is sent.</summary>
internal enum JobPlan
{
    /// <summary>Send the request (new, or refused by the API last time, or --resubmit-unknown).</summary>
    Submit,

    /// <summary>Wait for the recorded task and download what is missing.</summary>
    Attach,

    /// <summary>Done, with every file present.</summary>
    Skip,

    /// <summary>Not run: its submit may have created a task whose id was never received (see --resubmit-unknown).</summary>
    Unknown,

    /// <summary>Not run: the line differs from the request the state file recorded for this id.</summary>
    Changed,

    /// <summary>Not run: its task ended in error in an earlier run.</summary>
    Failed,
}
