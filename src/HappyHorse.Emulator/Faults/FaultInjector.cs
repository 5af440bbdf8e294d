namespace HappyHorse.Emulator.Faults;

/// <summary>When a fault strikes: before any work (nothing started, a resend is safe) or after the work started.</summary>
internal enum FaultKind
{
    None,

    /// <summary>Answer <see cref="FaultPlan.Status"/> before any work.</summary>
    StatusBeforeWork,

    /// <summary>Abort the connection after reading the body, before any work.</summary>
    DropBeforeWork,

    /// <summary>Abort the connection once the work started (a submit's task exists and is billed).</summary>
    DropAfterStart,

    /// <summary>Answer <see cref="FaultPlan.Status"/> once the work started.</summary>
    StatusAfterStart,

    /// <summary>Send half of the answer, then abort.</summary>
    CutBody,
}

/// <summary>What to do to one API request.</summary>
/// <param name="Kind">The fault.</param>
/// <param name="Status">The status of a status fault.</param>
/// <param name="Slow">Whether the request waits the slow delay first.</param>
internal readonly record struct FaultPlan(FaultKind Kind, int Status, bool Slow)
{
    public static FaultPlan None => default;
}

/// <summary>
/// Decides faults with draws from a single seeded generator (the fault, its status, the slow share), so a seed
/// reproduces the same faults for the same sequence of requests.
/// </summary>
internal sealed class FaultInjector
{
    private readonly FaultOptions _options;
    private readonly (double Rate, FaultKind Kind, int Status)[] _faults;
    private readonly int[] _afterStartStatuses;
    private readonly Random _random;
    private readonly Lock _lock = new();

    public FaultInjector(FaultOptions options)
    {
        _options = options;
        _afterStartStatuses = [.. options.AfterStartStatuses];
        _faults = options.Exclusive;
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
    }

    public TimeSpan AddedLatency => _options.AddedLatency;

    public TimeSpan SlowDelay => _options.SlowDelay;

    public FaultPlan Next()
    {
        if (_options.SlowRate <= 0 && _faults.All(f => f.Rate <= 0))
        {
            return FaultPlan.None;
        }

        lock (_lock)
        {
            var slow = _options.SlowRate > 0 && _random.NextDouble() < _options.SlowRate;
            var draw = _random.NextDouble();
            foreach (var (rate, kind, status) in _faults)
            {
                if (draw < rate)
                {
                    var chosen = kind == FaultKind.StatusAfterStart ? _afterStartStatuses[_random.Next(_afterStartStatuses.Length)] : status;
                    return new FaultPlan(kind, chosen, slow);
                }

                draw -= rate;
            }

            return new FaultPlan(FaultKind.None, 0, slow);
        }
    }
}
