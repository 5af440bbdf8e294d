using ContractFirst.Runtime;

namespace ContractFirst.Extensions.DependencyInjection;

/// <summary>
/// What a registered client is built from: the API key and the settings most often kept in
/// configuration. Bound from a configuration section (keys named like the properties), or set by a
/// delegate.
/// </summary>
/// <remarks>
/// When the configuration reloads, a changed <see cref="ApiKey"/> is applied to the running client
/// (its <see cref="System.ClientModel.ApiKeyCredential"/> is updated); the other settings are read
/// once, when the client is created.
/// </remarks>
public sealed class ContractClientSettings
{
    /// <summary>Gets or sets the API key, sent as a bearer token. Required.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Gets or sets the base URL to call instead of the contract's.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>Gets or sets the timeout of each HTTP attempt (<see cref="ApiClientOptions.NetworkTimeout"/>).</summary>
    public TimeSpan? NetworkTimeout { get; set; }

    /// <summary>Gets or sets how many times a failed call is retried when that is safe (<see cref="RetryOptions.MaxRetries"/>).</summary>
    public int? MaxRetries { get; set; }

    /// <summary>Gets or sets the User-Agent header (<see cref="ApiClientOptions.UserAgent"/>).</summary>
    public string? UserAgent { get; set; }

    /// <summary>Gets or sets whether the key may go over plain HTTP to a host that is not loopback (<see cref="ApiClientOptions.AllowInsecureTransport"/>).</summary>
    public bool AllowInsecureTransport { get; set; }

    /// <summary>Gets or sets code that sets anything else on the client's options (polling, limits, the clock) before the client is created.</summary>
    public Action<ApiClientOptions>? ConfigureOptions { get; set; }

    /// <summary>Gets the configuration values that could not be read, reported when the settings are validated.</summary>
    internal List<string> BindingErrors { get; } = [];
}
