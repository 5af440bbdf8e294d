using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>A parsed endpoint plus what later sections (polling, billing) look up in it.</summary>
internal sealed class EndpointDefinition(EndpointSpec spec, Dictionary<string, FieldDefinition> fields, Dictionary<string, YamlNode> actionNodes)
{
    public EndpointSpec Spec { get; } = spec;

    public Dictionary<string, FieldDefinition> Fields { get; } = fields;

    /// <summary>Each action's key node, for diagnostics that point at an action.</summary>
    public Dictionary<string, YamlNode> ActionNodes { get; } = actionNodes;

    public ActionSpec? Action(string value) => Spec.Actions.FirstOrDefault(a => a.Value == value);
}
