using System.ClientModel;
using ContractFirst.Runtime;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ContractFirst.Extensions.DependencyInjection;

/// <summary>
/// Registers a generated client: the machinery behind each contract's generated
/// <c>Add…Client</c> extensions, which are what applications call.
/// </summary>
public static class ContractClientRegistration
{
    /// <summary>Registers a client as a singleton (or a keyed singleton) that sends through <see cref="IHttpClientFactory"/>.</summary>
    /// <typeparam name="TClient">The generated client.</typeparam>
    /// <typeparam name="TOptions">The generated client's options.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <param name="name">
    /// <see langword="null"/> for the client resolved by type; otherwise the service key of a keyed client
    /// (resolve it with <c>[FromKeyedServices(name)]</c>), one per account.
    /// </param>
    /// <param name="section">The configuration section to bind <see cref="ContractClientSettings"/> from and to watch for a new key, or <see langword="null"/>.</param>
    /// <param name="configure">Sets the settings in code (after binding), or <see langword="null"/>.</param>
    /// <param name="defaultSectionName">The contract's conventional section name, used in messages when <paramref name="section"/> is not a named section.</param>
    /// <param name="create">Creates the client from its credential, options and HttpClient.</param>
    /// <returns>The builder of the HttpClient the client sends with: add your own <see cref="DelegatingHandler"/>s to it with <c>AddHttpMessageHandler</c>; they see every attempt, retries included.</returns>
    /// <remarks>
    /// The settings are validated when the app starts (<c>ValidateOnStart</c>), so a missing key fails
    /// the start with a message naming it (for example <c>HappyHorse:ApiKey</c>). The client is a singleton
    /// (it shares one poller for all waits); its HttpClient comes from the factory, on a handler that
    /// renews connections every two minutes so DNS changes are picked up.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="services"/> or <paramref name="create"/> is null.</exception>
    /// <exception cref="ArgumentException">Neither <paramref name="section"/> nor <paramref name="configure"/> is given.</exception>
    public static IHttpClientBuilder AddContractClient<TClient, TOptions>(
        this IServiceCollection services,
        string? name,
        IConfiguration? section,
        Action<ContractClientSettings>? configure,
        string defaultSectionName,
        Func<ApiKeyCredential, TOptions, HttpClient, TClient> create)
        where TClient : class
        where TOptions : ApiClientOptions, new()
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(create);
        if (section is null && configure is null)
        {
            throw new ArgumentException("Give the configuration section or a delegate that sets the settings.", nameof(section));
        }

        // One name ties the settings, the credential and the HttpClient of a registration together.
        var registration = name is null ? typeof(TClient).Name : typeof(TClient).Name + ":" + name;
        var path = section is IConfigurationSection named ? named.Path : defaultSectionName;

        var settings = services.AddOptions<ContractClientSettings>(registration);
        if (section is not null)
        {
            settings.Configure(s => SettingsBinder.Bind(section, path, s));
            services.AddSingleton<IOptionsChangeTokenSource<ContractClientSettings>>(new ConfigurationChangeTokenSource<ContractClientSettings>(registration, section));
        }

        if (configure is not null)
        {
            settings.Configure(configure);
        }

        services.AddSingleton<IValidateOptions<ContractClientSettings>>(new ContractClientSettingsValidator(registration, path));
        settings.ValidateOnStart();
        services.TryAddKeyedSingleton(registration, static (provider, key) =>
            new ApiKeySource(provider.GetRequiredService<IOptionsMonitor<ContractClientSettings>>(), (string)key!));

        var http = services.AddHttpClient(registration)
            // The client's own pipeline times each attempt; the HttpClient's 100 s would cut long waits short.
            .ConfigureHttpClient(static client => client.Timeout = Timeout.InfiniteTimeSpan)
            // A redirected POST would turn into a GET; the client is a singleton, so its handler renews connections itself.
            .ConfigurePrimaryHttpMessageHandler(static () => new SocketsHttpHandler { AllowAutoRedirect = false, PooledConnectionLifetime = TimeSpan.FromMinutes(2) });

        TClient Create(IServiceProvider provider)
        {
            var current = provider.GetRequiredService<IOptionsMonitor<ContractClientSettings>>().Get(registration);
            var credential = provider.GetRequiredKeyedService<ApiKeySource>(registration).Credential;
            var options = new TOptions();
            Apply(current, options, provider.GetService<ILoggerFactory>());
            return create(credential, options, provider.GetRequiredService<IHttpClientFactory>().CreateClient(registration));
        }

        if (name is null)
        {
            services.AddSingleton(Create);
        }
        else
        {
            services.AddKeyedSingleton(name, (provider, _) => Create(provider));
        }

        return http;
    }

    private static void Apply(ContractClientSettings settings, ApiClientOptions options, ILoggerFactory? loggerFactory)
    {
        options.LoggerFactory = loggerFactory;
        options.AllowInsecureTransport = settings.AllowInsecureTransport;
        if (settings.Endpoint is { } endpoint)
        {
            options.Endpoint = endpoint;
        }

        if (settings.NetworkTimeout is { } timeout)
        {
            options.NetworkTimeout = timeout;
        }

        if (settings.MaxRetries is { } retries)
        {
            options.Retry.MaxRetries = retries;
        }

        if (settings.UserAgent is { } agent)
        {
            options.UserAgent = agent;
        }

        settings.ConfigureOptions?.Invoke(options);
    }
}
