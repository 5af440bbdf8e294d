using ContractFirst.Runtime;
using HappyHorse.Cli.Commands;
using HappyHorse.Cli.Download;
using HappyHorse.Cli.Hosting;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Batch;

/// <summary>
/// Runs a jobs file: plans each job from the state file, submits with bounded concurrency (recording each submit
/// before it is sent), waits for every task with the client's coalesced poller, downloads, and keeps the state
/// file current so that a rerun after a crash or Ctrl+C sends nothing twice.
/// </summary>
internal sealed class BatchRunner(BatchSettings settings, CliEnvironment env)
{
    /// <summary>How long submits already sent may take to answer after Ctrl+C: their task ids are worth waiting for.</summary>
    private static readonly TimeSpan SubmitGrace = TimeSpan.FromSeconds(10);

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var report = new BatchReport(env, settings.Json);
        var jobsPath = Path.GetFullPath(settings.JobsFile, env.WorkingDirectory);
        IReadOnlyList<BatchJob> jobs;
        IReadOnlyList<BadLine> badLines;
        try
        {
            (jobs, badLines) = JobsFile.Read(jobsPath, settings.JobsFile);
        }
        catch (CliInputException ex)
        {
            return new Reporter(env, settings.Json).Fail(CliFailure.InvalidInput(ex.Message));
        }

        if (settings.Estimate)
        {
            return report.Estimate(jobs, badLines);
        }

        var statePath = Path.GetFullPath(settings.StatePath ?? settings.JobsFile + ".state.json", env.WorkingDirectory);
        var folder = Path.GetFullPath(settings.OutDirectory ?? ".", env.WorkingDirectory);
        using var scope = new RunScope(settings.Timeout ?? CommonOptions.DefaultTimeout, cancellationToken);
        BatchStateStore store;
        try
        {
            store = BatchStateStore.Load(statePath, settings.StatePath ?? statePath);
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is CliInputException or IOException or UnauthorizedAccessException)
        {
            return new Reporter(env, settings.Json).Fail(CliFailure.InvalidInput(ex.Message));
        }

        using var disposeStore = store;
        var runs = jobs.Select(job => Plan(job, store, folder)).ToList();
        try
        {
            var connection = await ApiConnection.OpenAsync(env, settings.BaseUrl, "batch", allowEmulator: true, scope.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                if (connection.IsLocalEmulator)
                {
                    env.Error.WriteLine("note: the in-process emulator ends with this run, so a rerun can't re-attach to its tasks.");
                    env.Error.WriteLine("      For a resumable local batch, run `happyhorse emulator` and pass its --base-url and token.");
                }

                // Write the plan (new entries, re-planned lines) before the first submit.
                await store.ChangeAsync(static () => { }).ConfigureAwait(false);
                var view = new BatchProgressView(env.ErrorConsole ?? ConsoleFactory.ForWriter(env.Error), runs);
                await view.RunAsync(() => RunAllAsync(runs, connection, store, folder, scope)).ConfigureAwait(false);
                await store.SaveAsync().ConfigureAwait(false);
                return report.Completed(runs, badLines, store.Path, folder, scope, cancellationToken.IsCancellationRequested);
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            await store.SaveAsync().ConfigureAwait(false);
            return new Reporter(env, settings.Json).Fail(scope.Classify(ex));
        }
    }

    /// <summary>Decides from the state file what this run does with a job; adds an entry for a new one.</summary>
    private JobRun Plan(BatchJob job, BatchStateStore store, string folder)
    {
        var entry = store.Find(job.Id);
        if (entry is null)
        {
            entry = new JobEntry { Line = job.Line, Id = job.Id, Hash = job.Hash };
            store.Add(entry);
            return new JobRun(job, entry, JobPlan.Submit);
        }

        var neverSent = entry.TaskId is null && entry.State is JobState.Pending or JobState.Failed;
        if (entry.Hash != job.Hash && !neverSent)
        {
            return Ended(new JobRun(job, entry, JobPlan.Changed), "changed",
                $"line {job.Line} (id {job.Id}) differs from the request the state file recorded for this id"
                + (entry.TaskId is null ? "" : $" (task {entry.TaskId})") + ": give the changed job a new id, or use another --state");
        }

        entry.Line = job.Line;
        entry.Hash = job.Hash;
        if (neverSent)
        {
            // Pending, or refused by the API with nothing created: sending it is not a second charge.
            return new JobRun(job, entry, JobPlan.Submit);
        }

        if (entry.State == JobState.Done && entry.Files.Count > 0 && entry.Files.All(f => File.Exists(Path.Combine(folder, f))))
        {
            return new JobRun(job, entry, JobPlan.Skip);
        }

        if (entry.TaskId is not null)
        {
            return entry.State == JobState.Failed
                ? Ended(new JobRun(job, entry, JobPlan.Failed), JobState.Failed, $"task {entry.TaskId} ended in error in an earlier run: {entry.Error}")
                : new JobRun(job, entry, JobPlan.Attach);
        }

        return settings.ResubmitUnknown
            ? new JobRun(job, entry, JobPlan.Submit)
            : Ended(new JobRun(job, entry, JobPlan.Unknown), JobState.Unknown,
                $"may have been charged: an earlier run sent this job (client request id {entry.ClientRequestId}) but got no task id; "
                + "check your account, then rerun with --resubmit-unknown to send it again");
    }

    private static JobRun Ended(JobRun run, string status, string message)
    {
        run.Fail(new CliFailure(status == "changed" ? ExitCodes.InvalidInput : ExitCodes.ApiError, status, message), status);
        return run;
    }

    private async Task RunAllAsync(List<JobRun> runs, ApiConnection connection, BatchStateStore store, string folder, RunScope scope)
    {
        using var submitSlots = new SemaphoreSlim(settings.Concurrency);
        using var downloadSlots = new SemaphoreSlim(settings.Concurrency);
        using var submitting = new CancellationTokenSource();
        using var graceOnStop = scope.Token.Register(() => submitting.CancelAfter(SubmitGrace));
        var downloader = new VideoDownloader(connection.Http);
        var work = new Job(connection, store, folder, scope, submitSlots, downloadSlots, downloader, submitting.Token);
        await Task.WhenAll(runs.Select(work.RunAsync)).ConfigureAwait(false);
    }

    /// <summary>One job's way through submit, wait and download; failures are recorded on the job, never thrown.</summary>
    private sealed record Job(
        ApiConnection Connection,
        BatchStateStore Store,
        string Folder,
        RunScope Scope,
        SemaphoreSlim SubmitSlots,
        SemaphoreSlim DownloadSlots,
        VideoDownloader Downloader,
        CancellationToken SubmitToken)
    {
        public async Task RunAsync(JobRun run)
        {
            if (run.IsFinal)
            {
                return;
            }

            if (run.Plan == JobPlan.Attach && Connection.IsLocalEmulator)
            {
                run.Fail(new CliFailure(ExitCodes.ApiError, "lost",
                    $"task {run.Entry.TaskId} ran on the in-process emulator of an earlier run, which ended with it: it can't be re-attached"), "lost");
                return;
            }

            try
            {
                // A task this run submits is first looked up FirstPollDelay after its submit, together with those
                // submitted about then; one recorded by an earlier run may have ended long ago: looked up at once.
                DateTimeOffset? submittedAt = null;
                if (run.Plan == JobPlan.Submit && (submittedAt = await SubmitAsync(run).ConfigureAwait(false)) is null)
                {
                    return;
                }

                await WaitAndDownloadAsync(run, submittedAt).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                var failure = Scope.Classify(ex);
                run.Fail(failure, failure.ExitCode == ExitCodes.Cancelled ? run.Entry.State : JobState.Failed);
            }
        }

        /// <summary>Sends the request, recording it first; returns when the task id came back, or null when none did.</summary>
        private async Task<DateTimeOffset?> SubmitAsync(JobRun run)
        {
            try
            {
                await SubmitSlots.WaitAsync(Scope.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // Stopped before it was sent: still pending, and the rerun sends it.
                run.Fail(Scope.Classify(new OperationCanceledException()), JobState.Pending);
                return null;
            }

            try
            {
                if (Scope.Token.IsCancellationRequested)
                {
                    run.Fail(Scope.Classify(new OperationCanceledException()), JobState.Pending);
                    return null;
                }

                var entry = run.Entry;

                // Money first: "submitting" and the request id are on disk before the request can start a task.
                await Store.ChangeAsync(() =>
                {
                    entry.ClientRequestId ??= "batch-" + Guid.NewGuid().ToString("N");
                    entry.State = JobState.Submitting;
                    entry.Error = null;
                }).ConfigureAwait(false);
                run.Show(JobState.Submitting);

                VideosResponse submitted;
                DateTimeOffset answeredAt;
                try
                {
                    // A resubmit (--resubmit-unknown) sends the first attempt's id again, so a server that
                    // de-duplicates by it can answer with the task it already made.
                    using (ClientRequestId.CreateScope(entry.ClientRequestId!))
                    {
                        submitted = await run.Job.Submit(Connection.Client, SubmitToken).ConfigureAwait(false);
                    }

                    answeredAt = Connection.Clock.GetUtcNow();
                }
                catch (Exception ex) when (IsRefused(ex))
                {
                    var refused = Scope.Classify(ex);
                    await Store.ChangeAsync(() =>
                    {
                        entry.State = JobState.Failed;
                        entry.Error = refused.Message + (refused.ApiMessage is null ? "" : $" ({refused.Code}: {refused.ApiMessage})");
                    }).ConfigureAwait(false);
                    run.Fail(refused, JobState.Failed);
                    return null;
                }
                catch (Exception ex) when (ex is not OutOfMemoryException)
                {
                    // The request may have reached the API: the entry stays "submitting", and a rerun asks before sending it again.
                    var failure = Scope.Classify(ex);
                    await Store.ChangeAsync(() => entry.Error = failure.Message).ConfigureAwait(false);
                    run.Fail(failure with { Message = $"{failure.Message} The submit may have started a task (client request id {entry.ClientRequestId})." }, JobState.Unknown);
                    return null;
                }

                if (string.IsNullOrEmpty(submitted.TaskId))
                {
                    await Store.ChangeAsync(() => entry.Error = "the API accepted the request but returned no task id").ConfigureAwait(false);
                    run.Fail(new CliFailure(ExitCodes.ApiError, "invalid_response", "The API accepted the request but returned no task id."), JobState.Unknown);
                    return null;
                }

                await Store.ChangeAsync(() =>
                {
                    entry.TaskId = submitted.TaskId;
                    entry.State = JobState.Submitted;
                }).ConfigureAwait(false);
                run.Show(JobState.Submitted);
                return answeredAt;
            }
            finally
            {
                SubmitSlots.Release();
            }
        }

        private async Task WaitAndDownloadAsync(JobRun run, DateTimeOffset? submittedAt)
        {
            var entry = run.Entry;
            var taskId = entry.TaskId!;
            run.Show("waiting");

            // The shared poller: one batch lookup per round covers every outstanding task of the run.
            var record = await new HappyHorseOperation(Connection.Client, taskId) { SubmittedAt = submittedAt }
                .WaitForCompletionAsync(pollingInterval: null, timeout: Scope.Timeout, Scope.Token).ConfigureAwait(false);
            var state = TaskStates.Describe(record);
            if (state != TaskStates.Succeeded)
            {
                var message = $"task {taskId} ended in state {state} (failed tasks are not charged)";
                await Store.ChangeAsync(() =>
                {
                    entry.State = JobState.Failed;
                    entry.Error = message;
                }).ConfigureAwait(false);
                run.Fail(new CliFailure(ExitCodes.ApiError, "task_failed", message) { TraceId = record.TraceId }, JobState.Failed);
                return;
            }

            await DownloadSlots.WaitAsync(Scope.Token).ConfigureAwait(false);
            try
            {
                run.Show(JobState.Downloading);
                var videos = record.Response?.Data ?? [];
                var files = new List<string>(videos.Count);
                for (var i = 0; i < videos.Count; i++)
                {
                    var name = VideoDownloader.FileName(run.Job.Id, i, videos.Count);
                    var path = Path.Combine(Folder, name);
                    if (!(entry.Files.Contains(name) && File.Exists(path)))
                    {
                        await Downloader.DownloadAsync(videos[i].VideoUrl ?? "", path, Scope.Token).ConfigureAwait(false);
                    }

                    files.Add(name);
                }

                await Store.ChangeAsync(() =>
                {
                    entry.Files = files;
                    entry.State = JobState.Done;
                    entry.Error = null;
                }).ConfigureAwait(false);
                run.Show(JobState.Done);
            }
            finally
            {
                DownloadSlots.Release();
            }
        }

        /// <summary>Whether the submit provably started nothing (the runtime's rule for resending a submit), so a rerun may send it.</summary>
        private static bool IsRefused(Exception ex) => ex is RequestValidationException or ApiException { IsSafeToResend: true };
    }
}
