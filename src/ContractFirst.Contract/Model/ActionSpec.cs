using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>One operation of an endpoint, generated as a request type and a client method.</summary>
/// <param name="Value">The discriminator's JSON value, e.g. <c>image_to_video</c>; the action's key when the endpoint has a single operation.</param>
/// <param name="TypeName">Stem of the generated names: <c>{TypeName}Request</c>, <c>{TypeName}Async</c>, <c>{TypeName}Model</c>.</param>
/// <param name="Models">
/// The models this action accepts: its own list, the endpoint's models, or those of them the action narrows to
/// (in the action's order); empty when the endpoint has no model field. Members of <see cref="ModelTypeName"/>.
/// </param>
/// <param name="DefaultModel">The model id sent when the caller sets none; null when the contract gives none (format 2), so the model is left out.</param>
/// <param name="Fields">The action's fields in JSON order: its own fields, then the endpoint's shared ones.</param>
/// <param name="Response">Name of the model the endpoint answers this action with.</param>
public sealed record ActionSpec(
    string Value,
    string TypeName,
    string? Description,
    EquatableArray<NamedValueSpec> Models,
    string? DefaultModel,
    EquatableArray<FieldSpec> Fields,
    string Response)
{
    public string RequestTypeName => TypeName + "Request";

    /// <summary>
    /// Gets the type of the request's model property: <c>{TypeName}Model</c> for an action that lists its own models,
    /// or the endpoint's (<see cref="EndpointSpec.ModelTypeName"/>) when the endpoint declares them once.
    /// </summary>
    public string ModelTypeName { get; init; } = TypeName + "Model";

    public string MethodName => TypeName + "Async";

    /// <summary>Gets the rules between this action's fields, its endpoint's that apply to it included (format 2).</summary>
    public EquatableArray<RuleSpec> Rules { get; init; }
}

