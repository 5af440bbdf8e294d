using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace HappyHorse.Tests.Telemetry;

/// <summary>One measurement of a ContractFirst.Runtime instrument, with its tags.</summary>
internal sealed record Measured(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags)
{
    public object? Tag(string name) => Tags.TryGetValue(name, out var value) ? value : null;
}

/// <summary>
/// Listens to the runtime's ActivitySource and Meter the way OpenTelemetry would, with nothing but
/// System.Diagnostics: every stopped span and every measurement is kept for the test to assert on.
/// </summary>
internal sealed class TelemetryRecorder : IDisposable
{
    private readonly ActivityListener _activities;
    private readonly MeterListener _meters;
    private readonly ConcurrentQueue<Activity> _stopped = new();
    private readonly ConcurrentQueue<Measured> _measured = new();
    private long _waiting;
    private long _maxWaiting;

    public TelemetryRecorder()
    {
        _activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == ContractActivitySource.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Enqueue,
        };
        ActivitySource.AddActivityListener(_activities);

        _meters = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == ContractMetrics.Name)
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            },
        };
        _meters.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Record(instrument, value, tags));
        _meters.Start();
    }

    public IReadOnlyList<Activity> Spans => [.. _stopped];

    public IReadOnlyList<Measured> Measurements => [.. _measured];

    /// <summary>Gets the tasks-waiting count as the measurements so far add up.</summary>
    public long Waiting => Interlocked.Read(ref _waiting);

    /// <summary>Gets the highest tasks-waiting count seen.</summary>
    public long MaxWaiting => Interlocked.Read(ref _maxWaiting);

    public IReadOnlyList<Measured> Of(string instrument) => [.. _measured.Where(m => m.Instrument == instrument)];

    public void Dispose()
    {
        _activities.Dispose();
        _meters.Dispose();
    }

    private void Record(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (key, tagValue) in tags)
        {
            copy[key] = tagValue;
        }

        _measured.Enqueue(new Measured(instrument.Name, value, copy));
        if (instrument.Name == ContractMetrics.TasksWaiting)
        {
            var now = Interlocked.Add(ref _waiting, (long)value);
            for (var max = Interlocked.Read(ref _maxWaiting); now > max; max = Interlocked.Read(ref _maxWaiting))
            {
                Interlocked.CompareExchange(ref _maxWaiting, now, max);
            }
        }
    }
}

/// <summary>Telemetry listeners are process-wide: these tests run alone, so no other test's calls are counted.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TelemetryTestGroup
{
    public const string Name = "Telemetry";
}
