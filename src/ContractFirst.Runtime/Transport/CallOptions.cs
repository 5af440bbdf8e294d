namespace ContractFirst.Runtime;

/// <summary>
/// Settings of one call: extra request headers and the timeout of each attempt. Pass them to the
/// client's overloads that return a <see cref="System.ClientModel.ClientResult{T}"/>.
/// </summary>
/// <remarks>
/// Not <see cref="System.ClientModel.Primitives.RequestOptions"/>: a policy added to those with
/// <c>AddPolicy</c> is kept where only System.ClientModel's own pipeline can see it, so our transport
/// would drop it silently. To run code on every attempt, send with an <see cref="HttpClient"/> built
/// on your own <see cref="DelegatingHandler"/> (with dependency injection:
/// <c>AddHttpMessageHandler</c> on the builder the registration returns).
/// Cancel a call with the method's <see cref="CancellationToken"/>.
/// </remarks>
public sealed class CallOptions
{
    // Headers the transport owns: the key, the body's description, and the id that ties retries together.
    private static readonly string[] Reserved = ["Authorization", "Host", "Content-Type", "Content-Length", "Content-Encoding", ClientRequestId.HeaderName];

    private readonly List<(string Name, string Value, bool Replace)> _headers = [];
    private TimeSpan? _networkTimeout;

    /// <summary>
    /// Gets or sets the timeout of each HTTP attempt of this call, or <see langword="null"/> for the
    /// client's <see cref="ApiClientOptions.NetworkTimeout"/> (else the contract's default).
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is zero or negative (other than infinite).</exception>
    public TimeSpan? NetworkTimeout
    {
        get => _networkTimeout;
        set
        {
            if (value is { } timeout && timeout <= TimeSpan.Zero && timeout != Timeout.InfiniteTimeSpan)
            {
                throw new ArgumentOutOfRangeException(nameof(value), timeout, "The network timeout must be positive or infinite.");
            }

            _networkTimeout = value;
        }
    }

    /// <summary>Gets the headers added to every attempt of the call, in the order they were given.</summary>
    internal IReadOnlyList<(string Name, string Value, bool Replace)> Headers => _headers;

    /// <summary>Adds a value to a request header, keeping any value it already has.</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">The name is empty, or names a header the client sets itself (Authorization, Host, Content-*, the client request id).</exception>
    public CallOptions AddHeader(string name, string value) => Header(name, value, replace: false);

    /// <summary>Sets a request header, replacing any value it has (including the client's own User-Agent).</summary>
    /// <param name="name">The header name.</param>
    /// <param name="value">The value.</param>
    /// <returns>These options.</returns>
    /// <exception cref="ArgumentException">The name is empty, or names a header the client sets itself (Authorization, Host, Content-*, the client request id).</exception>
    public CallOptions SetHeader(string name, string value) => Header(name, value, replace: true);

    private CallOptions Header(string name, string value, bool replace)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(value);
        if (Reserved.Contains(name, StringComparer.OrdinalIgnoreCase) || name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
        {
            var hint = string.Equals(name, ClientRequestId.HeaderName, StringComparison.OrdinalIgnoreCase)
                ? " Use ClientRequestId.CreateScope to choose the id."
                : string.Equals(name, "Authorization", StringComparison.OrdinalIgnoreCase) ? " The client's ApiKeyCredential sets it; Update the credential to change the key." : "";
            throw new ArgumentException($"The header '{name}' is set by the client and can't be set per call.{hint}", nameof(name));
        }

        _headers.Add((name, value, replace));
        return this;
    }
}
