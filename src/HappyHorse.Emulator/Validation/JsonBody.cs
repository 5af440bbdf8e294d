using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace HappyHorse.Emulator.Validation;

/// <summary>
/// Reads a request body into a <see cref="JsonElement"/> once it is known to be readable all the way down: valid
/// UTF-8, well-formed JSON (no comments, trailing commas or single quotes, as a JSON API has it), at most
/// <see cref="MaxDepth"/> levels deep, no property twice in an object and every property name well-formed UTF-16.
/// Anything else is one sentence saying what is wrong, never an exception.
/// </summary>
internal static class JsonBody
{
    /// <summary>How deep a body may nest; System.Text.Json's own default.</summary>
    public const int MaxDepth = 64;

    public const string PropertyNameNotWellFormed = "A property name of the body is not well-formed UTF-16 (it has an unpaired surrogate).";

    /// <summary>Reads a body.</summary>
    /// <param name="utf8">The body as sent; a leading byte order mark is skipped.</param>
    /// <param name="root">The body's value, which needs no disposing.</param>
    /// <param name="error">Why the body cannot be read; null when it can.</param>
    /// <returns>Whether the body could be read.</returns>
    public static bool TryRead(ReadOnlySpan<byte> utf8, out JsonElement root, [NotNullWhen(false)] out string? error)
    {
        root = default;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            utf8 = utf8[3..];
        }

        error = utf8.TrimStart(" \t\r\n"u8).IsEmpty ? "The body is empty; send a JSON object." : Check(utf8);
        if (error is not null)
        {
            return false;
        }

        // Checked above, so this cannot throw; ParseValue copies the body and needs no disposing.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth });
        root = JsonElement.ParseValue(ref reader);
        return true;
    }

    /// <summary>
    /// The text a JSON string holds, unpaired surrogates included: System.Text.Json refuses to read an escaped one
    /// (<c>"\ud800"</c>), but a message must be able to say where it is.
    /// </summary>
    public static string ReadString(JsonElement value)
    {
        try
        {
            return value.GetString() ?? "";
        }
        catch (InvalidOperationException)
        {
            var raw = value.GetRawText();
            return Unescape(raw.AsSpan(1, raw.Length - 2));
        }
    }

    /// <summary>Whether a value is a JSON string; <paramref name="text"/> is then what it holds.</summary>
    public static bool TryReadString(JsonElement value, [NotNullWhen(true)] out string? text)
    {
        text = value.ValueKind == JsonValueKind.String ? ReadString(value) : null;
        return text is not null;
    }

    /// <summary>The first reason the body cannot be read, found in one pass of a reader; null when there is none.</summary>
    private static string? Check(ReadOnlySpan<byte> utf8)
    {
        // One level more than allowed, so that a body one level too deep is named as such, not as a parse error.
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = MaxDepth + 1 });

        // The names seen in each open object (null for an array, or an object without properties yet).
        var open = new List<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (reader.CurrentDepth >= MaxDepth)
                        {
                            return $"The body nests deeper than {MaxDepth} levels.";
                        }

                        open.Add(null);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        open.RemoveAt(open.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (!Utf8.IsValid(reader.ValueSpan))
                        {
                            return NotUtf8(reader);
                        }

                        string name;
                        try
                        {
                            name = reader.GetString()!;
                        }
                        catch (InvalidOperationException)
                        {
                            return PropertyNameNotWellFormed;
                        }

                        if (!(open[^1] ??= new HashSet<string>(StringComparer.Ordinal)).Add(name))
                        {
                            return $"The body is not valid JSON: an object has the property {ValueText.Quote(name)} twice.";
                        }

                        break;
                    case JsonTokenType.String when !Utf8.IsValid(reader.ValueSpan):
                        return NotUtf8(reader);
                }
            }

            return null;
        }
        catch (JsonException ex)
        {
            return "The body is not valid JSON: " + ex.Message;
        }
    }

    // The reader only checks the bytes of a string when it is read as text; a body that is not UTF-8 is not JSON.
    private static string NotUtf8(in Utf8JsonReader reader) =>
        string.Create(CultureInfo.InvariantCulture, $"The body is not valid UTF-8 (a string ending at byte {reader.BytesConsumed}).");

    /// <summary>Unescapes a JSON string the reader has already checked, keeping unpaired surrogates as they were sent.</summary>
    private static string Unescape(ReadOnlySpan<char> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf('\\');
            if (backslash < 0)
            {
                text.Append(raw);
                break;
            }

            text.Append(raw[..backslash]);
            var escape = raw[backslash + 1];
            if (escape == 'u')
            {
                text.Append((char)int.Parse(raw.Slice(backslash + 2, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                raw = raw[(backslash + 6)..];
                continue;
            }

            text.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape, // '"', '\\' and '/'
            });
            raw = raw[(backslash + 2)..];
        }

        return text.ToString();
    }
}
