using ContractFirst.Runtime;
using HappyHorse.Emulator.Tests.Support;
using Microsoft.Extensions.Time.Testing;

namespace HappyHorse.Emulator.Tests.Faults;

/// <summary>
/// Faults at the points that matter: before any work (a resend is safe), and after the task was created and billed
/// (a resend would pay twice), counted so a test can tell the two apart exactly.
/// </summary>
public sealed class FaultInjectionTests
{
    private const string Videos = "/happyhorse/videos";
    private const string Async = """{ "prompt": "a horse", "async": true }""";

    [Theory]
    [InlineData(502, "bad_gateway")]
    [InlineData(503, "service_unavailable")]
    [InlineData(504, "timeout")]
    public async Task AGatewayErrorBeforeWorkStartsNoTask(int status, string code)
    {
        var options = new EmulatorOptions();
        SetRate(options.Faults, status);
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var answer = await Clients.PostAsync(emulator, Videos, Async);

        Assert.Equal((status, code), (answer.Status, answer.ErrorCode));
        Assert.Equal((0, 1), (emulator.Usage.TasksCreated, emulator.Usage.RequestsRefused));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(502)]
    [InlineData(503)]
    [InlineData(504)]
    public async Task AnErrorAfterStartComesBackAfterTheTaskWasCreatedAndBilled(int status)
    {
        var options = new EmulatorOptions { Balance = 10m, TaskDuration = TimeSpan.FromHours(1) };
        options.Faults.ErrorAfterStartRate = 1;
        options.Faults.AfterStartStatuses.Clear();
        options.Faults.AfterStartStatuses.Add(status);
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var answer = await Clients.PostAsync(emulator, Videos, Async);

        Assert.Equal(status, answer.Status);
        Assert.Equal(1, emulator.Usage.TasksCreated);

        // 5 s at 720P, 0.105/s: charged although the answer was an error.
        Assert.Equal(10m - 0.525m, emulator.Balance);
    }

    [Fact]
    public async Task AConnectionDroppedAfterStartLeavesARunningTask()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromHours(1) };
        options.Faults.DropAfterStartRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        await Assert.ThrowsAsync<HttpRequestException>(() => Clients.PostAsync(emulator, Videos, Async));

        Assert.Equal(1, emulator.Usage.TasksCreated);
    }

    [Fact]
    public async Task ACutBodyPromisesMoreThanItSends()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromHours(1) };
        options.Faults.CutBodyRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        // The headers came; reading the promised body fails part-way, as when a proxy drops the connection.
        var error = await Assert.ThrowsAnyAsync<Exception>(() => Clients.PostAsync(emulator, Videos, Async));
        Assert.True(error is HttpRequestException or IOException, error.ToString());
        Assert.Equal(1, emulator.Usage.TasksCreated);
    }

    [Fact]
    public async Task TheSdkDoesNotResendASubmitThatFailedAfterStart()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.FromHours(1) };
        options.Faults.ErrorAfterStartRate = 1;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);
        using var client = Clients.Sdk(emulator, configure: o => o.Retry.MaxRetries = 5);

        await Assert.ThrowsAnyAsync<ApiException>(() => client.GenerateAsync(new GenerateRequest("a horse") { Async = true }));

        Assert.Equal((1, 1), (emulator.Usage.RequestsReceived, emulator.Usage.TasksCreated));
    }

    [Fact]
    public async Task ASlowShareWaitsTheSlowDelayOnTheEmulatorsClock()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UnixEpoch.AddYears(56));
        var options = new EmulatorOptions { TimeProvider = clock, TaskDuration = TimeSpan.FromHours(1) };
        options.Faults.SlowRate = 1;
        options.Faults.SlowDelay = TimeSpan.FromSeconds(30);
        await using var emulator = await HappyHorseEmulator.StartAsync(options);

        var answer = Clients.PostAsync(emulator, Videos, Async);
        await Clients.EventuallyAsync(() => Task.FromResult(emulator.Requests.Count), n => n == 1);
        await Task.Delay(100);
        Assert.False(answer.IsCompleted);

        clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(200, (await answer).Status);
    }

    [Fact]
    public async Task TheSameSeedInjectsTheSameFaultsInTheSameOrder()
    {
        async Task<int[]> RunAsync()
        {
            var options = new EmulatorOptions { TaskDuration = TimeSpan.FromHours(1) };
            options.Faults.Seed = 42;
            options.Faults.ServerErrorRate = 0.3;
            options.Faults.ServiceUnavailableRate = 0.2;
            await using var emulator = await HappyHorseEmulator.StartAsync(options);
            var statuses = new List<int>();
            for (var i = 0; i < 30; i++)
            {
                statuses.Add((await Clients.PostAsync(emulator, Videos, Async)).Status);
            }

            return [.. statuses];
        }

        var first = await RunAsync();
        Assert.Equal(first, await RunAsync());
        Assert.Contains(500, first);
        Assert.Contains(503, first);
        Assert.Contains(200, first);
    }

    private static void SetRate(FaultOptions faults, int status)
    {
        switch (status)
        {
            case 502:
                faults.BadGatewayRate = 1;
                break;
            case 503:
                faults.ServiceUnavailableRate = 1;
                break;
            default:
                faults.GatewayTimeoutRate = 1;
                break;
        }
    }
}
