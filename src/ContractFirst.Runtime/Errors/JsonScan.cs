using System.Buffers;
using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// Reads what it can from a body that may be broken, hostile or not JSON at all: never throws,
/// never trusts a length, and decodes invalid UTF-8 with replacement characters instead of failing.
/// </summary>
internal static class JsonScan
{
    private const int MaxPartialFields = 16;
    private const int MaxValueLength = 256;

    /// <summary>The value of each dotted path (first occurrence), or null where absent; stops quietly at the first syntax error.</summary>
    public static string?[] FindPaths(ReadOnlySpan<byte> body, string[][] paths)
    {
        var found = new string?[paths.Length];
        var stack = new List<string?>();
        string? pendingName = null;
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip });
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = Text(ref reader);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        // The root is ""; an array, or an object inside one, is null, so no path through an array matches.
                        stack.Add(reader.TokenType == JsonTokenType.StartArray ? null : stack.Count == 0 ? "" : pendingName);
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        stack.RemoveAt(stack.Count - 1);
                        break;
                    case JsonTokenType.String or JsonTokenType.Number when pendingName is not null:
                        for (var i = 0; i < paths.Length; i++)
                        {
                            if (found[i] is null && Matches(stack, pendingName, paths[i]))
                            {
                                found[i] = Text(ref reader);
                            }
                        }

                        pendingName = null;
                        break;
                    default:
                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A broken body still yields what came before the break.
        }

        return found;
    }

    /// <summary>The top-level text, number and boolean fields of an object, read up to the first syntax error.</summary>
    public static IReadOnlyDictionary<string, string> TopLevelScalars(ReadOnlySpan<byte> body, string? secret)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(ContractJson.SkipBom(body));
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return fields;
            }

            while (fields.Count < MaxPartialFields && reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = Cut(Redaction.Scrub(Text(ref reader), secret)!);
                if (!reader.Read())
                {
                    break;
                }

                if (reader.TokenType is JsonTokenType.String or JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False)
                {
                    fields.TryAdd(name, Cut(Redaction.Scrub(Text(ref reader), secret)!));
                }
                else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                {
                    reader.Skip();
                }
            }
        }
        catch (JsonException)
        {
            // Keep what came before the break.
        }

        return fields;
    }

    /// <summary>The token as text: strings unescaped, invalid UTF-8 and lone surrogates replaced rather than thrown on.</summary>
    public static string Text(ref Utf8JsonReader reader)
    {
        if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName)
        {
            try
            {
                return reader.GetString() ?? "";
            }
            catch (InvalidOperationException)
            {
                return JsonRead.DecodeLeniently(ref reader);
            }
        }

        // Numbers and literals are ASCII.
        return reader.HasValueSequence
            ? Encoding.UTF8.GetString(reader.ValueSequence.ToArray())
            : Encoding.UTF8.GetString(reader.ValueSpan);
    }

    private static string Cut(string value) => ErrorBodyFormat.Cut(value, MaxValueLength)!;

    private static bool Matches(List<string?> stack, string name, string[] path)
    {
        // The stack holds the root (""), then one name per enclosing object.
        if (stack.Count != path.Length || stack[0] != "")
        {
            return false;
        }

        for (var i = 1; i < stack.Count; i++)
        {
            if (!string.Equals(stack[i], path[i - 1], StringComparison.Ordinal))
            {
                return false;
            }
        }

        return string.Equals(name, path[^1], StringComparison.Ordinal);
    }
}
