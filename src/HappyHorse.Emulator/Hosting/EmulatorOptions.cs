namespace HappyHorse.Emulator;

/// <summary>How an emulator behaves. Read once by <see cref="HappyHorseEmulator.StartAsync"/>; later changes have no effect.</summary>
public sealed class EmulatorOptions
{
    /// <summary>Gets or sets the address to listen on. The default is <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the port to listen on; 0 (the default) picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the only bearer token accepted; others get 401 <c>invalid_token</c>.
    /// <see langword="null"/> (the default) accepts any non-empty token.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>
    /// Gets or sets the account balance in the contract's currency, or <see langword="null"/> (the default) for unlimited.
    /// Each accepted submit is priced from the contract's billing rates and held; a submit the balance
    /// cannot cover gets 403 <c>used_up</c>; a task that ends in error is refunded.
    /// </summary>
    public decimal? Balance { get; set; }

    /// <summary>Gets the words that make content review reject a prompt (case-insensitive substring match): 403 <c>content_rejected</c>.</summary>
    public IList<string> BlockedWords { get; } = [];

    /// <summary>Gets or sets how many API requests a minute are accepted; more get 429 <c>too_many_requests</c> with <c>Retry-After</c>. <see langword="null"/>: no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Gets or sets how long a task stays pending before it ends. The default is 3 seconds.</summary>
    public TimeSpan TaskDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the share (0 to 1) of tasks that end in state <c>error</c>; those are not charged.</summary>
    public double TaskFailureRate { get; set; }

    /// <summary>Gets the transport faults injected into API requests.</summary>
    public FaultOptions Faults { get; } = new();

    /// <summary>
    /// Gets or sets a value indicating whether <c>callback_url</c> may point anywhere. When <see langword="false"/>
    /// (the default) a callback URL must be loopback (anything else gets 400), so the emulator never POSTs elsewhere.
    /// </summary>
    public bool AllowRemoteCallbacks { get; set; }

    /// <summary>Gets or sets the clock for task times, task durations and the rate limit window. The default is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}

/// <summary>
/// Faults injected into API requests (not file downloads), decided by one random draw per request:
/// the rates are shares from 0 to 1 and together at most 1.
/// </summary>
public sealed class FaultOptions
{
    /// <summary>Gets or sets the share of requests answered 429 <c>too_many_requests</c> (with <c>Retry-After: 1</c>).</summary>
    public double TooManyRequestsRate { get; set; }

    /// <summary>Gets or sets the share of requests answered 500 <c>api_error</c>.</summary>
    public double ServerErrorRate { get; set; }

    /// <summary>Gets or sets the share of requests whose connection is aborted after the body is read, without an answer.</summary>
    public double DropConnectionRate { get; set; }

    /// <summary>Gets or sets a delay added before every API request is handled.</summary>
    public TimeSpan AddedLatency { get; set; }

    /// <summary>Gets or sets the seed of the fault and task-failure draws, for reproducible runs; <see langword="null"/>: random.</summary>
    public int? Seed { get; set; }
}
