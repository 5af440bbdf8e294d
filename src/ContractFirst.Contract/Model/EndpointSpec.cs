using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>Whether calls to an endpoint start billable work (and so are retried only when provably not started).</summary>
public enum EndpointKind
{
    Submit,
    Read,
}

/// <summary>One POST endpoint whose operations are chosen by a discriminator field.</summary>
/// <param name="Key">The contract's key for the endpoint, e.g. <c>videos</c>.</param>
/// <param name="Discriminator">JSON name of the field that selects the action, e.g. <c>action</c>.</param>
/// <param name="ModelField">JSON name of the field that carries the model id, when actions have models.</param>
/// <param name="Shared">The fields every action takes, as they appear on each request type.</param>
public sealed record EndpointSpec(
    string Key,
    string Path,
    string? Description,
    EndpointKind Kind,
    int TimeoutSeconds,
    string Discriminator,
    string? DefaultAction,
    string? ModelField,
    EquatableArray<FieldSpec> Shared,
    EquatableArray<ActionSpec> Actions)
{
    /// <summary>The interface every request of this endpoint implements, e.g. <c>IVideosRequest</c>.</summary>
    public string RequestInterfaceName => "I" + Helpers.Naming.ToPascalCase(Key) + "Request";
}
