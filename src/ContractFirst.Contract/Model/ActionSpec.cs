using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>One operation of an endpoint, generated as a request type and a client method.</summary>
/// <param name="Value">The discriminator's JSON value, e.g. <c>image_to_video</c>.</param>
/// <param name="TypeName">Stem of the generated names: <c>{TypeName}Request</c>, <c>{TypeName}Async</c>, <c>{TypeName}Model</c>.</param>
/// <param name="Models">The models this action accepts; empty when the endpoint has no model field.</param>
/// <param name="DefaultModel">The model id sent when the caller sets none.</param>
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

    public string ModelTypeName => TypeName + "Model";

    public string MethodName => TypeName + "Async";
}

