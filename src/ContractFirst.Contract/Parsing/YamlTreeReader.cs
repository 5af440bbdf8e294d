using System.IO;
using System.Threading;
using ContractFirst.Contract.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// Turns YAML text into a <see cref="YamlNode"/> tree with exact spans. The only code that
/// touches YamlDotNet: its event parser gives marks for every node, and reading events ourselves
/// lets a duplicate key become a diagnostic instead of an exception.
/// </summary>
internal static class YamlTreeReader
{
    /// <summary>
    /// How deep mappings and lists may nest. The deepest real contract needs about 8 levels; the
    /// limit keeps the recursion below (and YamlDotNet's parser, which reads no further than we
    /// consume) far from the stack's end on any thread a compiler may run us on.
    /// </summary>
    public const int MaxDepth = 64;

    public static YamlNode? Read(string path, string text, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        // Problems found while reading are reported once the tree is whole: a node's YAML path
        // names its ancestors, which are placed only after their children are read.
        var found = new List<Func<DiagnosticInfo>>();
        var start = diagnostics.Count;
        try
        {
            return Read(path, text, found, diagnostics, cancellationToken);
        }
        finally
        {
            diagnostics.InsertRange(start, found.Select(report => report()));
        }
    }

    private static YamlNode? Read(string path, string text, List<Func<DiagnosticInfo>> found, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var anchors = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
        var scanner = new Scanner(new StringReader(text), skipComments: true);
        try
        {
            var parser = new Parser(scanner);
            parser.Consume<StreamStart>();
            if (parser.Accept<StreamEnd>(out _))
            {
                return null;
            }

            parser.Consume<DocumentStart>();
            var root = ReadNode(parser, path, anchors, found, depth: 0, cancellationToken);
            parser.Consume<DocumentEnd>();
            if (parser.Accept<DocumentStart>(out var extra))
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.InvalidYaml, ErrorLocation(path, text, extra.Start, extra.End),
                    "a contract is one YAML document; remove the second '---' document"));
            }

            return root;
        }
        catch (TooDeepException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.NestedTooDeep, ErrorLocation(path, text, ex.Start, ex.End.Index > ex.Start.Index ? ex.End : NextMark(ex.Start)), MaxDepth.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            return null;
        }
        catch (YamlException ex)
        {
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidYaml, ErrorLocation(path, text, ex.Start, ex.End), Describe(ex)));
            return null;
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner throws this instead of a YamlException on some malformed input
            // (a flow mapping left open across lines, for one); it has stopped where it failed.
            var at = scanner.CurrentPosition;
            diagnostics.Add(DiagnosticInfo.Create(
                DiagnosticDescriptors.InvalidYaml, ErrorLocation(path, text, at, at),
                "the YAML is malformed here; look for an unclosed '{', '[' or quote before this point"));
            return null;
        }
    }

    private static YamlNode ReadNode(
        IParser parser, string path, Dictionary<string, YamlNode> anchors,
        List<Func<DiagnosticInfo>> found, int depth, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (depth > MaxDepth && parser.Current is { } deep)
        {
            throw new TooDeepException(deep.Start, deep.End);
        }

        if (parser.TryConsume<AnchorAlias>(out var alias))
        {
            if (anchors.TryGetValue(alias.Value.Value, out var target))
            {
                return target;
            }

            throw new YamlException(alias.Start, alias.End, $"the alias '*{alias.Value.Value}' names no anchor defined before it");
        }

        YamlNode node;
        string? anchor;
        if (parser.TryConsume<Scalar>(out var scalar))
        {
            anchor = scalar.Anchor.IsEmpty ? null : scalar.Anchor.Value;
            node = YamlNode.Scalar(scalar.Value, scalar.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted,
                Span(scalar.Start, scalar.End), LineSpan(scalar.Start, scalar.End));
            ScalarCheck.Report(node, path, found);
        }
        else if (parser.TryConsume<SequenceStart>(out var sequenceStart))
        {
            anchor = sequenceStart.Anchor.IsEmpty ? null : sequenceStart.Anchor.Value;
            var items = new List<YamlNode>();
            while (!parser.TryConsume<SequenceEnd>(out _))
            {
                items.Add(ReadNode(parser, path, anchors, found, depth + 1, cancellationToken));
            }

            node = YamlNode.Sequence(Span(sequenceStart.Start, sequenceStart.End), LineSpan(sequenceStart.Start, sequenceStart.End));
            for (var i = 0; i < items.Count; i++)
            {
                items[i].PlaceUnder(node, "[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]");
            }

            node.Items.AddRange(items);
        }
        else if (parser.TryConsume<MappingStart>(out var mappingStart))
        {
            anchor = mappingStart.Anchor.IsEmpty ? null : mappingStart.Anchor.Value;
            node = YamlNode.Mapping(Span(mappingStart.Start, mappingStart.End), LineSpan(mappingStart.Start, mappingStart.End));
            var seen = new Dictionary<string, YamlNode>(StringComparer.Ordinal);
            while (!parser.TryConsume<MappingEnd>(out _))
            {
                var key = ReadNode(parser, path, anchors, found, depth + 1, cancellationToken);
                var value = ReadNode(parser, path, anchors, found, depth + 1, cancellationToken);
                if (key.Kind != YamlNodeKind.Scalar)
                {
                    var mapping = node;
                    found.Add(() => DiagnosticInfo.Create(
                        DiagnosticDescriptors.WrongNodeKind, Location(path, key), "A key of " + mapping.Path, "scalar"));
                    continue;
                }

                var segment = YamlNode.KeySegment(key.Value!);
                key.PlaceUnder(node, segment);
                value.PlaceUnder(node, segment);
                if (seen.TryGetValue(key.Value!, out var first))
                {
                    var firstLine = (first.LineSpan.Start.Line + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                    found.Add(() => DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKey, Location(path, key), key.Path, key.Value!, firstLine));
                    continue;
                }

                seen.Add(key.Value!, key);
                node.Pairs.Add(new(key, value));
            }
        }
        else
        {
            var unexpected = parser.Current!;
            throw new YamlException(unexpected.Start, unexpected.End, $"unexpected {unexpected.GetType().Name}");
        }

        if (anchor is not null)
        {
            anchors[anchor] = node;
        }

        return node;
    }

    /// <summary>The mark one character after <paramref name="mark"/>: a flow '[' or '{' is reported with an empty span otherwise.</summary>
    private static Mark NextMark(Mark mark) => new(mark.Index + 1, mark.Line, mark.Column + 1);

    public static LocationInfo Location(string path, YamlNode node) => new(path, node.Span, node.LineSpan);

    /// <summary>
    /// Where a YAML error is. Placed by character index, clamped to the text, because an error at
    /// the end of the input is marked on the line after the last one, which does not exist.
    /// </summary>
    private static LocationInfo ErrorLocation(string path, string text, Mark start, Mark end)
    {
        var from = (int)Math.Min(Math.Max(0, start.Index), text.Length);
        var span = TextSpan.FromBounds(from, (int)Math.Min(Math.Max(from, end.Index), text.Length));
        return new(path, span, LinePositionSpan.Of(text, span));
    }

    private static TextSpan Span(Mark start, Mark end)
    {
        var from = (int)Math.Max(0, start.Index);
        return new TextSpan(from, (int)Math.Max(0, end.Index - from));
    }

    // YamlDotNet marks are 1-based; Roslyn positions are 0-based. An empty mark (line 0) means
    // "unknown", which we place at the start of the file rather than nowhere.
    private static LinePositionSpan LineSpan(Mark start, Mark end)
    {
        var from = Position(start);
        var to = Position(end);
        return new LinePositionSpan(from, to < from ? from : to);
    }

    private static LinePosition Position(Mark mark) =>
        new((int)Math.Max(0, mark.Line - 1), (int)Math.Max(0, mark.Column - 1));

    // YamlDotNet prefixes messages with "(Line: 3, Col: 5, Idx: 20) - (…): "; the diagnostic
    // already carries the position, so keep only the explanation.
    private static string Describe(YamlException ex)
    {
        var message = ex.Message;
        var separator = message.IndexOf("): ", StringComparison.Ordinal);
        return separator >= 0 && message.StartsWith("(Line:", StringComparison.Ordinal)
            ? message.Substring(separator + 3)
            : message;
    }
}
