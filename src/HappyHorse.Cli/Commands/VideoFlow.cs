using HappyHorse.Cli.Download;
using HappyHorse.Cli.Hosting;
using HappyHorse.Cli.Output;

namespace HappyHorse.Cli.Commands;

/// <summary>
/// What every video command does: validate (nothing is sent for a bad request), estimate or
/// submit, wait for the task with live progress, download the videos, report.
/// </summary>
internal static class VideoFlow
{
    public static async Task<int> RunAsync(VideoJob job, VideoSettings settings, CliEnvironment env, CancellationToken cancellationToken)
    {
        var reporter = new Reporter(env, settings.Json);
        var validation = job.Request.Validate();
        if (!validation.IsValid)
        {
            return reporter.Fail(CliFailure.InvalidRequest(validation.Errors));
        }

        if (settings.Estimate)
        {
            try
            {
                reporter.Estimate(job.Action, job.Estimate());
                return ExitCodes.Success;
            }
            catch (CliInputException ex)
            {
                return reporter.Fail(CliFailure.InvalidInput(ex.Message));
            }
        }

        using var scope = new RunScope(settings.Timeout ?? CommonOptions.DefaultTimeout, cancellationToken);
        string? taskId = null;
        var canLookUpLater = false;
        try
        {
            var folder = Path.GetFullPath(settings.OutDirectory ?? ".", env.WorkingDirectory);
            if (settings.CallbackUrl is null && !settings.NoWait)
            {
                // Before the (billable) submit: a video that can't be saved is money lost.
                EnsureFolder(folder);
            }

            var connection = await ApiConnection.OpenAsync(env, settings.BaseUrl, job.Command, allowEmulator: true, scope.Token).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                canLookUpLater = !connection.IsLocalEmulator;
                if (connection.IsLocalEmulator && (settings.NoWait || settings.CallbackUrl is not null))
                {
                    // The in-process emulator ends with this run: the task could never be looked up or called back.
                    throw new CliInputException(
                        (settings.NoWait ? "--no-wait" : "--callback-url")
                        + $" needs an API that outlives this run, and without {HappyHorseClient.TokenEnvironmentVariable} the local emulator stops when it exits. "
                        + $"Set {HappyHorseClient.TokenEnvironmentVariable}, or run `happyhorse emulator` and pass --base-url with its token.");
                }

                var submitted = await job.Submit(connection.Client, scope.Token).ConfigureAwait(false);
                taskId = submitted.TaskId;
                if (string.IsNullOrEmpty(taskId))
                {
                    throw new UnexpectedResponseException("The API accepted the request but returned no task id.");
                }

                if (settings.CallbackUrl is not null || settings.NoWait)
                {
                    reporter.Submitted(taskId, submitted.TraceId, callback: settings.CallbackUrl is not null);
                    return ExitCodes.Success;
                }

                var display = new TaskProgressDisplay(env.ErrorConsole ?? ConsoleFactory.ForWriter(env.Error), taskId);
                var id = taskId;
                var record = await display.RunAsync(
                    progress => connection.Client.WaitForTaskAsync(id, connection.PollingInterval, progress: progress, cancellationToken: scope.Token)).ConfigureAwait(false);

                var videos = await SaveAsync(new VideoDownloader(connection.Http), taskId, record, folder, scope.Token).ConfigureAwait(false);
                var traceId = submitted.TraceId ?? record.TraceId ?? record.Response?.TraceId;
                return reporter.Completed(new VideoOutcome(taskId, traceId, TaskStates.Describe(record), videos, display.Elapsed));
            }
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return reporter.Fail(scope.Classify(ex), taskId, canLookUpLater);
        }
    }

    private static void EnsureFolder(string folder)
    {
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            throw new CliInputException($"--out: can't use the folder {folder}: {ex.Message}");
        }
    }

    /// <summary>Downloads every succeeded video of a finished task.</summary>
    private static async Task<IReadOnlyList<SavedVideo>> SaveAsync(
        VideoDownloader downloader, string taskId, TaskRecord record, string folder, CancellationToken cancellationToken)
    {
        var videos = record.Response?.Data ?? [];
        var saved = new List<SavedVideo>(videos.Count);
        for (var i = 0; i < videos.Count; i++)
        {
            var video = videos[i];
            string? file = null;
            if (video.State == VideoState.Succeeded && !string.IsNullOrEmpty(video.VideoUrl))
            {
                var path = Path.Combine(folder, VideoDownloader.FileName(taskId, i, videos.Count));
                file = await downloader.DownloadAsync(video.VideoUrl, path, cancellationToken).ConfigureAwait(false);
            }

            saved.Add(new SavedVideo(video, file));
        }

        return saved;
    }
}
