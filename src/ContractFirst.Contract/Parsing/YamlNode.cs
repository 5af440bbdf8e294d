using ContractFirst.Contract.Diagnostics;

namespace ContractFirst.Contract.Parsing;

internal enum YamlNodeKind
{
    Scalar,
    Mapping,
    Sequence,
}

/// <summary>
/// A YAML node with its source span: the parser's own tree, so that YamlDotNet types stay inside
/// <see cref="YamlTreeReader"/>. Lives only during parsing; never enters a pipeline model.
/// </summary>
internal sealed class YamlNode
{
    private YamlNode(YamlNodeKind kind, string? value, bool isQuoted, TextSpan span, LinePositionSpan lineSpan)
    {
        Kind = kind;
        Value = value;
        IsQuoted = isQuoted;
        Span = span;
        LineSpan = lineSpan;
    }

    public YamlNodeKind Kind { get; }

    /// <summary>The text of a scalar; null for mappings and sequences.</summary>
    public string? Value { get; }

    /// <summary>Whether a scalar was quoted, so <c>"null"</c> stays a string.</summary>
    public bool IsQuoted { get; }

    public TextSpan Span { get; }

    public LinePositionSpan LineSpan { get; }

    /// <summary>Key/value pairs of a mapping, in file order, duplicates already removed.</summary>
    public List<KeyValuePair<YamlNode, YamlNode>> Pairs { get; } = [];

    /// <summary>Items of a sequence, in file order.</summary>
    public List<YamlNode> Items { get; } = [];

    public static YamlNode Scalar(string value, bool isQuoted, TextSpan span, LinePositionSpan lineSpan) =>
        new(YamlNodeKind.Scalar, value, isQuoted, span, lineSpan);

    public static YamlNode Mapping(TextSpan span, LinePositionSpan lineSpan) =>
        new(YamlNodeKind.Mapping, null, false, span, lineSpan);

    public static YamlNode Sequence(TextSpan span, LinePositionSpan lineSpan) =>
        new(YamlNodeKind.Sequence, null, false, span, lineSpan);

    /// <summary>A scalar's text, with YAML's empty and null spellings read as absent.</summary>
    public string? ScalarText =>
        Kind != YamlNodeKind.Scalar ? null
        : !IsQuoted && Value is "" or "~" or "null" or "Null" or "NULL" ? null
        : Value;

    public string KindName => Kind switch
    {
        YamlNodeKind.Mapping => "mapping",
        YamlNodeKind.Sequence => "list",
        _ => "scalar",
    };
}
