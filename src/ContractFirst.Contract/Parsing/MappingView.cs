namespace ContractFirst.Contract.Parsing;

/// <summary>A YAML mapping whose keys were checked against the keys its section allows.</summary>
internal sealed class MappingView
{
    private readonly Dictionary<string, KeyValuePair<YamlNode, YamlNode>> _pairs;

    public MappingView(YamlNode node, YamlNode? ownerKey = null)
    {
        Node = node;
        Anchor = ownerKey ?? node;
        _pairs = node.Pairs.ToDictionary(p => p.Key.Value!, StringComparer.Ordinal);
    }

    public YamlNode Node { get; }

    /// <summary>
    /// Where diagnostics about the mapping as a whole point: the key that owns it
    /// (<c>generate:</c>) when known, since a mapping node itself has no width.
    /// </summary>
    public YamlNode Anchor { get; }

    public IEnumerable<KeyValuePair<YamlNode, YamlNode>> Pairs => Node.Pairs;

    public YamlNode? this[string key] => _pairs.TryGetValue(key, out var pair) ? pair.Value : null;

    public YamlNode? KeyNode(string key) => _pairs.TryGetValue(key, out var pair) ? pair.Key : null;

    public bool Has(string key) => _pairs.ContainsKey(key);
}
