namespace ContractFirst.Runtime;

/// <summary>
/// How transient failures are retried: exponential back-off with jitter, or the server's <c>Retry-After</c>.
/// </summary>
public sealed class RetryOptions
{
    private readonly ApiClientOptions _owner;
    private int _maxRetries = 3;
    private TimeSpan _delay = TimeSpan.FromSeconds(0.8);
    private TimeSpan _maxDelay = TimeSpan.FromMinutes(1);

    internal RetryOptions(ApiClientOptions owner) => _owner = owner;

    /// <summary>Gets or sets how many times a failed call is sent again; 0 disables retries. The default is 3.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public int MaxRetries
    {
        get => _maxRetries;
        set
        {
            _owner.AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            _maxRetries = value;
        }
    }

    /// <summary>Gets or sets the first back-off delay, doubled (with jitter) on each retry. The default is 0.8 seconds.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative or longer than a day.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan Delay
    {
        get => _delay;
        set
        {
            _owner.AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, TimeSpan.FromDays(1));
            _delay = value;
        }
    }

    /// <summary>Gets or sets the longest wait between attempts, including one asked for by <c>Retry-After</c>. The default is 1 minute.</summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is negative.</exception>
    /// <exception cref="InvalidOperationException">The options belong to a client that was already created.</exception>
    public TimeSpan MaxDelay
    {
        get => _maxDelay;
        set
        {
            _owner.AssertNotFrozen();
            ArgumentOutOfRangeException.ThrowIfLessThan(value, TimeSpan.Zero);
            _maxDelay = value;
        }
    }
}
