using HappyHorse.Emulator.Hosting;

namespace HappyHorse.Emulator.Tasks;

/// <summary>
/// Runs tasks to their end: waits the task duration on the emulator's clock, decides success or failure, refunds
/// failures and hands the result to the callback sender.
/// </summary>
internal sealed class TaskRunner : IDisposable
{
    private readonly EmulatorState _state;
    private readonly CancellationToken _stopping;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly CallbackSender _callbacks;
    private readonly HashSet<Task> _running = [];
    private readonly Lock _runningLock = new();

    public TaskRunner(EmulatorState state, CancellationToken stopping)
    {
        _state = state;
        _stopping = stopping;

        // Its own generator (derived from the fault seed) so that task outcomes do not shift the fault sequence.
        _random = state.Options.Faults.Seed is { } seed ? new Random(unchecked((seed * 31) + 7)) : new Random();
        _callbacks = new CallbackSender(state, stopping);
    }

    public void Start(EmulatedTask task) => Track(RunAsync(task));

    /// <summary>Once the stopping token is cancelled: waits until unfinished tasks have given up and callbacks in flight are cancelled.</summary>
    public async Task StopAsync()
    {
        Task[] running;
        lock (_runningLock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public void Dispose() => _callbacks.Dispose();

    /// <summary>Keeps a running piece of work until it ends, so a stop can wait for it; ended ones are let go at once.</summary>
    private void Track(Task work)
    {
        lock (_runningLock)
        {
            _running.Add(work);
        }

        work.ContinueWith(
            done =>
            {
                lock (_runningLock)
                {
                    _running.Remove(done);
                }
            },
            CancellationToken.None,
            TaskContinuationOptions.ExecuteSynchronously,
            TaskScheduler.Default);
    }

    private async Task RunAsync(EmulatedTask task)
    {
        try
        {
            await Task.Delay(_state.Options.TaskDuration, _state.Time, _stopping).ConfigureAwait(false);
            bool failed;
            lock (_randomLock)
            {
                failed = _state.Options.TaskFailureRate > 0 && _random.NextDouble() < _state.Options.TaskFailureRate;
            }

            if (failed)
            {
                // Failed tasks are not charged.
                _state.Ledger.Refund(task.Charge);
                _state.Usage.TaskFailed();
            }

            task.Finish(failed, _state.Time.GetUtcNow());
            if (task.CallbackUrl is { } url)
            {
                await _callbacks.DeliverAsync(task, url).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The emulator is stopping; an unfinished task simply never ends.
        }
    }
}
