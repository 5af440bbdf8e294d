using System.Net.Http.Headers;
using System.Text;
using HappyHorse.Emulator.Billing;
using HappyHorse.Emulator.Endpoints;
using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator.Tasks;

/// <summary>
/// Runs tasks to their end: waits the task duration on the emulator's clock, decides success or
/// failure, refunds failures and POSTs the result to the callback URL.
/// </summary>
internal sealed partial class TaskRunner : IDisposable
{
    private readonly TimeSpan _duration;
    private readonly double _failureRate;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly TimeProvider _time;
    private readonly BillingLedger _ledger;
    private readonly Func<Uri> _baseAddress;
    private readonly ILogger _logger;
    private readonly CancellationToken _stopping;
    private readonly HttpClient _callbacks;
    private readonly List<Task> _running = [];
    private readonly Lock _runningLock = new();

    public TaskRunner(EmulatorOptions options, BillingLedger ledger, Func<Uri> baseAddress, ILogger logger, CancellationToken stopping)
    {
        _stopping = stopping;
        _duration = options.TaskDuration;
        _failureRate = options.TaskFailureRate;

        // Its own generator (derived from the fault seed) so that task outcomes do not shift the fault sequence.
        _random = options.Faults.Seed is { } seed ? new Random(unchecked(seed * 31 + 7)) : new Random();
        _time = options.TimeProvider;
        _ledger = ledger;
        _baseAddress = baseAddress;
        _logger = logger;

        // A callback receiver must not redirect a POST into a GET elsewhere; one attempt, bounded in time.
        _callbacks = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
    }

    public void Start(EmulatedTask task)
    {
        var run = RunAsync(task);
        lock (_runningLock)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(run);
        }
    }

    /// <summary>Once the stopping token is cancelled: waits until unfinished tasks have given up (they never end) and callbacks in flight are cancelled.</summary>
    public async Task StopAsync()
    {
        Task[] running;
        lock (_runningLock)
        {
            running = [.. _running];
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    public void Dispose()
    {
        _callbacks.Dispose();
    }

    private async Task RunAsync(EmulatedTask task)
    {
        try
        {
            await Task.Delay(_duration, _time, _stopping).ConfigureAwait(false);
            bool failed;
            lock (_randomLock)
            {
                failed = _failureRate > 0 && _random.NextDouble() < _failureRate;
            }

            if (failed)
            {
                // Failed tasks are not charged.
                _ledger.Refund(task.Charge);
            }

            task.Finish(failed, _time.GetUtcNow());
            if (task.CallbackUrl is { } url)
            {
                await SendCallbackAsync(task, url).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // The emulator is stopping; an unfinished task simply never ends.
        }
    }

    private async Task SendCallbackAsync(EmulatedTask task, string url)
    {
        var body = Json.Serialize(TaskJson.VideosResponse(task, _baseAddress()));
        try
        {
            using var content = new StringContent(body, Encoding.UTF8);
            content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
            using var response = await _callbacks.PostAsync(new Uri(url), content, _stopping).ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                LogCallbackRejected(task.Id, url, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or UriFormatException)
        {
            // One attempt: the service documents no callback retries, so callers must not count on them.
            LogCallbackFailed(task.Id, url, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback of task {TaskId} to {Url} was answered with HTTP {Status}.")]
    private partial void LogCallbackRejected(string taskId, string url, int status);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Callback of task {TaskId} to {Url} failed: {Reason}")]
    private partial void LogCallbackFailed(string taskId, string url, string reason);
}
