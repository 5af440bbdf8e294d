using System.Diagnostics.Metrics;

namespace ContractFirst.Runtime;

/// <summary>
/// The <see cref="Meter"/> of generated clients, one per process, named like <see cref="ContractActivitySource"/>.
/// Listen with OpenTelemetry's <c>AddMeter("ContractFirst.Runtime")</c>. Names and units follow the
/// OpenTelemetry semantic conventions (durations in seconds, <c>error.type</c>, <c>http.response.status_code</c>);
/// the <c>contractfirst.*</c> names are this library's own.
/// </summary>
public static class ContractMetrics
{
    /// <summary>The meter name: <c>ContractFirst.Runtime</c>.</summary>
    public const string Name = ContractActivitySource.Name;

    /// <summary>Histogram, seconds: one logical call (all its attempts and retry waits), tagged api, action, status code and, on failure, error type.</summary>
    public const string OperationDuration = "contractfirst.client.operation.duration";

    /// <summary>Counter: attempts sent again, tagged api, action and <c>contractfirst.retry.reason</c>.</summary>
    public const string Retries = "contractfirst.client.retries";

    /// <summary>UpDownCounter: waits for a task in progress right now (each caller's wait counts once).</summary>
    public const string TasksWaiting = "contractfirst.tasks.waiting";

    /// <summary>Histogram, seconds: from the start of a wait to the record that ended the task, tagged with its final state.</summary>
    public const string TaskDuration = "contractfirst.task.duration";

    /// <summary>Counter, in the contract's currency: the price estimate of every submit the service accepted, tagged currency, action and model.</summary>
    public const string EstimatedSpend = "contractfirst.client.estimated_spend";

    internal static readonly Meter Meter = new(Name, typeof(ContractMetrics).Assembly.GetName().Version?.ToString(3));

    internal static readonly Histogram<double> OperationDurationInstrument = Meter.CreateHistogram<double>(
        OperationDuration, "s", "Duration of a call to the API, from the first attempt to the answer or the last failure.");

    internal static readonly Counter<long> RetriesInstrument = Meter.CreateCounter<long>(
        Retries, "{retry}", "Attempts sent again after a failure the transport judged safe to retry.");

    internal static readonly UpDownCounter<long> TasksWaitingInstrument = Meter.CreateUpDownCounter<long>(
        TasksWaiting, "{task}", "Waits for a server task that are in progress.");

    internal static readonly Histogram<double> TaskDurationInstrument = Meter.CreateHistogram<double>(
        TaskDuration, "s", "Time from the start of a wait to the record that showed the task ended.");

    // The unit is the currency of each measurement, carried in its contractfirst.currency tag.
    internal static readonly Counter<double> EstimatedSpendInstrument = Meter.CreateCounter<double>(
        EstimatedSpend, "{currency}", "Estimated price of accepted submits, from the contract's rates; the service's bill is authoritative.");
}
