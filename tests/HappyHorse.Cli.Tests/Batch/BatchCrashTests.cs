using System.Diagnostics;
using System.Globalization;
using HappyHorse.Cli.Tests.Support;
using HappyHorse.Emulator;

namespace HappyHorse.Cli.Tests.Batch;

/// <summary>
/// A batch stopped mid-way (Ctrl+C in-process, or the real process killed) and run again: nothing is submitted
/// twice, started tasks are re-attached, and every job ends downloaded. Checked from the emulator's own counts.
/// </summary>
public sealed class BatchCrashTests : IDisposable
{
    private const int Count = 20;
    private readonly CliHarness _cli = new CliHarness().WithToken(Emulators.Token);

    [Fact]
    public async Task CtrlCStopsSubmittingSavesStateAndARerunFinishesWithoutSubmittingTwice()
    {
        // Slow answers, so Ctrl+C lands while jobs are still pending and submits are in flight.
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.TaskDuration = TimeSpan.FromSeconds(1);
            o.Faults.AddedLatency = TimeSpan.FromMilliseconds(100);
        });
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, Count);
        var statePath = Path.Combine(_cli.WorkingDirectory, jobs + ".state.json");
        string[] args = ["batch", jobs, "--out", "out", "--concurrency", "2", "--base-url", emulator.BaseAddress.ToString()];
        using var ctrlC = new CancellationTokenSource();

        var first = _cli.RunAsync(args, ctrlC.Token);
        await BatchFixture.WaitForTaskIdsAsync(statePath, 4, () => !first.IsCompleted);
        await ctrlC.CancelAsync();
        var stopped = await first;

        Assert.True(stopped.ExitCode == ExitCodes.Cancelled, stopped.ToString());
        Assert.Matches(@"\d+ jobs stopped by Ctrl\+C or SIGTERM \(\d+ not sent yet\)\.", stopped.Stderr);
        Assert.Contains("Run the same command again to pick up where this run stopped.", stopped.Stderr, StringComparison.Ordinal);
        var state = BatchFixture.ReadState(statePath);
        Assert.Contains(state.Values, j => j.State == "pending");
        Assert.DoesNotContain(state.Values, j => j.State == "submitting");
        var submittedBefore = emulator.Usage.TasksCreated;
        Assert.InRange(submittedBefore, 4, Count - 1);
        Assert.Equal(submittedBefore, state.Values.Count(j => j.TaskId is not null));

        var rerun = await _cli.RunAsync(args);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), Count);
    }

    [PosixFact]
    public async Task SigtermStopsTheRealProcessLikeCtrlCAndARerunFinishesWithoutSubmittingTwice()
    {
        // kill, docker stop, systemd and CI timeouts send SIGTERM: the process must save and report like Ctrl+C.
        await using var emulator = await Emulators.StartAsync(o =>
        {
            o.TaskDuration = TimeSpan.FromSeconds(1);
            o.Faults.AddedLatency = TimeSpan.FromMilliseconds(100);
        });
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, Count);
        var statePath = Path.Combine(_cli.WorkingDirectory, jobs + ".state.json");
        string[] args = ["batch", jobs, "--out", "out", "--concurrency", "2", "--base-url", emulator.BaseAddress.ToString()];

        int exitCode;
        string stderr;
        using (var process = Process.Start(ChildProcess(args))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            await BatchFixture.WaitForTaskIdsAsync(statePath, 4, () => !process.HasExited);
            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)])!)
            {
                await kill.WaitForExitAsync();
            }

            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
            exitCode = process.ExitCode;
            stderr = await error;
        }

        Assert.True(exitCode == ExitCodes.Cancelled, $"exit {exitCode}: {stderr}");
        Assert.Matches(@"\d+ jobs stopped by Ctrl\+C or SIGTERM \(\d+ not sent yet\)\.", stderr);
        var state = BatchFixture.ReadState(statePath);
        Assert.DoesNotContain(state.Values, j => j.State == "submitting");
        Assert.Equal(emulator.Usage.TasksCreated, state.Values.Count(j => j.TaskId is not null));

        var rerun = await _cli.RunAsync(args);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), Count);
    }

    [Fact]
    public async Task AKilledProcessIsPickedUpByARerunThatReattachesToItsTasks()
    {
        await using var emulator = await Emulators.StartAsync(o => o.TaskDuration = TimeSpan.FromSeconds(3));
        var jobs = BatchFixture.WriteJobs(_cli.WorkingDirectory, Count);
        var statePath = Path.Combine(_cli.WorkingDirectory, jobs + ".state.json");
        string[] args = ["batch", jobs, "--out", "out", "--base-url", emulator.BaseAddress.ToString()];

        using (var process = Process.Start(ChildProcess(args))!)
        {
            _ = process.StandardOutput.ReadToEndAsync();
            _ = process.StandardError.ReadToEndAsync();

            // Killed once every submit has its task id (none is in flight) and before the 3 s tasks end, so every
            // task is started and nothing is downloaded: the rerun must re-attach to all of them.
            await BatchFixture.WaitForTaskIdsAsync(statePath, Count, () => !process.HasExited);
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        Assert.All(BatchFixture.ReadState(statePath).Values, j => Assert.Equal("submitted", j.State));
        Assert.Empty(Directory.Exists(Path.Combine(_cli.WorkingDirectory, "out")) ? _cli.FilesIn("out").Where(f => f.EndsWith(".mp4", StringComparison.Ordinal)) : []);

        var rerun = await _cli.RunAsync(args);

        Assert.True(rerun.ExitCode == ExitCodes.Success, rerun.ToString());
        Assert.Contains("re-attaching", rerun.Stderr, StringComparison.Ordinal);
        BatchFixture.AssertEveryJobSubmittedOnceAndDownloaded(emulator, Path.Combine(_cli.WorkingDirectory, "out"), Count);
    }

    [Fact]
    public async Task ARerunAgainstTheInProcessEmulatorSaysItCannotReattach()
    {
        var cli = new CliHarness().WithVariable(CliEnvironment.EmulatorTaskDurationVariable, "0.1");
        try
        {
            var jobs = BatchFixture.WriteJobs(cli.WorkingDirectory, 2);
            Assert.Equal(ExitCodes.Success, (await cli.RunAsync("batch", jobs, "--out", "out")).ExitCode);
            var statePath = Path.Combine(cli.WorkingDirectory, jobs + ".state.json");
            File.Delete(Path.Combine(cli.WorkingDirectory, "out", "job-2.mp4"));

            var rerun = await cli.RunAsync("batch", jobs, "--out", "out");

            Assert.Contains("the in-process emulator ends with this run, so a rerun can't re-attach to its tasks", rerun.Stderr, StringComparison.Ordinal);
            Assert.Contains("line 2 (job-2): lost: task", rerun.Stderr, StringComparison.Ordinal);
            Assert.Equal(ExitCodes.ApiError, rerun.ExitCode);
            Assert.Equal("done", BatchFixture.ReadState(statePath)["job-1"].State);
        }
        finally
        {
            cli.Dispose();
        }
    }

    /// <summary>The real CLI as a child process in the test's folder, against the emulator, polling fast.</summary>
    private ProcessStartInfo ChildProcess(string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, WorkingDirectory = _cli.WorkingDirectory, RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HappyHorse.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment[HappyHorseClient.TokenEnvironmentVariable] = Emulators.Token;
        start.Environment[CliEnvironment.PollIntervalVariable] = CliHarness.FastPolling;
        return start;
    }

    public void Dispose() => _cli.Dispose();
}
