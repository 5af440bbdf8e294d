using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>A field as defined once in an endpoint or model, before an action adds requiredness and overrides.</summary>
internal sealed class FieldDefinition(string jsonName, YamlNode keyNode, TypeRef type)
{
    public string JsonName { get; } = jsonName;

    public YamlNode KeyNode { get; } = keyNode;

    public TypeRef Type { get; } = type;

    /// <summary>Whether the definition had an error already reported; its type is a placeholder.</summary>
    public bool IsBroken { get; init; }

    public string? Description { get; set; }

    public bool Nullable { get; set; }

    /// <summary>For an object's field: whether the object needs it. Action fields say it per action instead.</summary>
    public bool Required { get; set; }

    public decimal? Min { get; set; }

    public decimal? Max { get; set; }

    public int? MinItems { get; set; }

    public int? MaxItems { get; set; }

    public FieldSpec ToSpec(bool required) =>
        new(JsonName, Helpers.Naming.ToPascalCase(JsonName), Type, Description, required, Nullable, Min, Max, MinItems, MaxItems);
}
