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

    private YamlNode? _parent;
    private string? _segment;

    /// <summary>
    /// Where the node is, as a YAML path such as <c>endpoints.videos.fields.duration.min</c> or
    /// <c>errors.cases[2].status</c>: the argument diagnostics name a place by. A mapping key has
    /// the path of its value. Built only when a diagnostic asks, so a valid contract pays nothing.
    /// </summary>
    public string Path
    {
        get
        {
            if (_parent is null)
            {
                return "(root)";
            }

            var segments = new Stack<string>();
            for (var node = this; node._parent is not null; node = node._parent)
            {
                segments.Push(node._segment!);
            }

            var builder = new System.Text.StringBuilder();
            foreach (var segment in segments)
            {
                if (builder.Length > 0 && segment[0] != '[')
                {
                    builder.Append('.');
                }

                builder.Append(segment);
            }

            return builder.ToString();
        }
    }

    /// <summary>Places the node under <paramref name="parent"/>; an aliased node keeps the place of its anchor.</summary>
    internal void PlaceUnder(YamlNode parent, string segment)
    {
        if (_parent is null && !ReferenceEquals(parent, this))
        {
            _parent = parent;
            _segment = segment;
        }
    }

    /// <summary>The path segment of a mapping key: plain when it is a simple name, else quoted in brackets.</summary>
    internal static string KeySegment(string key) =>
        key.Length > 0 && key.All(c => char.IsLetterOrDigit(c) || c is '_' or '-')
            ? key
            : "['" + key.Replace("'", "''") + "']";

    /// <summary>An empty mapping standing in for an empty value (<c>key:</c>), at that value's place.</summary>
    public YamlNode AsEmptyMapping()
    {
        var mapping = Mapping(Span, LineSpan);
        mapping._parent = _parent;
        mapping._segment = _segment;
        return mapping;
    }

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
