using ContractFirst.Generator.Helpers;

namespace ContractFirst.Generator.Model;

/// <summary>A response model, generated as a read-only class with a tolerant JSON reader.</summary>
/// <param name="FinishedWhen">Property name whose presence marks a finished task, when this model is the polled task record.</param>
internal sealed record ModelSpec(string Name, string? Description, EquatableArray<FieldSpec> Fields, string? FinishedWhen);
