namespace HappyHorse.Emulator.Faults;

/// <summary>What to do to one API request.</summary>
internal enum Fault
{
    None,
    DropConnection,
    ServerError,
    TooManyRequests,
}

/// <summary>
/// Decides faults with one draw per request from a single generator, so a seed reproduces the
/// same sequence of faults for the same sequence of requests.
/// </summary>
internal sealed class FaultInjector
{
    private readonly FaultOptions _options;
    private readonly Random _random;
    private readonly Lock _lock = new();

    public FaultInjector(FaultOptions options)
    {
        _options = options;
        _random = options.Seed is { } seed ? new Random(seed) : new Random();
    }

    public TimeSpan AddedLatency => _options.AddedLatency;

    public Fault Next()
    {
        var drop = _options.DropConnectionRate;
        var serverError = _options.ServerErrorRate;
        var tooMany = _options.TooManyRequestsRate;
        if (drop <= 0 && serverError <= 0 && tooMany <= 0)
        {
            return Fault.None;
        }

        double draw;
        lock (_lock)
        {
            draw = _random.NextDouble();
        }

        return draw < drop ? Fault.DropConnection
            : draw < drop + serverError ? Fault.ServerError
            : draw < drop + serverError + tooMany ? Fault.TooManyRequests
            : Fault.None;
    }
}
