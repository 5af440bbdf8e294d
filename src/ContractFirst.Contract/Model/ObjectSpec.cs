using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>
/// An object type a request sends as the value of a field (a camera-control object, the items of a
/// list of images): declared once under <c>objects</c>, reused by any request field or other object,
/// generated as a class with its own validator and JSON writer.
/// </summary>
/// <param name="Name">The type name, as the contract writes it.</param>
/// <param name="Fields">Its fields in JSON order, each required or not.</param>
public sealed record ObjectSpec(string Name, string? Description, EquatableArray<FieldSpec> Fields)
{
    /// <summary>Gets the rules between the object's fields.</summary>
    public EquatableArray<RuleSpec> Rules { get; init; }
}
