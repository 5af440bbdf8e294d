namespace ContractFirst.Contract.Model;

/// <summary>A JSON string the contract lists with a C# member name: an enum value, or one of an action's models.</summary>
/// <param name="Value">The JSON string sent on the wire, e.g. <c>16:9</c> or <c>happyhorse-1.1-t2v</c>.</param>
/// <param name="Name">The C# member name, e.g. <c>Landscape16x9</c> or <c>HappyHorse1_1</c>.</param>
/// <param name="Description">Documentation for the member, or null.</param>
public sealed record NamedValueSpec(string Value, string Name, string? Description);
