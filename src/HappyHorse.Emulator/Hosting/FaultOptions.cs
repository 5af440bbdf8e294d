namespace HappyHorse.Emulator;

/// <summary>
/// Faults injected into API requests (not file downloads), decided by one random draw per request from a seeded
/// generator. The rates are shares from 0 to 1 and together at most 1; <see cref="SlowRate"/> is drawn on its own.
/// </summary>
/// <remarks>
/// Faults "before work" answer before anything started, so a client may send the request again; faults "after
/// start" happen once the work exists (for a submit: the task was created and billed), the case in which sending a
/// submit again would pay twice.
/// </remarks>
public sealed class FaultOptions
{
    /// <summary>Gets or sets the share of requests answered 429 (with <c>Retry-After: 1</c>) before any work.</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Gets or sets the share of requests answered 500 before any work.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Gets or sets the share of requests answered 502 before any work, as a gateway whose upstream failed.</summary>
    public double BadGatewayRate { get; set; }

    /// <summary>Gets or sets the share of requests answered 503 before any work.</summary>
    public double ServiceUnavailableRate { get; set; }

    /// <summary>Gets or sets the share of requests answered 504 before any work.</summary>
    public double GatewayTimeoutRate { get; set; }

    /// <summary>Gets or sets the share of requests whose connection is aborted after the body is read, before any work.</summary>
    public double DropConnectionRate { get; set; }

    /// <summary>Gets or sets the share of requests whose connection is aborted after the work started (a submit's task exists and is billed).</summary>
    public double DropAfterStartRate { get; set; }

    /// <summary>Gets or sets the share of requests answered with a 5xx (one of <see cref="AfterStartStatuses"/>) after the work started.</summary>
    public double ErrorAfterStartRate { get; set; }

    /// <summary>Gets the statuses <see cref="ErrorAfterStartRate"/> answers with, one drawn per fault: 500, 502, 503 and 504 by default.</summary>
    public IList<int> AfterStartStatuses { get; } = [500, 502, 503, 504];

    /// <summary>Gets or sets the share of answers cut mid-way: the headers promise the whole body, half of it is sent, then the connection is aborted.</summary>
    public double CutBodyRate { get; set; }

    /// <summary>Gets or sets the share of requests (drawn on its own) that wait <see cref="SlowDelay"/> before they are handled.</summary>
    public double SlowRate { get; set; }

    /// <summary>Gets or sets how long a slow request waits. The default is 5 seconds.</summary>
    public TimeSpan SlowDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Gets or sets a delay added before every API request is handled.</summary>
    public TimeSpan AddedLatency { get; set; }

    /// <summary>Gets or sets the seed of the fault, task-failure and callback draws, for reproducible runs; <see langword="null"/>: random.</summary>
    public int? Seed { get; set; }

    /// <summary>The faults drawn together, one draw per request, with their rates (which add up to at most 1).</summary>
    internal (double Rate, Faults.FaultKind Kind, int Status)[] Exclusive =>
    [
        (TooManyRequestsRate, Faults.FaultKind.StatusBeforeWork, 429),
        (ServerErrorRate, Faults.FaultKind.StatusBeforeWork, 500),
        (BadGatewayRate, Faults.FaultKind.StatusBeforeWork, 502),
        (ServiceUnavailableRate, Faults.FaultKind.StatusBeforeWork, 503),
        (GatewayTimeoutRate, Faults.FaultKind.StatusBeforeWork, 504),
        (DropConnectionRate, Faults.FaultKind.DropBeforeWork, 0),
        (DropAfterStartRate, Faults.FaultKind.DropAfterStart, 0),
        (ErrorAfterStartRate, Faults.FaultKind.StatusAfterStart, 0),
        (CutBodyRate, Faults.FaultKind.CutBody, 0),
    ];

    internal void CopyTo(FaultOptions target)
    {
        target.TooManyRequestsRate = TooManyRequestsRate;
        target.ServerErrorRate = ServerErrorRate;
        target.BadGatewayRate = BadGatewayRate;
        target.ServiceUnavailableRate = ServiceUnavailableRate;
        target.GatewayTimeoutRate = GatewayTimeoutRate;
        target.DropConnectionRate = DropConnectionRate;
        target.DropAfterStartRate = DropAfterStartRate;
        target.ErrorAfterStartRate = ErrorAfterStartRate;
        target.CutBodyRate = CutBodyRate;
        target.SlowRate = SlowRate;
        target.SlowDelay = SlowDelay;
        target.AddedLatency = AddedLatency;
        target.Seed = Seed;
        target.AfterStartStatuses.Clear();
        foreach (var status in AfterStartStatuses)
        {
            target.AfterStartStatuses.Add(status);
        }
    }
}
