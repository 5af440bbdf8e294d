using ContractFirst.Contract.Helpers;
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

    /// <summary>The default as <see cref="FieldSpec.Default"/> holds it: wire text, or a number or boolean in invariant form.</summary>
    public string? Default { get; set; }

    public int? MinLength { get; set; }

    public int? MaxLength { get; set; }

    public string? Pattern { get; set; }

    /// <summary>The compiled <see cref="Pattern"/>, to check the default against while parsing.</summary>
    public System.Text.RegularExpressions.Regex? PatternRegex { get; set; }

    /// <summary>The numbers of <c>values</c>, each with the list item it was read from.</summary>
    public List<(decimal Value, YamlNode Node)> Values { get; set; } = [];

    /// <summary>The value node of each rule key (<c>default</c>, <c>values</c>…), where it was last set: an action's override or the endpoint.</summary>
    public Dictionary<string, YamlNode> RuleNodes { get; } = new(StringComparer.Ordinal);

    /// <summary>Copies the format 2 rules (default, lengths, pattern, values) of <paramref name="other"/>, before an action overrides them.</summary>
    public void CopyRulesFrom(FieldDefinition other)
    {
        Default = other.Default;
        MinLength = other.MinLength;
        MaxLength = other.MaxLength;
        Pattern = other.Pattern;
        PatternRegex = other.PatternRegex;
        Values = other.Values;
        foreach (var pair in other.RuleNodes)
        {
            RuleNodes[pair.Key] = pair.Value;
        }
    }

    public FieldSpec ToSpec(bool required) =>
        new(JsonName, Naming.ToPascalCase(JsonName), Type, Description, required, Nullable, Min, Max, MinItems, MaxItems)
        {
            Default = Default,
            MinLength = MinLength,
            MaxLength = MaxLength,
            Pattern = Pattern,
            Values = Values.Select(v => v.Value).ToEquatableArray(),
        };
}
