using System.Diagnostics;
using HappyHorse.Tests.Operations;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace HappyHorse.Tests.Telemetry;

/// <summary>The two lines the README gives, with the real OpenTelemetry SDK, collect the runtime's spans and metrics.</summary>
[Collection(TelemetryTestGroup.Name)]
public class OpenTelemetryWiringTests
{
    [Fact]
    public async Task AddSourceAndAddMeterCollectTheSpansAndMetricsOfASubmitAndItsWait()
    {
        var spans = new List<Activity>();
        var metrics = new List<Metric>();
        using (var tracing = Sdk.CreateTracerProviderBuilder().AddSource("ContractFirst.Runtime").AddInMemoryExporter(spans).Build())
        using (var metering = Sdk.CreateMeterProviderBuilder().AddMeter("ContractFirst.Runtime").AddInMemoryExporter(metrics).Build())
        {
            await using var emulator = await EmulatorClient.StartAsync(TimeSpan.FromMilliseconds(100));
            using var sdk = new EmulatorClient(emulator, TimeSpan.FromMilliseconds(20));

            var submitted = await sdk.Client.GenerateAsync(new GenerateRequest("a horse") { Async = true });
            await sdk.Client.WaitForTaskAsync(submitted);
            Assert.True(metering.ForceFlush());
        }

        Assert.Contains(spans, s => s.Kind == ActivityKind.Client && "generate".Equals(s.GetTagItem("contractfirst.action")));
        Assert.Contains(spans, s => s.OperationName == "wait task" && "succeeded".Equals(s.GetTagItem("contractfirst.task.state")));
        var names = metrics.Select(m => m.Name).ToHashSet();
        Assert.Contains(ContractMetrics.OperationDuration, names);
        Assert.Contains(ContractMetrics.EstimatedSpend, names);
        Assert.Contains(ContractMetrics.TasksWaiting, names);
        Assert.Contains(ContractMetrics.TaskDuration, names);
        Assert.Equal("s", metrics.First(m => m.Name == ContractMetrics.OperationDuration).Unit);
    }
}
