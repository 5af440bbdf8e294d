using System.Globalization;
using System.Text;
using System.Text.Json;

namespace HappyHorse.Emulator.Validation;

/// <summary>How messages quote values and state bounds.</summary>
internal static class ValueText
{
    /// <summary>How much of a value a message quotes: enough to recognise it, never a whole hostile body.</summary>
    private const int MaxQuoted = 200;

    /// <summary>A value as JSON writes it (a string in quotes), cut after <see cref="MaxQuoted"/> characters.</summary>
    public static string Of(JsonElement value) =>
        value.ValueKind == JsonValueKind.String ? Quote(JsonBody.ReadString(value)) : Cut(value.GetRawText());

    /// <summary>
    /// A string in quotes with JSON's escapes for quotes, backslashes and control characters, and <c>\uXXXX</c> for an
    /// unpaired surrogate (which no response could carry otherwise); cut after <see cref="MaxQuoted"/> characters.
    /// </summary>
    public static string Quote(string text)
    {
        var cut = Cut(text);
        var quoted = new StringBuilder(cut.Length + 2).Append('"');
        for (var i = 0; i < cut.Length; i++)
        {
            var c = cut[i];
            if (char.IsHighSurrogate(c) && i + 1 < cut.Length && char.IsLowSurrogate(cut[i + 1]))
            {
                quoted.Append(c).Append(cut[++i]);
                continue;
            }

            _ = c switch
            {
                '"' => quoted.Append("\\\""),
                '\\' => quoted.Append(@"\\"),
                '\n' => quoted.Append(@"\n"),
                '\r' => quoted.Append(@"\r"),
                '\t' => quoted.Append(@"\t"),
                _ when c < ' ' || char.IsSurrogate(c) => quoted.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}"),
                _ => quoted.Append(c),
            };
        }

        return quoted.Append('"').ToString();
    }

    /// <summary>Writes each unpaired surrogate of a message as a <c>\uXXXX</c> escape, so the message can be sent.</summary>
    public static string Printable(string message)
    {
        var index = ContractFirst.Runtime.Validate.IndexOfUnpairedSurrogate(message);
        if (index < 0)
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 8);
        text.Append(message, 0, index);
        for (var i = index; i < message.Length; i++)
        {
            var c = message[i];
            if (char.IsHighSurrogate(c) && i + 1 < message.Length && char.IsLowSurrogate(message[i + 1]))
            {
                text.Append(c).Append(message[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }

    /// <summary>A number bound as the contract states it: <c>3</c>, <c>0.5</c>.</summary>
    public static string Number(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);

    /// <summary>The allowed numbers of a field with <c>values</c>, as the contract lists them: <c>5, 10</c>, <c>0.25, 0.5, 1</c>.</summary>
    public static string List(IEnumerable<decimal> values) => string.Join(", ", values.Select(v => v.ToString(CultureInfo.InvariantCulture)));

    public static string Bounds(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"between {Number(lo)} and {Number(hi)}",
        ({ } lo, null) => $"at least {Number(lo)}",
        (null, { } hi) => $"at most {Number(hi)}",
        _ => "in range",
    };

    /// <summary>An array's bounds; a minimum of 0 says nothing, so it is left out.</summary>
    public static string ItemBounds(int? min, int? max) => (min > 0 ? min : null, max) switch
    {
        ({ } lo, { } hi) when lo == hi => $"exactly {Items(hi)}",
        ({ } lo, { } hi) => $"between {lo} and {Items(hi)}",
        (null, { } hi) => $"at most {Items(hi)}",
        ({ } lo, null) => $"at least {Items(lo)}",
        _ => "any number of items",
    };

    public static string LengthBounds(int? min, int? max) => (min, max) switch
    {
        ({ } lo, { } hi) when lo == hi => $"exactly {Characters(hi)}",
        ({ } lo, { } hi) => $"between {lo} and {Characters(hi)}",
        ({ } lo, null) => $"at least {Characters(lo)}",
        _ => $"at most {Characters(max ?? 0)}",
    };

    private static string Items(int count) => count == 1 ? "1 item" : $"{count} items";

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count} characters";

    /// <summary>The text cut after <see cref="MaxQuoted"/> characters (never between the halves of a surrogate pair), marked with an ellipsis.</summary>
    private static string Cut(string text)
    {
        if (text.Length <= MaxQuoted)
        {
            return text;
        }

        var end = char.IsHighSurrogate(text[MaxQuoted - 1]) ? MaxQuoted - 1 : MaxQuoted;
        return string.Concat(text.AsSpan(0, end), "…");
    }
}
