using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator;

/// <summary>How an emulator behaves. Read once by <see cref="ContractEmulator.StartAsync"/>; later changes have no effect.</summary>
public sealed partial class EmulatorOptions
{
    /// <summary>Gets or sets the contract to serve; <see langword="null"/> (the default) serves <see cref="EmulatedContract.HappyHorse"/>.</summary>
    public EmulatedContract? Contract { get; set; }

    /// <summary>Gets or sets the address to listen on. The default is <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>Gets or sets the port to listen on; 0 (the default) picks any free port.</summary>
    public int Port { get; set; }

    /// <summary>
    /// Gets or sets the only bearer token accepted; others get 401. <see langword="null"/> (the default): a random
    /// token is made at start (<see cref="ContractEmulator.Token"/>) and only it is accepted, unless
    /// <see cref="AcceptAnyToken"/> is set.
    /// </summary>
    public string? Token { get; set; }

    /// <summary>Gets or sets a value indicating whether any non-empty bearer token is accepted. Off by default: the token is checked.</summary>
    public bool AcceptAnyToken { get; set; }

    /// <summary>
    /// Gets or sets a value indicating whether fields the action does not take are refused (400). Off by default, as
    /// on the service: fields of the endpoint's other actions and unknown fields are accepted and ignored, and named
    /// in the <c>x-emulator-ignored-fields</c> header of the answer and in the log. The action's own fields are
    /// checked in full either way.
    /// </summary>
    public bool StrictFields { get; set; }

    /// <summary>
    /// Gets or sets the account balance in the contract's currency, or <see langword="null"/> (the default) for unlimited.
    /// Each accepted submit is priced from the contract's billing rates and held; a submit the balance
    /// cannot cover gets 403; a task that ends in error is refunded.
    /// </summary>
    public decimal? Balance { get; set; }

    /// <summary>Gets the words that make content review reject a request (case-insensitive, in any string field it takes): 403.</summary>
    public IList<string> BlockedWords { get; } = [];

    /// <summary>Gets or sets how many API requests a minute are accepted; more get 429 with <c>Retry-After</c>. <see langword="null"/>: no limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>Gets or sets how long a task stays pending before it ends. The default is 3 seconds.</summary>
    public TimeSpan TaskDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Gets or sets the share (0 to 1) of tasks that end in failure; those are not charged.</summary>
    public double TaskFailureRate { get; set; }

    /// <summary>Gets the faults injected into API requests.</summary>
    public FaultOptions Faults { get; } = new();

    /// <summary>Gets how results are POSTed to callback URLs.</summary>
    public CallbackOptions Callbacks { get; } = new();

    /// <summary>
    /// Gets or sets a value indicating whether <c>callback_url</c> may point anywhere. When <see langword="false"/>
    /// (the default) a callback URL must be loopback (anything else gets 400), so the emulator never POSTs elsewhere.
    /// </summary>
    public bool AllowRemoteCallbacks { get; set; }

    /// <summary>Gets or sets how many received requests <see cref="ContractEmulator.Requests"/> keeps, the newest; 1,000 by default, 0 keeps none. Refused requests are only counted.</summary>
    public int MaxRequestHistory { get; set; } = 1_000;

    /// <summary>Gets or sets how many tasks are kept for lookups; beyond it the oldest ended task is forgotten (a lookup then gets 404). 10,000 by default.</summary>
    public int MaxTasks { get; set; } = 10_000;

    /// <summary>Gets or sets the largest request body accepted, in bytes; larger ones get 413. 1 MiB by default.</summary>
    public int MaxRequestBodyBytes { get; set; } = 1 << 20;

    /// <summary>Gets or sets the least level logged to stderr: <see cref="LogLevel.Warning"/> by default (failed callbacks); <see cref="LogLevel.Information"/> also names the fields each request sent that were ignored.</summary>
    public LogLevel LogLevel { get; set; } = LogLevel.Warning;

    /// <summary>Gets or sets the clock for task times, task durations, callback retries and the rate limit window. The default is <see cref="TimeProvider.System"/>.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;
}
