using System.Globalization;
using ContractFirst.Runtime;
using HappyHorse.Emulator.Tests.Support;
using Xunit.Abstractions;

namespace HappyHorse.Emulator.Tests.Faults;

/// <summary>
/// The SDK against every fault at once, seeded: refusals before work (which it may resend), errors, drops and cut
/// bodies after the task was created (which it must not), counted by the emulator per client request id. The money
/// rule holds exactly: no client request ever created two tasks. <c>EMULATOR_SOAK</c> sets how many submits (200 in CI).
/// </summary>
public sealed class DoubleChargeSoakTests(ITestOutputHelper output)
{
    private static readonly int Submits =
        int.TryParse(Environment.GetEnvironmentVariable("EMULATOR_SOAK"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : 200;

    [Fact]
    public async Task NoClientRequestIsChargedTwiceWhateverFailsAndWhen()
    {
        var options = new EmulatorOptions { TaskDuration = TimeSpan.Zero };
        var faults = options.Faults;
        faults.Seed = 20261126;
        faults.TooManyRequestsRate = 0.10;
        faults.ServerErrorRate = 0.05;
        faults.BadGatewayRate = 0.03;
        faults.ServiceUnavailableRate = 0.03;
        faults.GatewayTimeoutRate = 0.03;
        faults.DropConnectionRate = 0.04;
        faults.DropAfterStartRate = 0.04;
        faults.ErrorAfterStartRate = 0.06;
        faults.CutBodyRate = 0.04;
        await using var emulator = await HappyHorseEmulator.StartAsync(options);
        using var client = Clients.Sdk(emulator, configure: o => o.Retry.MaxRetries = 4);

        var accepted = new List<string>();
        var failed = 0;
        for (var i = 0; i < Submits; i++)
        {
            try
            {
                var answer = await client.GenerateAsync(new GenerateRequest($"soak {i}") { Async = true });
                accepted.Add(answer.TaskId!);
            }
            catch (Exception ex) when (ex is ApiException or HttpRequestException or IOException)
            {
                failed++;
            }
        }

        var usage = emulator.Usage;
        output.WriteLine(
            $"{Submits} submits: {accepted.Count} answered, {failed} failed; {usage.RequestsReceived} requests, "
            + $"{usage.TasksCreated} tasks created, {usage.ClientRequestsChargedTwice} client requests charged twice");
        Assert.Equal(0, usage.ClientRequestsChargedTwice);
        Assert.All(usage.TasksByClientRequest.Values, count => Assert.Equal(1, count));

        // Every task is attributed to the call that made it; some calls lost their answer after the task existed.
        Assert.Equal(usage.TasksCreated, usage.TasksByClientRequest.Values.Sum());
        Assert.InRange(usage.TasksCreated, accepted.Count, Submits);
        Assert.True(failed > 0 && usage.RequestsReceived > Submits, $"the faults must have struck ({failed} failed, {usage.RequestsReceived} requests)");

        // Lookups start nothing, so the SDK retries them through every fault: each accepted task is found.
        foreach (var taskId in accepted.Take(20))
        {
            Assert.Equal(taskId, (await client.GetTaskAsync(taskId)).Id);
        }
    }
}
