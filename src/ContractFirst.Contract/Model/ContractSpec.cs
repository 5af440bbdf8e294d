using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>One parsed contract: everything the emitters need, and nothing else.</summary>
/// <remarks>
/// Pipeline models must compare by value so that an unchanged contract is a cache hit:
/// every member of every model type is a string, number, bool, enum, another model record or an
/// <see cref="EquatableArray{T}"/>. Never put YamlDotNet nodes, Roslyn symbols, syntax or
/// <c>Location</c>s in a model; they compare by reference and would re-run every step.
/// </remarks>
/// <param name="Namespace">C# namespace of the generated code.</param>
/// <param name="ClientName">Name of the generated client class.</param>
public sealed record ContractSpec(
    string Namespace,
    string ClientName,
    ApiInfo Api,
    EquatableArray<EnumSpec> Enums,
    EquatableArray<EndpointSpec> Endpoints,
    EquatableArray<ModelSpec> Models,
    EquatableArray<ObjectSpec> Objects,
    PollingSpec? Polling,
    ErrorsSpec Errors,
    BillingSpec? Billing);

/// <param name="Name">API name in PascalCase; prefixes the generated exception and pricing types.</param>
/// <param name="TokenEnv">Environment variable that conventionally holds the bearer token.</param>
public sealed record ApiInfo(string Name, string Title, string? Description, string BaseUrl, string? TokenEnv);
