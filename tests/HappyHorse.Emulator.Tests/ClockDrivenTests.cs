using HappyHorse.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HappyHorse.Emulator.Tests;

/// <summary>Behaviour that depends on the emulator's clock, driven by a fake one instead of sleeps.</summary>
public class ClockDrivenTests
{
    private const string Submit = """{ "prompt": "A horse", "async": true }""";

    [Fact]
    public async Task TheRateLimitWindowSlidesAndRetryAfterSaysWhenTheNextRequestFits()
    {
        var clock = new FakeTimeProvider();
        await using var emulator = await HappyHorseEmulator.StartAsync(new() { RequestsPerMinute = 2, TimeProvider = clock });

        var first = await Clients.PostAsync(emulator, "/happyhorse/videos", Submit);
        clock.Advance(TimeSpan.FromSeconds(15));
        var second = await Clients.PostAsync(emulator, "/happyhorse/videos", Submit);
        clock.Advance(TimeSpan.FromSeconds(5));
        var third = await Clients.PostAsync(emulator, "/happyhorse/videos", Submit);
        clock.Advance(TimeSpan.FromSeconds(40));
        var fourth = await Clients.PostAsync(emulator, "/happyhorse/videos", Submit);

        Assert.Equal((200, 200), (first.Status, second.Status));
        Assert.Equal((429, "too_many_requests"), (third.Status, third.ErrorCode));

        // The first request leaves the one-minute window 40 s after the third arrived.
        Assert.Equal(TimeSpan.FromSeconds(40), third.Response.Headers.RetryAfter?.Delta);
        Assert.Equal(200, fourth.Status);
    }

    [Fact]
    public async Task AddedLatencyHoldsEveryApiRequestOnTheEmulatorsClock()
    {
        var clock = new FakeTimeProvider();
        var options = new EmulatorOptions { TimeProvider = clock };
        options.Faults.AddedLatency = TimeSpan.FromSeconds(10);
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var answer = Clients.PostAsync(emulator, "/happyhorse/videos", Submit);
        await Clients.EventuallyAsync(() => Task.FromResult(emulator.Requests.Count), n => n == 1);

        // Until the clock moves the request cannot be answered, however long the test waits.
        Assert.False(answer.IsCompleted);

        // The delay may start just after the request was recorded: advance until it has been honoured.
        while (!answer.IsCompleted)
        {
            clock.Advance(TimeSpan.FromSeconds(10));
            await Task.WhenAny(answer, Task.Delay(10));
        }

        Assert.Equal(200, (await answer).Status);
    }

    [Fact]
    public async Task TheSameSeedInjectsTheSameFaults()
    {
        static async Task<int[]> StatusesAsync()
        {
            var options = new EmulatorOptions();
            options.Faults.ServerErrorRate = 0.3;
            options.Faults.TooManyRequestsRate = 0.3;
            options.Faults.Seed = 7;
            await using var emulator = await HappyHorseEmulator.StartAsync(options);
            var statuses = new List<int>();
            for (var i = 0; i < 20; i++)
            {
                statuses.Add((await Clients.PostAsync(emulator, "/happyhorse/videos", Submit)).Status);
            }

            return [.. statuses];
        }

        var first = await StatusesAsync();
        var second = await StatusesAsync();

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(429, first);
        Assert.Contains(200, first);
    }
}
