using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>A response model, generated as a read-only class with a tolerant JSON reader.</summary>
/// <param name="Terminal">When this model is the polled task record: the states that end a task.</param>
public sealed record ModelSpec(string Name, string? Description, EquatableArray<FieldSpec> Fields, TerminalSpec? Terminal);
