using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>A string enum: a closed set of JSON strings, generated as an extensible struct.</summary>
public sealed record EnumSpec(string Name, string? Description, EquatableArray<EnumValueSpec> Values);

/// <param name="Value">The JSON string, e.g. <c>16:9</c>.</param>
/// <param name="Name">The C# member name, e.g. <c>Landscape16x9</c>.</param>
public sealed record EnumValueSpec(string Value, string Name, string? Description);
