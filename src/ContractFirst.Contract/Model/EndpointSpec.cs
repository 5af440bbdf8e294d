using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>Whether calls to an endpoint start billable work (and so are retried only when provably not started).</summary>
public enum EndpointKind
{
    Submit,
    Read,
}

/// <summary>One POST endpoint whose operations are chosen by a discriminator field, or that has a single operation.</summary>
/// <param name="Key">The contract's key for the endpoint, e.g. <c>videos</c>.</param>
/// <param name="Discriminator">
/// JSON name of the field that selects the action, e.g. <c>action</c>; null for an endpoint with a single
/// operation (format 2 without <c>discriminator</c>), whose requests carry no discriminator.
/// </param>
/// <param name="ModelField">JSON name of the field that carries the model id, when actions have models.</param>
/// <param name="Shared">The fields every action takes, as they appear on each request type.</param>
public sealed record EndpointSpec(
    string Key,
    string Path,
    string? Description,
    EndpointKind Kind,
    int TimeoutSeconds,
    string? Discriminator,
    string? DefaultAction,
    string? ModelField,
    EquatableArray<FieldSpec> Shared,
    EquatableArray<ActionSpec> Actions)
{
    /// <summary>The interface every request of this endpoint implements, e.g. <c>IVideosRequest</c>.</summary>
    public string RequestInterfaceName => "I" + Helpers.Naming.ToPascalCase(Key) + "Request";

    /// <summary>
    /// Gets the models declared once for every action (the endpoint's <c>models</c>, format 2), generated as one
    /// type, <see cref="ModelTypeName"/>; empty when each action lists its own.
    /// </summary>
    public EquatableArray<NamedValueSpec> Models { get; init; } = EquatableArray<NamedValueSpec>.Empty;

    /// <summary>Gets the endpoint's <c>default_model</c>: the model its actions send when the caller sets none, unless an action sets its own.</summary>
    public string? DefaultModel { get; init; }

    /// <summary>The type of the endpoint's <see cref="Models"/>, e.g. <c>VideosModel</c>.</summary>
    public string ModelTypeName => Helpers.Naming.ToPascalCase(Key) + "Model";
}
