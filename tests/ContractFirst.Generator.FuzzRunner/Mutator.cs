using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ContractFirst.Generator.FuzzRunner;

/// <summary>One random edit of a contract: what kind, a readable description, and the edited text.</summary>
public sealed record Mutation(int Seed, string Kind, string Description, string Text);

/// <summary>
/// Deterministic random edits of a contract: mutation <c>n</c> is always the same edit of the same
/// text, so a failure is reproduced by its number alone (<c>--from n --count 1</c>).
/// </summary>
public static partial class Mutator
{
    public static readonly string[] Kinds =
    [
        "delete line", "duplicate line", "re-indent", "swap characters", "truncate", "insert token", "insert key",
        "replace value", "unicode", "tabs", "long string", "deep nesting", "rename to generated member", "rename to keyword",
        "yaml escape", "several",
    ];

    /// <summary>Names the generator itself gives members of the types it emits, in the spellings a contract may reach them.</summary>
    private static readonly string[] s_memberNames =
    [
        "Equals", "GetHashCode", "ToString", "GetType", "Value", "IsKnown", "KnownValues", "Default", "AllowedValues", "Read",
        "ReadIssues", "IsFinished", "HasSucceeded", "HasFailed", "FailureReason", "WriteJson", "WriteJsonProperties", "FromJson",
        "ReadJson", "Validate", "Action", "Endpoint", "Dispose", "WaitForTaskAsync", "FromEnvironment", "TokenEnvironmentVariable",
        "DefaultEndpoint", "Currency", "RatePerSecond", "Estimate", "Assume", "TaskId", "Record", "BodyFormat", "Create",
        "TaskFailed", "HappyHorseTaskFailedException", "HappyHorseErrors", "HappyHorseException", "HappyHorseClient", "HappyHorseClientOptions",
        "HappyHorsePricing", "IVideosRequest", "VideosResponse", "GenerateRequest", "GenerateModel", "System", "ContractFirst",
        "is_known", "known_values", "read_issues", "is_finished", "has_failed", "has_succeeded", "failure_reason", "to_string",
        "get_hash_code", "write_json", "from_json", "read_json", "allowed_values", "value", "default", "equals", "read", "validate",
        "cancellation_token", "request", "reader", "writer", "context", "path", "token", "options", "http_client", "submitted",
        "task_id", "progress", "timeout", "polling_interval", "model_value", "i", "item", "text", "_value", "_transport", "_options",
        "1abc", "9", "_", "__", "a-b", "A.B", "ÉTat", "x\u0301", "Δ", "Ⅻ", "٣abc",
    ];

    private static readonly string[] s_keywords =
    [
        "class", "int", "string", "namespace", "default", "event", "object", "operator", "this", "base", "true", "false", "null",
        "new", "return", "void", "static", "public", "params", "ref", "out", "in", "is", "as", "lock", "fixed", "checked",
        "var", "dynamic", "value", "get", "set", "init", "record", "required", "nameof", "global", "async", "await", "yield",
        "Class", "Int", "String", "Object", "Namespace", "Default", "Event", "Base", "This", "@class", "__arglist", "__makeref",
    ];

    /// <summary>Words of the real contract that become C# names: enums and their values, models, fields, actions, methods, exceptions.</summary>
    private static readonly string[] s_contractNames =
    [
        "P720", "P1080", "Landscape16x9", "Portrait9x16", "Square1x1", "auto", "Auto", "origin", "Origin", "pending", "Pending",
        "succeeded", "Succeeded", "error", "Error", "Resolution", "Ratio", "AudioSetting", "VideoState", "VideosResponse",
        "ErrorDetail", "VideoResult", "TaskRequest", "TaskRecord", "TaskBatch", "prompt", "image_url", "image_urls", "video_url",
        "resolution", "ratio", "duration", "watermark", "audio_setting", "seed", "callback_url", "async", "generate",
        "image_to_video", "reference_to_video", "video_edit", "retrieve", "retrieve_batch", "GetTask", "GetTasks", "BadRequest",
        "Authentication", "InsufficientBalance", "ContentRejected", "RateLimited", "ServerError", "HappyHorse1_1", "HappyHorse1_0",
        "success", "task_id", "trace_id", "data", "code", "message", "id", "ids", "state", "items", "count", "finished_at",
        "started_at", "created_at", "elapsed", "request", "response", "type", "model", "action", "videos", "tasks", "HappyHorse",
    ];

    private static readonly string[] s_tokens =
    [
        ":", "-", "- ", "[", "]", "{", "}", ",", "&a ", "*a", "*b", "!!str ", "!!map ", "!!seq ", "!custom ", "|", ">", "'", "\"", "#",
        "\n---\n", "\n...\n", "? ", "%YAML 1.2\n", "@", "`", ": ", "\n", "\\", "&anchor [1]", "<<: *a", "~", "null", "''", "\"\"",
    ];

    private static readonly string[] s_keys =
    [
        "contract", "api", "name", "title", "description", "base_url", "auth", "scheme", "token_env", "enums", "values", "value",
        "endpoints", "path", "kind", "timeout_seconds", "discriminator", "default_action", "model_field", "response", "fields",
        "shared", "actions", "method", "models", "default_model", "required", "type", "items", "min", "max", "min_items",
        "max_items", "nullable", "polling", "action", "task_id", "finished_when", "succeeded_when", "failed_when", "field",
        "all", "any", "is", "present", "errors", "body", "code", "message", "trace_id", "cases", "status", "codes", "exception",
        "retryable", "resend_safe", "billing", "endpoint", "currency", "rate_field", "rates", "duration_field", "assume",
        "input_plus_output", "id", "requried", "x", "1abc", "ReadIssues", "Value", "default", "min_length", "max_length", "pattern",
        "values", "objects", "rules", "exactly_one_of", "at_least_one_of", "requires", "forbids", "when", "then", "forbidden", "in",
        "prices", "unit", "quantity", "rate",
    ];

    private static readonly string[] s_values =
    [
        "", "0", "-1", "1", "3", "15", "2147483648", "9223372036854775808", "1e400", "-1e400", "0.5", "NaN", ".inf", "-.inf", "1_000",
        "0x10", "true", "false", "yes", "null", "~", "string", "url", "integer", "number", "boolean", "timestamp", "array",
        "Resolution", "Ratio", "VideoState", "VideosResponse", "TaskRecord", "required", "optional", "submit", "read",
        "[]", "{}", "[a, b]", "{ a: b }", "tasks.retrieve", "videos.generate", "response.data[].state", "finished_at",
        "\"quoted \\\" value\"", "'single ''quoted'''", "http://x", "/path", "a\"b", "a\\b", "<xml>&amp;", "*/ /*", "\"\"\"",
        "{0}", "$\"{x}\"", "\\u0041", "#not a comment", "- item", "'^\\d+:\\d+$'", "'(?i)a'", "\"[a-\"", "'^[A-Z0-9]+$'",
        "'\\p{L}'", "[5, 10]", "[0.5, 1]", "[1, 1]", "\"😀😀\"", "[prompt, ratio]", "[prompt, prompt]", "{ field: model, is: happyhorse-1.1-t2v }",
        "{ field: duration, in: [5, 10] }", "{ required: [ratio], fields: { duration: { max: 5 } } }", "[{ exactly_one_of: [ratio, duration] }]",
        "{ Camera: { fields: { zoom: { type: number } } } }", "Camera",
        "second", "item", "request", "720P", "1080P", "{ rate: 0.1 }", "{ resolution: 720P, rate: 0.2 }",
        "{ model: happyhorse-1.0-t2v, rate: 0.3 }", "[video_edit]", "[generate]",
    ];

    private static readonly string[] s_unicode =
    [
        "\u2028", "\u2029", "\u0085", "\uD800", "\uDC00", "\uDBFF", "\u0000", "\u0001", "\u0008", "\u001B", "\u007F", "\u009F",
        "\uFEFF", "\u200B", "\u200E", "\u202E", "\uFFFE", "\uFFFF", "😀", "é", "\u0301", "\t", "\r", "\r\n", "\v", "\f", "ß", "İ",
    ];

    private static readonly string[] s_escapes =
    [
        "\\u2028", "\\u2029", "\\N", "\\L", "\\P", "\\_", "\\uD800", "\\uDC00", "\\x01", "\\0", "\\e", "\\x7F", "\\U0001F600",
        "\\t", "\\r", "\\n", "\\\"", "\\\\", "\\uFFFF", "\\x85",
    ];

    public static Mutation Create(string original, int seed)
    {
        var random = new Random(seed);
        var kind = Kinds[seed % Kinds.Length];
        var (description, text) = Apply(original, kind, random);
        return new Mutation(seed, kind, description, text);
    }

    private static (string Description, string Text) Apply(string text, string kind, Random random)
    {
        var lines = text.Split('\n').ToList();
        var line = random.Next(lines.Count);
        switch (kind)
        {
            case "delete line":
                lines.RemoveAt(line);
                return ($"line {line + 1} deleted", string.Join('\n', lines));
            case "duplicate line":
                lines.Insert(line, lines[line]);
                return ($"line {line + 1} duplicated", string.Join('\n', lines));
            case "re-indent":
            {
                var delta = random.Next(-4, 5);
                var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
                var newIndent = Math.Max(0, indent + (delta == 0 ? 1 : delta));
                lines[line] = new string(' ', newIndent) + lines[line].TrimStart(' ');
                return ($"line {line + 1} re-indented to {newIndent}", string.Join('\n', lines));
            }

            case "swap characters":
            {
                var at = random.Next(text.Length - 1);
                return ($"characters {at} and {at + 1} swapped", text[..at] + text[at + 1] + text[at] + text[(at + 2)..]);
            }

            case "truncate":
            {
                var at = random.Next(text.Length);
                return ($"truncated at {at}", text[..at]);
            }

            case "insert token":
            {
                var token = Pick(random, s_tokens);
                var at = random.Next(text.Length + 1);
                return ($"'{Show(token)}' inserted at {at}", text[..at] + token + text[at..]);
            }

            case "insert key":
            {
                var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
                var added = new string(' ', indent) + Pick(random, s_keys) + ": " + Pick(random, s_values);
                lines.Insert(line, added);
                return ($"'{Show(added)}' inserted before line {line + 1}", string.Join('\n', lines));
            }

            case "replace value":
            {
                var candidates = ValueLines(lines);
                var target = candidates.Count == 0 ? line : candidates[random.Next(candidates.Count)];
                var colon = lines[target].IndexOf(": ", StringComparison.Ordinal);
                var value = Pick(random, s_values);
                lines[target] = (colon < 0 ? lines[target] : lines[target][..(colon + 2)]) + value;
                return ($"value of line {target + 1} replaced with '{Show(value)}'", string.Join('\n', lines));
            }

            case "unicode":
            {
                var character = Pick(random, s_unicode);
                var at = DescriptionPosition(text, random) ?? random.Next(text.Length + 1);
                return ($"U+{Show(character)} inserted at {at}", text[..at] + character + text[at..]);
            }

            case "tabs":
            {
                var indent = lines[line].Length - lines[line].TrimStart(' ').Length;
                lines[line] = random.Next(2) == 0
                    ? new string('\t', Math.Max(1, indent / 2)) + lines[line].TrimStart(' ')
                    : lines[line].Replace(": ", ":\t", StringComparison.Ordinal);
                return ($"tabs on line {line + 1}", string.Join('\n', lines));
            }

            case "long string":
            {
                var length = random.Next(4) switch { 0 => 100, 1 => 1_000, 2 => 10_000, _ => 100_000 };
                var filler = new string((char)('a' + random.Next(26)), length);
                var candidates = ValueLines(lines);
                var target = candidates.Count == 0 ? line : candidates[random.Next(candidates.Count)];
                lines[target] += random.Next(2) == 0 ? filler : " " + filler;
                return ($"{length} characters appended to line {target + 1}", string.Join('\n', lines));
            }

            case "deep nesting":
            {
                var depth = random.Next(6) switch { 0 => 63, 1 => 65, 2 => 200, 3 => 5_000, 4 => 20_000, _ => 100_000 };
                var style = random.Next(4);
                var nested = style switch
                {
                    0 => new string('[', depth),
                    1 => new string('[', depth) + new string(']', depth),
                    2 => string.Concat(Enumerable.Repeat("{a: ", depth)) + "1" + new string('}', depth),
                    _ => BlockNesting(Math.Min(depth, 2_000)),
                };
                var candidates = ValueLines(lines);
                var target = candidates.Count == 0 ? line : candidates[random.Next(candidates.Count)];
                var colon = lines[target].IndexOf(": ", StringComparison.Ordinal);
                lines[target] = (colon < 0 ? lines[target] + ": " : lines[target][..(colon + 2)]) + (style == 3 ? "\n" : "") + nested;
                return ($"value of line {target + 1} nested {depth} levels deep (style {style})", string.Join('\n', lines));
            }

            case "rename to generated member":
            case "rename to keyword":
            {
                // Mostly a name the generator turns into C# (so the contract may stay valid), else any word.
                var names = Identifier().Matches(text).Select(m => m.Value).Distinct().ToList();
                var named = s_contractNames.Where(n => names.Contains(n)).ToList();
                var from = named.Count > 0 && random.Next(4) > 0 ? named[random.Next(named.Count)] : names[random.Next(names.Count)];
                var to = Pick(random, kind == "rename to keyword" ? s_keywords : s_memberNames);
                if (random.Next(2) == 0)
                {
                    // Every occurrence, so references stay consistent and the contract may still be valid.
                    var renamed = Regex.Replace(text, $@"(?<![A-Za-z0-9_]){Regex.Escape(from)}(?![A-Za-z0-9_])", to.Replace("$", "$$", StringComparison.Ordinal));
                    return ($"every '{from}' renamed to '{Show(to)}'", renamed);
                }

                var occurrences = Regex.Matches(text, $@"(?<![A-Za-z0-9_]){Regex.Escape(from)}(?![A-Za-z0-9_])");
                var occurrence = occurrences[random.Next(occurrences.Count)];
                return ($"'{from}' at {occurrence.Index} renamed to '{Show(to)}'", text[..occurrence.Index] + to + text[(occurrence.Index + occurrence.Length)..]);
            }

            case "yaml escape":
            {
                var escape = Pick(random, s_escapes);
                var candidates = lines.Select((l, i) => (l, i)).Where(p => p.l.TrimStart().StartsWith("description:", StringComparison.Ordinal)
                    || p.l.TrimStart().StartsWith("title:", StringComparison.Ordinal) || p.l.TrimStart().StartsWith("- { value:", StringComparison.Ordinal)
                    || p.l.TrimStart().StartsWith("currency:", StringComparison.Ordinal)).Select(p => p.i).ToList();
                var target = candidates.Count == 0 ? line : candidates[random.Next(candidates.Count)];
                var colon = lines[target].IndexOf(": ", StringComparison.Ordinal);
                var prefix = colon < 0 ? lines[target] + ": " : lines[target][..(colon + 2)];
                lines[target] = prefix + "\"text " + escape + " end\"" + (lines[target].TrimStart().StartsWith('-') ? " }" : "");
                return ($"line {target + 1} set to a double-quoted scalar with '{escape}'", string.Join('\n', lines));
            }

            default:
            {
                var count = random.Next(2, 4);
                var parts = new List<string>();
                for (var i = 0; i < count; i++)
                {
                    var inner = Kinds[random.Next(Kinds.Length - 1)];
                    if (inner is "long string" or "deep nesting")
                    {
                        inner = "replace value";
                    }

                    (var description, text) = Apply(text, inner, random);
                    parts.Add(inner + ": " + description);
                }

                return (string.Join("; ", parts), text);
            }
        }
    }

    private static string BlockNesting(int depth)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < depth; i++)
        {
            builder.Append(' ', 2 * (i + 1)).Append("k: ").Append('\n');
        }

        return builder.Append(' ', 2 * (depth + 1)).Append("leaf").ToString();
    }

    private static List<int> ValueLines(List<string> lines) =>
        lines.Select((l, i) => (l, i)).Where(p => p.l.Contains(": ", StringComparison.Ordinal) && !p.l.TrimStart().StartsWith('#')).Select(p => p.i).ToList();

    private static int? DescriptionPosition(string text, Random random)
    {
        if (random.Next(3) == 0)
        {
            return null;
        }

        var matches = Regex.Matches(text, "description: ");
        if (matches.Count == 0)
        {
            return null;
        }

        var match = matches[random.Next(matches.Count)];
        var end = text.IndexOf('\n', match.Index);
        var start = match.Index + match.Length;
        return end <= start ? start : random.Next(start, end);
    }

    private static T Pick<T>(Random random, T[] items) => items[random.Next(items.Length)];

    /// <summary>Text for a one-line description: control characters, line breaks and surrogates as code points.</summary>
    public static string Show(string value, int max = 60)
    {
        var builder = new StringBuilder();
        foreach (var c in value.Length > max ? value[..max] + "…" : value)
        {
            if (c < 0x20 || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' || char.IsSurrogate(c) || c is '\uFEFF' or '\uFFFE' or '\uFFFF')
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    [GeneratedRegex("(?<![A-Za-z0-9_])[A-Za-z_][A-Za-z0-9_]*(?![A-Za-z0-9_])")]
    private static partial Regex Identifier();
}
