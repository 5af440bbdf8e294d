using System.Collections.Concurrent;
using ContractFirst.Callbacks.Tests.Support;
using HappyHorse;
using HappyHorse.Emulator;

namespace ContractFirst.Callbacks.Tests;

/// <summary>
/// The emulator's real callbacks, sent by its at-least-once sender (retries with backoff, duplicates on demand), into
/// the receiver on a loopback Kestrel app, read as the SDK's <see cref="VideosResponse"/>.
/// </summary>
public sealed class EmulatorCallbackTests
{
    /// <summary>20 by default; <c>CALLBACK_EMULATOR_TASKS</c> for bigger runs.</summary>
    private static readonly int Tasks = int.TryParse(Environment.GetEnvironmentVariable("CALLBACK_EMULATOR_TASKS"), System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 20;

    [Fact]
    public async Task EveryTaskIsHandledOnceThoughEachCallbackIsDeliveredTwice()
    {
        var results = new ConcurrentDictionary<string, VideosResponse>();
        var runs = new Counter();
        await using var receiver = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            runs.Add(callback.TaskId);
            results[callback.TaskId] = callback.Result;
            return Task.CompletedTask;
        });
        var options = Fast();
        options.Callbacks.DuplicateRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var ids = await SubmitAsync(emulator, new CallbackUrls(receiver.Template, Bodies.Secret), Tasks);

        await ReceiverTests.WaitUntilAsync(() => receiver.Answers.Count >= 2 * Tasks);
        Assert.Equal(Enumerable.Repeat(200, 2 * Tasks), receiver.Answers);
        Assert.Equal(ids.Order(), runs.Runs.Keys.Order());
        Assert.All(runs.Runs.Values, n => Assert.Equal(1, n));
        Assert.All(results.Values, r => Assert.Equal(VideoState.Succeeded, Assert.Single(r.Data!).State));
        Assert.All(results.Values, r => Assert.StartsWith(emulator.BaseAddress.AbsoluteUri, Assert.Single(r.Data!).VideoUrl, StringComparison.Ordinal));
        Assert.Empty(receiver.Escaped);
    }

    [Fact]
    public async Task AReceiverThatFailsFirstGetsTheRetryAndHandlesItOnce()
    {
        var attempts = new Counter();
        var handled = new Counter();
        await using var receiver = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, (callback, _) =>
        {
            attempts.Add(callback.TaskId);
            if (attempts[callback.TaskId] == 1)
            {
                throw new InvalidOperationException("the store is not ready yet");
            }

            handled.Add(callback.TaskId);
            return Task.CompletedTask;
        });
        var options = Fast();
        options.Callbacks.DuplicateRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var ids = await SubmitAsync(emulator, new CallbackUrls(receiver.Template, Bodies.Secret), Tasks);

        // Per task: 500 (the handler failed), 200 (the retry, handled), 200 (the duplicate, dropped).
        await ReceiverTests.WaitUntilAsync(() => receiver.Answers.Count >= 3 * Tasks);
        Assert.Equal(Tasks, receiver.Answers.Count(a => a == 500));
        Assert.Equal(2 * Tasks, receiver.Answers.Count(a => a == 200));
        Assert.All(ids, id => Assert.Equal(2, attempts[id]));
        Assert.All(ids, id => Assert.Equal(1, handled[id]));
    }

    [Fact]
    public async Task ACallbackWithAForgedTokenIsRefusedOnEveryAttemptAndNeverHandled()
    {
        var runs = new Counter();
        await using var receiver = await ReceiverHost.StartAsync<VideosResponse>(Bodies.Secret, r => r.TaskId, ReceiverTests.Count(runs));
        var options = Fast();
        options.Callbacks.MaxAttempts = 3;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);
        var forger = new CallbackUrls(receiver.Template, new CallbackSecret(new byte[32]));

        await SubmitAsync(emulator, forger, 2);

        await ReceiverTests.WaitUntilAsync(() => receiver.Answers.Count >= 6);
        await Task.Delay(300); // and no fourth attempt
        Assert.Equal(Enumerable.Repeat(404, 6), receiver.Answers);
        Assert.Equal(0, runs.Total);
    }

    [Fact]
    public async Task AWaiterReturnsOnTheCallbackWithoutASingleLookup()
    {
        var waiters = new TaskCallbackWaiters<VideosResponse>();
        await using var receiver = await ReceiverHost.StartAsync(app => app.MapTaskCallbacks(ReceiverHost.Pattern, Bodies.Secret, (VideosResponse r) => r.TaskId, waiters));
        var options = Fast();
        options.Callbacks.DuplicateRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        // Polling is the fallback; its first look is a minute away, so only the callback can finish in time.
        using var client = new HappyHorseClient(emulator.Token, new HappyHorseClientOptions { Endpoint = emulator.BaseAddress, FirstPollDelay = TimeSpan.FromMinutes(1) });
        var urls = new CallbackUrls(receiver.Template, Bodies.Secret);
        var submitted = await Task.WhenAll(Enumerable.Range(0, Tasks).Select(i => client.GenerateAsync(new GenerateRequest($"horse {i}") { CallbackUrl = urls.Create().AbsoluteUri })));

        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var finished = await Task.WhenAll(submitted.Select(s => waiters.WaitAsync(
            s.TaskId!,
            async ct => (await client.WaitForTaskAsync(s.TaskId!, cancellationToken: ct)).Response!,
            deadline.Token)));

        Assert.Equal(submitted.Select(s => s.TaskId), finished.Select(f => f.TaskId));
        Assert.All(finished, f => Assert.Equal(VideoState.Succeeded, Assert.Single(f.Data!).State));
        Assert.Equal(Tasks, emulator.Usage.RequestsReceived); // the submits, and no lookup
        Assert.Equal(0, waiters.Waiting);
    }

    private static EmulatorOptions Fast()
    {
        // Loopback receivers are allowed without AllowRemoteCallbacks; retries come quickly.
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromMilliseconds(100), AllowRemoteCallbacks = false };
        options.Callbacks.FirstRetryDelay = TimeSpan.FromMilliseconds(50);
        return options;
    }

    private static async Task<string[]> SubmitAsync(ContractEmulator emulator, CallbackUrls urls, int count)
    {
        using var client = new HappyHorseClient(emulator.Token, new HappyHorseClientOptions { Endpoint = emulator.BaseAddress });
        var submitted = await Task.WhenAll(Enumerable.Range(0, count).Select(i => client.GenerateAsync(new GenerateRequest($"horse {i}") { CallbackUrl = urls.Create().AbsoluteUri })));
        return submitted.Select(s => s.TaskId!).ToArray();
    }
}
