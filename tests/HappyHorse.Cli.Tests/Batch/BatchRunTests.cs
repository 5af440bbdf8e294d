using System.Text.Json;
using HappyHorse.Cli.Tests.Support;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Tests.Batch;

/// <summary>`happyhorse batch` against an emulator the test starts: every job submitted once, waited on together and downloaded.</summary>
public sealed class BatchRunTests : IDisposable
{
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task ManyJobsAreEachSubmittedOnceWaitedOnWithBatchLookupsAndDownloaded()
    {
        const int Count = 50;
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.TaskDuration = TimeSpan.FromMilliseconds(300);
            o.MaxRequestHistory = 10_000;
        });
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, Count);

        var run = await _cli.RunAsync("batch", jobs, "--out", "out", "--concurrency", "8", "--json", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), Count);

        // Waiting is coalesced: only batch lookups, never one request per task per round.
        var lookups = BatchFixture.LookupSizes(emulator);
        Assert.NotEmpty(lookups);
        Assert.True(lookups.Length < Count, $"{lookups.Length} lookups for {Count} tasks");
        Assert.Contains(lookups, size => size > 1);

        using var doc = JsonDocument.Parse(run.Stdout);
        var root = doc.RootElement;
        Assert.True(root.GetProperty("ok").GetBoolean());
        Assert.Equal(Count, root.GetProperty("summary").GetProperty("done").GetInt32());
        Assert.All(root.GetProperty("jobs").EnumerateArray(), j => Assert.Equal("done", j.GetProperty("state").GetString()));
        var state = BatchFixture.ReadState(Path.Combine(_cli.WorkingDirectory, jobs + ".state.json"));
        Assert.All(state.Values, j => Assert.Equal("done", j.State));
    }

    [Fact]
    public async Task ABadLineIsReportedAndTheRestStillRuns()
    {
        await using var emulator = await Emulators.StartAsync();
        File.WriteAllText(Path.Combine(_cli.WorkingDirectory, "jobs.jsonl"), """
            {"action":"generate","prompt":"one"}
            {"action":"generate","prompt":"two","duration":99}
            {"action":"generate","prompt":"three"}
            """);

        var run = await _cli.RunAsync("batch", "jobs.jsonl", "--out", "out", "--base-url", emulator.BaseAddress.ToString());

        Assert.Equal(ExitCodes.InvalidInput, run.ExitCode);
        Assert.Contains("error: line 2: duration must be between 3 and 15 (was 99) [field: duration, rule: range, value: 99]", run.Stderr, StringComparison.Ordinal);
        Assert.Equal(["1.mp4", "3.mp4"], _cli.FilesIn("out"));
        Assert.Equal(2, emulator.Usage.TasksCreated);
    }

    [Fact]
    public async Task ARerunSkipsDoneJobsAndDownloadsOnlyWhatIsMissing()
    {
        await using var emulator = await Emulators.StartAsync(o => o.MaxRequestHistory = 10_000);
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, 5);
        var baseUrl = emulator.BaseAddress.ToString();
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", baseUrl)).ExitCode);
        File.Delete(Path.Combine(_cli.WorkingDirectory, "out", "job-2.mp4"));
        var kept = Path.Combine(_cli.WorkingDirectory, "out", "job-1.mp4");
        File.SetLastWriteTimeUtc(kept, new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc));

        var rerun = await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", baseUrl);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        Assert.Contains("5 of 5 jobs done (4 from an earlier run)", rerun.Stderr, StringComparison.Ordinal);
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), 5);
        Assert.Equal(new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc), File.GetLastWriteTimeUtc(kept));
    }

    [Fact]
    public async Task AJobThatWasSubmittingWithoutATaskIdIsNotSentAgainUnlessAsked()
    {
        await using var emulator = await Emulators.StartAsync();
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, 2);
        var baseUrl = emulator.BaseAddress.ToString();
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", baseUrl)).ExitCode);

        // As a crash between sending job-1 and reading its answer leaves it.
        var statePath = Path.Combine(_cli.WorkingDirectory, jobs + ".state.json");
        var text = File.ReadAllText(statePath);
        var clientRequestId = BatchFixture.ReadState(statePath)["job-1"].ClientRequestId!;
        var taskId = BatchFixture.ReadState(statePath)["job-1"].TaskId!;
        var job1 = text.IndexOf("\"job-1\"", StringComparison.Ordinal);
        var end = text.IndexOf('}', job1);
        var edited = text[job1..end].Replace($"\"{taskId}\"", "null", StringComparison.Ordinal).Replace("\"done\"", "\"submitting\"", StringComparison.Ordinal);
        File.WriteAllText(statePath, text[..job1] + edited + text[end..]);
        File.Delete(Path.Combine(_cli.WorkingDirectory, "out", "job-1.mp4"));

        var rerun = await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", baseUrl);

        Assert.Equal(ExitCodes.ApiError, rerun.ExitCode);
        Assert.Contains($"line 1 (job-1): unknown: may have been charged: an earlier run sent this job (client request id {clientRequestId})", rerun.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Usage.TasksCreated);
        Assert.Equal(["job-2.mp4"], _cli.FilesIn("out"));

        var resubmitted = await _cli.RunAsync("batch", jobs, "--out", "out", "--resubmit-unknown", "--base-url", baseUrl);

        Assert.True(resubmitted.ExitCode == ExitCodes.Success, resubmitted.ToString());
        Assert.Equal(["job-1.mp4", "job-2.mp4"], _cli.FilesIn("out"));

        // Sent again with its first request id, so the double charge is visible (and a de-duplicating server could avoid it).
        Assert.Equal(2, emulator.Usage.TasksByClientRequest[clientRequestId]);
    }

    [Fact]
    public async Task AChangedLineIsReportedNotMixedWithTheTaskOfTheOldOne()
    {
        await using var emulator = await Emulators.StartAsync();
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, 2);
        var baseUrl = emulator.BaseAddress.ToString();
        Assert.Equal(ExitCodes.Success, (await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", baseUrl)).ExitCode);
        var path = Path.Combine(_cli.WorkingDirectory, jobs);
        File.WriteAllText(path, File.ReadAllText(path).Replace("Horse number 2", "Horse number two", StringComparison.Ordinal));

        var rerun = await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", baseUrl);

        Assert.Equal(ExitCodes.InvalidInput, rerun.ExitCode);
        Assert.Contains("line 2 (job-2): changed: line 2 (id job-2) differs from the request the state file recorded for this id", rerun.Stderr, StringComparison.Ordinal);
        Assert.Equal(2, emulator.Usage.TasksCreated);
    }

    [Fact]
    public async Task EstimatePricesTheWholeFileByActionAndModelAndSendsNothing()
    {
        File.WriteAllText(Path.Combine(_cli.WorkingDirectory, "jobs.csv"), """
            action,prompt,resolution,duration,model,image_url,video_url,input_seconds
            generate,a,,,,,,
            generate,b,1080P,10,,,,
            generate,c,,,happyhorse-1.0-t2v,,,
            image-to-video,,,4,,https://e.com/a.png,,
            edit,d,,,,,https://e.com/v.mp4,3
            edit,e,,,,,https://e.com/v.mp4,
            """);

        // No token and no emulator: --estimate sends nothing, so it needs neither.
        var run = await new CliHarness().RunAsync(["batch", Path.Combine(_cli.WorkingDirectory, "jobs.csv"), "--estimate", "--json"], CancellationToken.None);

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        using var doc = JsonDocument.Parse(run.Stdout);
        var estimate = doc.RootElement.GetProperty("estimate");

        // 0.525 + 1.8 + 0.525 (generate) + 0.42 (image-to-video, 4 s) + 0.63 (edit, 3 s in + 3 s out).
        Assert.Equal(3.9m, estimate.GetProperty("amount").GetDecimal());
        Assert.Equal(5, estimate.GetProperty("priced_jobs").GetInt32());
        Assert.Equal([7], estimate.GetProperty("unpriced_lines").EnumerateArray().Select(l => l.GetInt32()));
        var groups = estimate.GetProperty("by_action_and_model").EnumerateArray()
            .Select(g => (g.GetProperty("action").GetString(), g.GetProperty("model").GetString(), g.GetProperty("jobs").GetInt32(), g.GetProperty("amount").GetDecimal()))
            .ToArray();
        Assert.Equal(
            [("edit", "happyhorse-1.0-video-edit", 1, 0.63m), ("generate", "happyhorse-1.0-t2v", 1, 0.525m), ("generate", "happyhorse-1.1-t2v", 2, 2.325m), ("image-to-video", "happyhorse-1.1-i2v", 1, 0.42m)],
            groups);
    }

    [Fact]
    public async Task OnATerminalOneLiveViewShowsTheTotalsTheSpendAndTheJobs()
    {
        await using var emulator = await Emulators.StartAsync();
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, 5);
        using var screen = new StringWriter();
        _cli.ErrorConsole = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Out = new Spectre.Console.AnsiConsoleOutput(screen),
            Ansi = Spectre.Console.AnsiSupport.Yes,
            Interactive = Spectre.Console.InteractionSupport.Yes,
            ColorSystem = Spectre.Console.ColorSystemSupport.NoColors,
        });
        _cli.ErrorConsole.Profile.Width = 200;

        var run = await _cli.RunAsync("batch", jobs, "--out", "out", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        var shown = screen.ToString();

        // Five 3 s jobs at 720P: 5 × 3 × 0.105 USD.
        Assert.Contains("5/5 done, 0 not finished, 0 in progress · spent ≈ 1.58 in this run, ≈ 1.58 USD estimated for all", shown, StringComparison.Ordinal);
        Assert.Contains("job-5", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("line 1 (job-1): submitting", shown, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EverySubmitIsRecordedAsSubmittingWithItsRequestIdBeforeItIsSent()
    {
        await using var emulator = await Emulators.StartAsync();
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, 6);
        var statePath = Path.Combine(_cli.WorkingDirectory, jobs + ".state.json");
        var seen = new System.Collections.Concurrent.ConcurrentBag<string>();
        _cli.CreateHttpClient = () => new HttpClient(new StateCheckingHandler(statePath, seen));

        var run = await _cli.RunAsync("batch", jobs, "--out", "out", "--concurrency", "3", "--base-url", emulator.BaseAddress.ToString());

        Assert.True(run.ExitCode == ExitCodes.Success, run.ToString());
        Assert.Equal(6, seen.Count);
        Assert.All(seen, s => Assert.Equal("submitting", s));
    }

    public void Dispose() => _cli.Dispose();

    /// <summary>At each submit, reads what the state file says about the job whose request id the submit carries.</summary>
    private sealed class StateCheckingHandler(string statePath, System.Collections.Concurrent.ConcurrentBag<string> seen)
        : DelegatingHandler(new SocketsHttpHandler { AllowAutoRedirect = false })
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            if (request.Method == HttpMethod.Post && request.RequestUri!.AbsolutePath == "/happyhorse/videos")
            {
                var id = request.Headers.GetValues(ContractFirst.Runtime.ClientRequestId.HeaderName).Single();
                var entry = BatchFixture.ReadState(statePath).Values.SingleOrDefault(j => j.ClientRequestId == id);
                seen.Add(entry.State ?? "not in the state file");
            }

            return base.SendAsync(request, cancellationToken);
        }
    }
}
