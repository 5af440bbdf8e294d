using Microsoft.Extensions.Logging;

namespace HappyHorse.Emulator;

/// <summary>How an emulator behaves. Read once by <see cref="ContractEmulator.StartAsync"/>; later changes have no effect.</summary>
public sealed class EmulatorOptions
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
}

/// <summary>How the emulator delivers results to callback URLs.</summary>
public sealed class CallbackOptions
{
    /// <summary>
    /// Gets or sets the secret callbacks are signed with: each POST carries <c>x-emulator-signature: sha256=&lt;hex&gt;</c>,
    /// the HMAC-SHA256 of <c>&lt;x-emulator-timestamp&gt;.&lt;body&gt;</c> under this secret. <see langword="null"/> (the default): unsigned.
    /// </summary>
    public string? Secret { get; set; }

    /// <summary>Gets or sets how many times a delivery is tried in all: a receiver that fails (non-2xx, no answer) is tried again with backoff. 5 by default; 1: never again.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Gets or sets the wait before the first retry; each next one doubles it. 1 second by default.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Gets or sets the share of callbacks delivered twice, as at-least-once delivery may; receivers must be idempotent.</summary>
    public double DuplicateRate { get; set; }
}
