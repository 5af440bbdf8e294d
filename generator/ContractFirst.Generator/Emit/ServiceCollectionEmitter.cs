using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits <c>Add&lt;Api&gt;Client</c>: dependency-injection registration of the client in one line.
/// Only emitted into a compilation that references ContractFirst.Extensions.DependencyInjection, so
/// an SDK stays free of Microsoft.Extensions.Http and its registration ships as a package of its own.
/// </summary>
internal static class ServiceCollectionEmitter
{
    /// <summary>The type whose presence in the compilation turns the registration on.</summary>
    public const string RegistrationType = "ContractFirst.Extensions.DependencyInjection.ContractClientRegistration";

    public static string Name(ContractSpec spec) => spec.Api.Name + "ServiceCollectionExtensions";

    public static string Emit(ContractSpec spec)
    {
        var api = spec.Api.Name;
        var client = $"global::{spec.Namespace}.{spec.ClientName}";
        var options = client + "Options";
        const string Settings = "global::ContractFirst.Extensions.DependencyInjection.ContractClientSettings";
        const string Builder = "global::Microsoft.Extensions.DependencyInjection.IHttpClientBuilder";
        const string Services = "this global::Microsoft.Extensions.DependencyInjection.IServiceCollection services";
        const string Configuration = "global::Microsoft.Extensions.Configuration.IConfiguration configuration";
        // In the contract's namespace, not Microsoft.Extensions.DependencyInjection as Microsoft's own are:
        // two contracts may share an API name in different namespaces, and their extensions must not clash.
        var w = Header.Start(spec.Namespace);
        w.Summary($"Registers {spec.ClientName} with dependency injection.",
            "The client is a singleton sending through IHttpClientFactory; its settings are validated when the app starts, and a new ApiKey in reloaded configuration is used from the next request.");
        w.Line(Header.GeneratedCode);
        w.Lines($$"""
            public static class {{Name(spec)}}
            {
                /// <summary>The configuration section the client's settings conventionally live in: <c>{{api}}</c>.</summary>
                public const string SectionName = "{{api}}";

                /// <summary>Registers the client with settings bound from a configuration section (ApiKey, Endpoint, NetworkTimeout, MaxRetries, UserAgent, AllowInsecureTransport).</summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configuration">The section, for example <c>configuration.GetSection("{{api}}")</c>.</param>
                /// <returns>The builder of the client's HttpClient, for AddHttpMessageHandler and the like.</returns>
                public static {{Builder}} Add{{spec.ClientName}}({{Services}}, {{Configuration}}) =>
                    Register(services, null, configuration, null);

                /// <summary>Registers the client with settings set in code.</summary>
                /// <param name="services">The service collection.</param>
                /// <param name="configure">Sets ApiKey and any other setting.</param>
                /// <returns>The builder of the client's HttpClient, for AddHttpMessageHandler and the like.</returns>
                public static {{Builder}} Add{{spec.ClientName}}({{Services}}, global::System.Action<{{Settings}}> configure) =>
                    Register(services, null, null, configure ?? throw new global::System.ArgumentNullException(nameof(configure)));

                /// <summary>Registers a keyed client, one per account: resolve it with <c>[FromKeyedServices(name)]</c>.</summary>
                /// <param name="services">The service collection.</param>
                /// <param name="name">The service key.</param>
                /// <param name="configuration">The account's section.</param>
                /// <returns>The builder of the client's HttpClient, for AddHttpMessageHandler and the like.</returns>
                public static {{Builder}} Add{{spec.ClientName}}({{Services}}, string name, {{Configuration}}) =>
                    Register(services, name ?? throw new global::System.ArgumentNullException(nameof(name)), configuration, null);

                /// <summary>Registers a keyed client, one per account, with settings set in code: resolve it with <c>[FromKeyedServices(name)]</c>.</summary>
                /// <param name="services">The service collection.</param>
                /// <param name="name">The service key.</param>
                /// <param name="configure">Sets ApiKey and any other setting.</param>
                /// <returns>The builder of the client's HttpClient, for AddHttpMessageHandler and the like.</returns>
                public static {{Builder}} Add{{spec.ClientName}}({{Services}}, string name, global::System.Action<{{Settings}}> configure) =>
                    Register(services, name ?? throw new global::System.ArgumentNullException(nameof(name)), null, configure ?? throw new global::System.ArgumentNullException(nameof(configure)));

                private static {{Builder}} Register(global::Microsoft.Extensions.DependencyInjection.IServiceCollection services, string? name, global::Microsoft.Extensions.Configuration.IConfiguration? configuration, global::System.Action<{{Settings}}>? configure)
                {
                    if (configuration is null && configure is null)
                    {
                        throw new global::System.ArgumentNullException(nameof(configuration));
                    }

                    return global::ContractFirst.Extensions.DependencyInjection.ContractClientRegistration.AddContractClient<{{client}}, {{options}}>(
                        services, name, configuration, configure, SectionName, static (credential, options, httpClient) => new {{client}}(credential, options, httpClient));
                }
            }
            """);
        return w.ToString();
    }
}
