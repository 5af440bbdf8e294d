using System.Globalization;
using System.Threading;
using ContractFirst.Contract.Diagnostics;

namespace ContractFirst.Contract.Parsing;

/// <summary>Diagnostics and typed scalar reads for one contract file.</summary>
internal sealed class ParseContext(string path, CancellationToken cancellationToken)
{
    public string Path { get; } = path;

    public List<DiagnosticInfo> Diagnostics { get; } = [];

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public bool HasErrors => Diagnostics.Count > 0;

    public void Report(ContractDiagnosticDescriptor descriptor, YamlNode at, params string[] args) =>
        Diagnostics.Add(DiagnosticInfo.Create(descriptor, YamlTreeReader.Location(Path, at), args));

    /// <summary>Views <paramref name="node"/> as a mapping, reporting its unknown keys; null (and a diagnostic) if it is not one.</summary>
    public MappingView? Mapping(YamlNode? node, params string[] allowedKeys) =>
        Mapping(node, null, allowedKeys);

    /// <summary>As <see cref="Mapping(YamlNode?, string[])"/>, for the value of <paramref name="ownerKey"/>.</summary>
    public MappingView? Mapping(YamlNode? node, YamlNode? ownerKey, params string[] allowedKeys)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Mapping)
        {
            // An empty value ("key:") is an empty mapping, not a type error.
            if (node.Kind == YamlNodeKind.Scalar && node.ScalarText is null)
            {
                return new MappingView(node.AsEmptyMapping(), ownerKey);
            }

            Report(DiagnosticDescriptors.WrongNodeKind, node, node.Path, "mapping");
            return null;
        }

        var view = new MappingView(node, ownerKey);
        KeyValuePair<YamlNode, YamlNode>? previous = null;
        foreach (var pair in view.Pairs)
        {
            if (Array.IndexOf(allowedKeys, pair.Key.Value) >= 0)
            {
                previous = pair;
                continue;
            }

            // `{ description: a, b }`: YAML ends the value at the comma and reads `b` as a key without a value.
            if (previous is { Value: { Kind: YamlNodeKind.Scalar, IsQuoted: false } before } && pair.Value is { Kind: YamlNodeKind.Scalar, ScalarText: null }
                && before.LineSpan.End.Line == pair.Key.LineSpan.Start.Line)
            {
                Report(DiagnosticDescriptors.CommaEndedValue, pair.Key, pair.Key.Value!, node.Path, previous.Value.Key.Value!);
            }
            else
            {
                Report(DiagnosticDescriptors.UnknownKey, pair.Key, pair.Key.Value!, node.Path, string.Join(", ", allowedKeys));
            }

            previous = pair;
        }

        return view;
    }

    /// <summary>A mapping whose keys are names (enums, models, fields…), so any key is allowed.</summary>
    public MappingView? NameMapping(YamlNode? node, YamlNode? ownerKey = null)
    {
        if (node is null)
        {
            return null;
        }

        if (node.Kind == YamlNodeKind.Scalar && node.ScalarText is null)
        {
            return new MappingView(node.AsEmptyMapping(), ownerKey);
        }

        if (node.Kind != YamlNodeKind.Mapping)
        {
            Report(DiagnosticDescriptors.WrongNodeKind, node, node.Path, "mapping");
            return null;
        }

        return new MappingView(node, ownerKey);
    }

    /// <summary>
    /// Whether <paramref name="key"/> is absent or empty. A null from <see cref="Sequence"/> or
    /// <see cref="NameMapping"/> also means a node of the wrong kind, already reported; callers
    /// check this before reporting the key as missing.
    /// </summary>
    public static bool IsAbsent(MappingView map, string key) =>
        map[key] is not { } node || (node.Kind == YamlNodeKind.Scalar && node.ScalarText is null);

    public List<YamlNode>? Sequence(MappingView map, string key)
    {
        var node = map[key];
        if (node is null || (node.Kind == YamlNodeKind.Scalar && node.ScalarText is null))
        {
            return null;
        }

        if (node.Kind != YamlNodeKind.Sequence)
        {
            Report(DiagnosticDescriptors.WrongNodeKind, node, node.Path, "list");
            return null;
        }

        return node.Items;
    }

    public string? String(MappingView map, string key, bool required = false)
    {
        var node = map[key];
        if (node is null || (node.Kind == YamlNodeKind.Scalar && node.ScalarText is null))
        {
            if (required)
            {
                Report(DiagnosticDescriptors.MissingKey, node ?? map.KeyNode(key) ?? map.Anchor, map.Node.Path, key);
            }

            return null;
        }

        if (node.Kind != YamlNodeKind.Scalar)
        {
            Report(DiagnosticDescriptors.WrongNodeKind, node, node.Path, "scalar");
            return null;
        }

        return node.Value;
    }

    /// <summary>A scalar list item, reporting lists or mappings where a plain value belongs.</summary>
    public string? ScalarItem(YamlNode item)
    {
        if (item.Kind != YamlNodeKind.Scalar || item.ScalarText is null)
        {
            Report(DiagnosticDescriptors.WrongNodeKind, item, item.Path, "non-empty scalar");
            return null;
        }

        return item.Value;
    }

    public bool? Boolean(MappingView map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        switch (text)
        {
            case "true" or "True" or "TRUE":
                return true;
            case "false" or "False" or "FALSE":
                return false;
            default:
                Report(DiagnosticDescriptors.NotAllowedValue, map[key]!, map[key]!.Path, text, "true, false");
                return null;
        }
    }

    public decimal? Number(MappingView map, string key)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
                CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        Report(DiagnosticDescriptors.NotANumber, map[key]!, map[key]!.Path, text);
        return null;
    }

    public int? Integer(MappingView map, string key, int min = int.MinValue)
    {
        var text = String(map, key);
        if (text is null)
        {
            return null;
        }

        if (!int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
        {
            Report(DiagnosticDescriptors.NotAWholeNumber, map[key]!, map[key]!.Path, text);
            return null;
        }

        if (value < min)
        {
            Report(DiagnosticDescriptors.OutOfRange, map[key]!, map[key]!.Path, text, "≥ " + min.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        return value;
    }

    /// <summary>A name that becomes a C# identifier: PascalCase letters, digits and underscores.</summary>
    public bool CheckIdentifier(YamlNode node, string text)
    {
        if (Helpers.Naming.IsPascalIdentifier(text))
        {
            return true;
        }

        Report(DiagnosticDescriptors.NotPascalCase, node, node.Path, text);
        return false;
    }
}
