using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>A string enum: a closed set of JSON strings, generated as an extensible struct.</summary>
public sealed record EnumSpec(string Name, string? Description, EquatableArray<NamedValueSpec> Values);

