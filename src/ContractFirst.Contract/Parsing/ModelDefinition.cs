using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>A response model while parsing: its field definitions, with the nodes diagnostics point at.</summary>
internal sealed class ModelDefinition(string name, YamlNode keyNode, string? description, List<FieldDefinition> fields)
{
    public string Name { get; } = name;

    public YamlNode KeyNode { get; } = keyNode;

    public string? Description { get; } = description;

    public List<FieldDefinition> Fields { get; } = fields;

    public FieldDefinition? Field(string jsonName) => Fields.FirstOrDefault(f => f.JsonName == jsonName);

    public ModelSpec ToSpec(PollingSpec? polling) =>
        new(Name, Description, Fields.Select(f => f.ToSpec(required: false)).ToEquatableArray(),
            polling is not null && polling.RecordModel == Name ? polling.Terminal : null);
}
