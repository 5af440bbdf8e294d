using Microsoft.Extensions.Logging;

namespace ContractFirst.Runtime;

/// <summary>
/// Settings of a generated client. Generated <c>XClientOptions</c> types derive from it and set their defaults.
/// </summary>
/// <remarks>
/// The options are frozen when a client is created from them, so a client's behaviour cannot change
/// under it; create a new options instance to configure another client.
/// </remarks>
public class ApiClientOptions
{
    private Uri? _endpoint;
    private TimeSpan? _networkTimeout;
    private TimeSpan _pollingInterval = TimeSpan.FromSeconds(5);
    private TimeSpan _firstPollDelay = TimeSpan.FromSeconds(15);
    private TimeProvider _timeProvider = TimeProvider.System;
    private string? _userAgent;
    private bool _allowInsecureTransport;
    private ILoggerFactory? _loggerFactory;
    private int _maxResponseBytes = 8 * 1024 * 1024;
    private int _maxErrorResponseBytes = 64 * 1024;
    private bool _strictReading;
    private TimeSpan _maxPollingInterval = TimeSpan.FromMinutes(1);
    private TimeSpan _waitTimeout = TimeSpan.FromHours(1);
    private bool _throwOnFailedTask = true;
    private bool _frozen;
    private ContractFirst.Callbacks.CallbackUrls? _callbackUrls;

    /// <summary>Initializes a new instance with the defaults.</summary>
    public ApiClientOptions() => Retry = new RetryOptions(this);

    /// <summary>Gets or sets the base URL to call instead of the contract's, or <see langword="null"/> for the contract's.</summary>
    /// <exception cref="ArgumentException">The value is not an absolute URI.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public Uri? Endpoint
    {
        get => _endpoint;
        set
        {
            AssertNotFrozen();
            if (value is { IsAbsoluteUri: false })
            {
                throw new ArgumentException("The endpoint must be an absolute URI.", nameof(value));
            }

            _endpoint = value;
        }
    }

    /// <summary>
    /// Gets or sets the timeout of each HTTP attempt, or <see langword="null"/> for the contract's per-endpoint default.
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite).</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan? NetworkTimeout
    {
        get => _networkTimeout;
        set
        {
            AssertNotFrozen();
            if (value is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), timeout, "The network timeout must be positive or infinite.");
            }

            _networkTimeout = value;
        }
    }

    /// <summary>Gets the retry settings.</summary>
    public RetryOptions Retry { get; }

    /// <summary>Gets or sets the wait between two looks at a running task. The default is 5 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan PollingInterval
    {
        get => _pollingInterval;
        set
        {
            AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _pollingInterval = value;
        }
    }

    /// <summary>Gets or sets the wait between submitting a task and the first look at it. The default is 15 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan FirstPollDelay
    {
        get => _firstPollDelay;
        set
        {
            AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _firstPollDelay = value;
        }
    }

    /// <summary>Gets or sets the clock for polling waits, retry delays and timeouts; tests replace it. The default is <see cref="TimeProvider.System"/>.</summary>
    /// <exception cref="ArgumentNullException">The value is null.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeProvider TimeProvider
    {
        get => _timeProvider;
        set
        {
            AssertNotFrozen();
            ArgumentNullException.ThrowIfNull(value);
            _timeProvider = value;
        }
    }

    /// <summary>Gets or sets the <c>User-Agent</c> header, or <see langword="null"/> for the runtime's own.</summary>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public string? UserAgent
    {
        get => _userAgent;
        set
        {
            AssertNotFrozen();
            _userAgent = value;
        }
    }

    /// <summary>
    /// Gets or sets a value indicating whether the token may be sent over plain HTTP to a host that is not loopback.
    /// The default is <see langword="false"/>: anyone on the network path could read the token.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public bool AllowInsecureTransport
    {
        get => _allowInsecureTransport;
        set
        {
            AssertNotFrozen();
            _allowInsecureTransport = value;
        }
    }

    /// <summary>
    /// Gets or sets the largest success answer read, in bytes (8 MiB by default). A larger one is
    /// not read past the limit and fails with <see cref="ApiFailureKind.ResponseTooLarge"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 KiB.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public int MaxResponseBytes
    {
        get => _maxResponseBytes;
        set
        {
            AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1024);
            _maxResponseBytes = value;
        }
    }

    /// <summary>
    /// Gets or sets how much of an error answer is read, in bytes (64 KiB by default). The rest is
    /// never read; the error is reported from what was.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below 1 KiB.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public int MaxErrorResponseBytes
    {
        get => _maxErrorResponseBytes;
        set
        {
            AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThan(value, 1024);
            _maxErrorResponseBytes = value;
        }
    }

    /// <summary>
    /// Gets or sets whether a success answer with a field the contract's type cannot hold fails the
    /// call (<see cref="ApiFailureKind.UnreadableResponse"/>). Off by default: such a value is kept
    /// as raw JSON in the model's <c>ReadIssues</c> and the rest of the answer is read.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public bool StrictReading
    {
        get => _strictReading;
        set
        {
            AssertNotFrozen();
            _strictReading = value;
        }
    }

    /// <summary>
    /// Gets or sets the longest wait between two lookups of a task (1 minute by default): the wait
    /// starts at <see cref="PollingInterval"/> and grows exponentially up to this.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan MaxPollingInterval
    {
        get => _maxPollingInterval;
        set
        {
            AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(value, TimeSpan.Zero);
            _maxPollingInterval = value;
        }
    }

    /// <summary>
    /// Gets or sets how long waiting for a task may take in all (1 hour by default), or
    /// <see cref="Timeout.InfiniteTimeSpan"/>. Past it the wait ends with a <see cref="TimeoutException"/>;
    /// the task itself goes on and can be looked up later.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is not positive and not infinite.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan WaitTimeout
    {
        get => _waitTimeout;
        set
        {
            AssertNotFrozen();
            if (value <= TimeSpan.Zero && value != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), value, "The wait timeout must be positive or infinite.");
            }

            _waitTimeout = value;
        }
    }

    /// <summary>
    /// Gets or sets whether waiting for a task that failed throws (the default) or returns its final
    /// record. The exception carries the record either way.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public bool ThrowOnFailedTask
    {
        get => _throwOnFailedTask;
        set
        {
            AssertNotFrozen();
            _throwOnFailedTask = value;
        }
    }

    /// <summary>
    /// Gets or sets where the client logs retries and failed calls (status, error code, trace id;
    /// never the token or bodies), or <see langword="null"/> to log nothing.
    /// </summary>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public ILoggerFactory? LoggerFactory
    {
        get => _loggerFactory;
        set
        {
            AssertNotFrozen();
            _loggerFactory = value;
        }
    }

    /// <summary>
    /// Gets or sets where callbacks go: every submit whose action takes a <c>callback_url</c> and does not set one gets a
    /// fresh URL from it (a new unguessable token per task). <see langword="null"/> (the default) sends none.
    /// </summary>
    /// <remarks>The request object is not changed: the URL is added to the body as it is written.</remarks>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public ContractFirst.Callbacks.CallbackUrls? CallbackUrls
    {
        get => _callbackUrls;
        set
        {
            AssertNotFrozen();
            _callbackUrls = value;
        }
    }

    /// <summary>Throws once a client has been created from these options; derived options call it in their setters.</summary>
    /// <exception cref="InvalidOperationException">The options are frozen.</exception>
    protected internal void AssertNotFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("These client options can't change after the client is created; configure a new options instance instead.");
        }
    }

    internal void Freeze() => _frozen = true;
}
