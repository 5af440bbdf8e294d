using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// Tolerant, lossless token readers for generated <c>ReadJson</c> code.
/// </summary>
/// <remarks>
/// <para>
/// Each reader expects the reader to be positioned on the value's first token and leaves it on the
/// value's last one (a value that is an object or array is skipped whole). A value of the expected
/// JSON type is read as it is. A value of another type is converted only when nothing is lost
/// (<c>5.0</c>, <c>5e0</c> or <c>"5"</c> for an integer, <c>123</c> for a string, an ISO-8601 string
/// for a timestamp); anything else is reported to the <see cref="JsonReadContext"/> (which throws when
/// strict) and read as <see langword="null"/>. JSON <c>null</c> reads as <see langword="null"/> without
/// an issue; generated code calls <see cref="NullNotAllowed"/> first where the contract forbids it.
/// </para>
/// <para>
/// <c>path</c> (for example <c>VideoResult.duration</c>) only appears in issues, so the success path
/// allocates nothing beyond a returned string. Strings are scrubbed of <see cref="JsonReadContext.Secret"/>.
/// </para>
/// </remarks>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Generated readers call JsonRead.Int32(...) and friends: the type is the point of each name.")]
public static class JsonRead
{
    private static readonly double MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly double MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    private enum Integral
    {
        Ok,
        NotANumber,
        Fractional,
        OutOfRange,
    }

    /// <summary>Checks that the reader is on the start of an object: the root of a document.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">The type being read, for the error message.</param>
    /// <exception cref="JsonException">The token is not <see cref="JsonTokenType.StartObject"/>, in any mode.</exception>
    public static void StartObject(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException($"{path}: expected an object but found {Describe(r.TokenType)}");
        }
    }

    /// <summary>Whether the reader is on the start of an object nested in a field or array.</summary>
    /// <param name="r">The reader, positioned on the value; left on its last token when the answer is no.</param>
    /// <param name="context">Where an issue goes.</param>
    /// <param name="path">The field, for the issue.</param>
    /// <returns>True on <see cref="JsonTokenType.StartObject"/>; false on null (no issue) or another value (an issue).</returns>
    /// <exception cref="JsonException">Strict mode, and the value is neither an object nor null.</exception>
    public static bool TryStartObject(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (r.TokenType == JsonTokenType.StartObject)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.Null)
        {
            Mismatch(ref r, context, path, "an object");
        }

        return false;
    }

    /// <summary>Whether the reader is on the start of an array.</summary>
    /// <param name="r">The reader, positioned on the value; left on its last token when the answer is no.</param>
    /// <param name="context">Where an issue goes.</param>
    /// <param name="path">The field, for the issue.</param>
    /// <returns>True on <see cref="JsonTokenType.StartArray"/>; false on null (no issue) or another value (an issue).</returns>
    /// <exception cref="JsonException">Strict mode, and the value is neither an array nor null.</exception>
    public static bool TryStartArray(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (r.TokenType == JsonTokenType.StartArray)
        {
            return true;
        }

        if (r.TokenType != JsonTokenType.Null)
        {
            Mismatch(ref r, context, path, "an array");
        }

        return false;
    }

    /// <summary>A <c>null</c> where the contract requires a value: fine when tolerant, an error when strict.</summary>
    /// <param name="context">The context; nothing is recorded unless it is strict.</param>
    /// <param name="path">The field, for the error message.</param>
    /// <exception cref="JsonException">Strict mode.</exception>
    public static void NullNotAllowed(JsonReadContext context, string path)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Strict)
        {
            context.Report(path, "null is not allowed here", "null");
        }
    }

    /// <summary>
    /// Whether the property name the reader is on can be compared at all. A name with an escaped lone
    /// surrogate (<c>"\ud800"</c>) makes <see cref="Utf8JsonReader.ValueTextEquals(ReadOnlySpan{byte})"/>
    /// throw; such a name is no field of the contract, so generated code skips its value.
    /// </summary>
    /// <param name="r">The reader, on a property name whose <see cref="Utf8JsonReader.ValueIsEscaped"/> is true.</param>
    /// <returns>False when the name cannot be unescaped.</returns>
    public static bool IsReadableName(ref Utf8JsonReader r)
    {
        try
        {
            _ = r.GetString(); // escaped names are rare; this is off the common path
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Reads a string. A number becomes its JSON text (<c>123</c> → <c>"123"</c>), a boolean
    /// <c>"true"</c> or <c>"false"</c>; invalid UTF-8 is replaced with U+FFFD and reported.
    /// </summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness, the secret to scrub, where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The string, or null for null or a value that is not one.</returns>
    /// <exception cref="JsonException">Strict mode, and the value is an object, an array or invalid UTF-8.</exception>
    public static string? String(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return StringToken(ref r, context, path);
            case JsonTokenType.Number:
                return Redaction.Scrub(Ascii(ref r), context.Secret);
            case JsonTokenType.True:
                return "true";
            case JsonTokenType.False:
                return "false";
            case JsonTokenType.Null:
                return null;
            default:
                Mismatch(ref r, context, path, "a string");
                return null;
        }
    }

    /// <summary>Reads the JSON string of an enum value; a number becomes its JSON text.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness, the secret to scrub, where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The value's text, or null for null or a value that is neither a string nor a number.</returns>
    /// <exception cref="JsonException">Strict mode, and the value is a boolean, an object, an array or invalid UTF-8.</exception>
    public static string? EnumText(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.String:
                return StringToken(ref r, context, path);
            case JsonTokenType.Number:
                return Ascii(ref r);
            case JsonTokenType.Null:
                return null;
            default:
                Mismatch(ref r, context, path, "a string");
                return null;
        }
    }

    /// <summary>
    /// Reads an <see cref="int"/>: a JSON integer, an integral number (<c>5.0</c>, <c>5e0</c>), or a
    /// string holding one (<c>"42"</c>, <c>"5.0"</c>).
    /// </summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness and where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The number, or null for null or a value that is not one (fractional, out of range, another type).</returns>
    /// <exception cref="JsonException">Strict mode, and the value is not an integer that fits.</exception>
    public static int? Int32(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt32(out var value))
        {
            return value;
        }

        return Int32Slow(ref r, context, path);
    }

    /// <summary>Reads a <see cref="long"/>, converting as <see cref="Int32"/> does.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness and where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The number, or null for null or a value that is not one.</returns>
    /// <exception cref="JsonException">Strict mode, and the value is not an integer that fits.</exception>
    public static long? Int64(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetInt64(out var value))
        {
            return value;
        }

        return IntegralSlow(ref r, context, path, "a 64-bit integer");
    }

    /// <summary>Reads a finite <see cref="double"/>: a JSON number or a string holding one.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness and where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The number, or null for null or a value that is not a finite number.</returns>
    /// <exception cref="JsonException">Strict mode, and the value is not a finite number.</exception>
    public static double? Double(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetDouble(out var value) && double.IsFinite(value))
        {
            return value;
        }

        return DoubleSlow(ref r, context, path);
    }

    /// <summary>Reads <c>true</c> or <c>false</c>, or the strings <c>"true"</c> and <c>"false"</c> in any case.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness and where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The boolean, or null for null or a value that is not one.</returns>
    /// <exception cref="JsonException">Strict mode, and the value is not a boolean.</exception>
    public static bool? Boolean(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.String:
                var text = StringToken(ref r, context, path).Trim();
                if (text.Equals("true", StringComparison.OrdinalIgnoreCase))
                {
                    return true;
                }

                if (text.Equals("false", StringComparison.OrdinalIgnoreCase))
                {
                    return false;
                }

                context.Report(path, "expected a boolean but found a string that is not \"true\" or \"false\"", Raw(ref r, context));
                return null;
            default:
                Mismatch(ref r, context, path, "a boolean");
                return null;
        }
    }

    /// <summary>
    /// Reads a time: Unix seconds, possibly fractional (UTC, millisecond precision), as a number or a
    /// numeric string; or an ISO-8601 / RFC 3339 string (no offset means UTC), converted to UTC.
    /// </summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="context">Strictness and where issues go.</param>
    /// <param name="path">The field, for issues.</param>
    /// <returns>The time with a zero offset, or null for null or a value that is not a time in range.</returns>
    /// <exception cref="JsonException">Strict mode, and the value is not a time in the range of <see cref="DateTimeOffset"/>.</exception>
    public static DateTimeOffset? UnixSeconds(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (r.TokenType == JsonTokenType.Number && r.TryGetDouble(out var seconds) && TryFromUnixSeconds(seconds, out var time))
        {
            return time;
        }

        return UnixSecondsSlow(ref r, context, path);
    }

    // ---- slow paths: conversions and issues ----

    private static int? Int32Slow(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        if (IntegralSlow(ref r, context, path, "a 32-bit integer") is not { } value)
        {
            return null;
        }

        if (value is < int.MinValue or > int.MaxValue)
        {
            context.Report(path, "expected a 32-bit integer but found one out of range", Raw(ref r, context));
            return null;
        }

        return (int)value;
    }

    private static long? IntegralSlow(ref Utf8JsonReader r, JsonReadContext context, string path, string expected)
    {
        string text;
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                text = Ascii(ref r);
                break;
            case JsonTokenType.String:
                text = StringToken(ref r, context, path);
                break;
            default:
                Mismatch(ref r, context, path, "an integer");
                return null;
        }

        switch (ParseIntegral(text.AsSpan().Trim(), out var value))
        {
            case Integral.Ok:
                return value;
            case Integral.Fractional:
                context.Report(path, "expected an integer but found a fractional number", Raw(ref r, context));
                return null;
            case Integral.OutOfRange:
                context.Report(path, $"expected {expected} but found one out of range", Raw(ref r, context));
                return null;
            default:
                context.Report(path, "expected an integer but found a string that is not a number", Raw(ref r, context));
                return null;
        }
    }

    private static double? DoubleSlow(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                // Utf8JsonReader parses an overflowing number as infinity rather than failing.
                context.Report(path, "expected a number but found one too large for a double", Raw(ref r, context));
                return null;
            case JsonTokenType.String:
                var text = StringToken(ref r, context, path);
                if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    context.Report(path, "expected a number but found a string that is not one", Raw(ref r, context));
                    return null;
                }

                if (!double.IsFinite(value))
                {
                    context.Report(path, "expected a finite number", Raw(ref r, context));
                    return null;
                }

                return value;
            default:
                Mismatch(ref r, context, path, "a number");
                return null;
        }
    }

    private static DateTimeOffset? UnixSecondsSlow(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        const string outOfRange = "expected Unix seconds but found a time outside the range of DateTimeOffset";
        switch (r.TokenType)
        {
            case JsonTokenType.Null:
                return null;
            case JsonTokenType.Number:
                context.Report(path, outOfRange, Raw(ref r, context));
                return null;
            case JsonTokenType.String:
                var text = StringToken(ref r, context, path).Trim();
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
                {
                    if (TryFromUnixSeconds(seconds, out var time))
                    {
                        return time;
                    }

                    context.Report(path, outOfRange, Raw(ref r, context));
                    return null;
                }

                // ISO 8601 / RFC 3339 only: a year first, so "5/6/2024" and "May 6" are not guessed at.
                if (text.Length >= 10 && char.IsAsciiDigit(text[0]) && char.IsAsciiDigit(text[1]) && char.IsAsciiDigit(text[2])
                    && char.IsAsciiDigit(text[3]) && text[4] == '-'
                    && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var parsed))
                {
                    return parsed.ToUniversalTime();
                }

                context.Report(path, "expected Unix seconds or an ISO-8601 time but found a string that is neither", Raw(ref r, context));
                return null;
            default:
                Mismatch(ref r, context, path, "Unix seconds");
                return null;
        }
    }

    private static bool TryFromUnixSeconds(double seconds, out DateTimeOffset time)
    {
        var milliseconds = Math.Round(seconds * 1000);
        if (!(milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds))
        {
            time = default;
            return false;
        }

        time = DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
        return true;
    }

    /// <summary>
    /// Whether <paramref name="s"/> (JSON number syntax, leading zeros allowed) is an integer that fits
    /// in a <see cref="long"/>, decided on the digits, so <c>5.0000000000000000001</c> is fractional
    /// even though a double or decimal would round it to 5.
    /// </summary>
    private static Integral ParseIntegral(ReadOnlySpan<char> s, out long value)
    {
        value = 0;
        var i = 0;
        var negative = i < s.Length && s[i] == '-';
        if (negative)
        {
            i++;
        }

        var intStart = i;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var intDigits = s[intStart..i];
        if (intDigits.IsEmpty)
        {
            return Integral.NotANumber;
        }

        var fracDigits = ReadOnlySpan<char>.Empty;
        if (i < s.Length && s[i] == '.')
        {
            var fracStart = ++i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            fracDigits = s[fracStart..i];
            if (fracDigits.IsEmpty)
            {
                return Integral.NotANumber;
            }
        }

        long exponent = 0;
        if (i < s.Length && (s[i] == 'e' || s[i] == 'E'))
        {
            i++;
            var negativeExponent = i < s.Length && s[i] == '-';
            if (i < s.Length && (s[i] == '-' || s[i] == '+'))
            {
                i++;
            }

            var expStart = i;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                exponent = Math.Min((exponent * 10) + (s[i] - '0'), 1_000_000);
                i++;
            }

            if (i == expStart)
            {
                return Integral.NotANumber;
            }

            exponent = negativeExponent ? -exponent : exponent;
        }

        if (i != s.Length)
        {
            return Integral.NotANumber;
        }

        // The digits are intDigits + fracDigits; the decimal point sits after `point` of them.
        var count = intDigits.Length + fracDigits.Length;
        var point = intDigits.Length + exponent;
        for (var k = Math.Max(point, 0); k < count; k++)
        {
            if (Digit(intDigits, fracDigits, (int)k) != 0)
            {
                return Integral.Fractional;
            }
        }

        ulong magnitude = 0;
        var whole = Math.Min(point, count);
        for (var k = 0; k < whole; k++)
        {
            if (magnitude > 922_337_203_685_477_580UL)
            {
                return Integral.OutOfRange;
            }

            magnitude = (magnitude * 10) + (ulong)Digit(intDigits, fracDigits, k);
        }

        for (var k = count; k < point && magnitude != 0; k++)
        {
            if (magnitude > 922_337_203_685_477_580UL)
            {
                return Integral.OutOfRange;
            }

            magnitude *= 10;
        }

        var limit = negative ? (ulong)long.MaxValue + 1 : long.MaxValue;
        if (magnitude > limit)
        {
            return Integral.OutOfRange;
        }

        value = negative ? (long)(0 - magnitude) : (long)magnitude;
        return Integral.Ok;
    }

    private static int Digit(ReadOnlySpan<char> intDigits, ReadOnlySpan<char> fracDigits, int k) =>
        (k < intDigits.Length ? intDigits[k] : fracDigits[k - intDigits.Length]) - '0';

    /// <summary>A string token's text; invalid UTF-8 or a lone surrogate escape is replaced with U+FFFD and reported.</summary>
    private static string StringToken(ref Utf8JsonReader r, JsonReadContext context, string path)
    {
        string value;
        try
        {
            value = r.GetString()!;
        }
        catch (InvalidOperationException)
        {
            value = DecodeLeniently(ref r);
            context.Report(path, "invalid UTF-8 replaced with U+FFFD", Raw(ref r, context));
        }

        return Redaction.Scrub(value, context.Secret)!;
    }

    /// <summary>Unescapes a string token, replacing invalid UTF-8 and lone surrogates with U+FFFD.</summary>
    internal static string DecodeLeniently(ref Utf8JsonReader r)
    {
        var bytes = Bytes(ref r);
        if (!r.ValueIsEscaped)
        {
            return Encoding.UTF8.GetString(bytes); // Encoding.UTF8 replaces rather than throws
        }

        var text = new StringBuilder(bytes.Length);
        var start = 0;
        var i = 0;
        while (i < bytes.Length)
        {
            if (bytes[i] != (byte)'\\' || i + 1 >= bytes.Length)
            {
                i++;
                continue;
            }

            text.Append(Encoding.UTF8.GetString(bytes[start..i]));
            var escape = (char)bytes[i + 1];
            i += 2;
            switch (escape)
            {
                case 'b': text.Append('\b'); break;
                case 'f': text.Append('\f'); break;
                case 'n': text.Append('\n'); break;
                case 'r': text.Append('\r'); break;
                case 't': text.Append('\t'); break;
                case 'u' when i + 4 <= bytes.Length && TryHex(bytes.Slice(i, 4), out var unit):
                    i += 4;
                    if (char.IsHighSurrogate(unit) && i + 6 <= bytes.Length && bytes[i] == (byte)'\\' && bytes[i + 1] == (byte)'u'
                        && TryHex(bytes.Slice(i + 2, 4), out var low) && char.IsLowSurrogate(low))
                    {
                        text.Append(unit).Append(low);
                        i += 6;
                    }
                    else
                    {
                        text.Append(char.IsSurrogate(unit) ? '\uFFFD' : unit);
                    }

                    break;
                default: text.Append(escape); break; // \" \\ \/ (the reader rejects any other escape)
            }

            start = i;
        }

        text.Append(Encoding.UTF8.GetString(bytes[start..]));
        return text.ToString();
    }

    private static bool TryHex(ReadOnlySpan<byte> hex, out char value)
    {
        var parsed = 0;
        foreach (var b in hex)
        {
            var digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => -1,
            };
            if (digit < 0)
            {
                value = default;
                return false;
            }

            parsed = (parsed * 16) + digit;
        }

        value = (char)parsed;
        return true;
    }

    private static ReadOnlySpan<byte> Bytes(ref Utf8JsonReader r) =>
        r.HasValueSequence ? r.ValueSequence.ToArray() : r.ValueSpan;

    /// <summary>A number token's text (always ASCII).</summary>
    private static string Ascii(ref Utf8JsonReader r) => Encoding.UTF8.GetString(Bytes(ref r));

    /// <summary>Reports a value of the wrong JSON type, skipping it.</summary>
    private static void Mismatch(ref Utf8JsonReader r, JsonReadContext context, string path, string expected)
    {
        var found = Describe(r.TokenType);
        context.Report(path, $"expected {expected} but found {found}", Raw(ref r, context));
    }

    private static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.StartObject => "an object",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.String => "a string",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.Null => "null",
        _ => token.ToString(),
    };

    /// <summary>
    /// The value as JSON text, bounded (enough beyond the kept length that scrubbing the secret still
    /// works at the cut). An object or array is read to its end, so this also skips it.
    /// </summary>
    private static string Raw(ref Utf8JsonReader r, JsonReadContext context)
    {
        var limit = JsonReadContext.MaxRawJsonLength + (context.Secret?.Length ?? 0) + 1;
        var text = new StringBuilder();
        if (r.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
        {
            AppendToken(text, ref r, limit);
            return text.ToString();
        }

        var depth = r.CurrentDepth;
        var previous = JsonTokenType.None;
        while (true)
        {
            if (text.Length < limit)
            {
                if (previous is not (JsonTokenType.None or JsonTokenType.StartObject or JsonTokenType.StartArray or JsonTokenType.PropertyName)
                    && r.TokenType is not (JsonTokenType.EndObject or JsonTokenType.EndArray))
                {
                    text.Append(',');
                }

                AppendToken(text, ref r, limit - text.Length);
            }

            previous = r.TokenType;
            if (r.CurrentDepth == depth && r.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray)
            {
                return text.ToString();
            }

            if (!r.Read())
            {
                return text.ToString();
            }
        }
    }

    private static void AppendToken(StringBuilder text, ref Utf8JsonReader r, int limit)
    {
        switch (r.TokenType)
        {
            case JsonTokenType.StartObject: text.Append('{'); break;
            case JsonTokenType.EndObject: text.Append('}'); break;
            case JsonTokenType.StartArray: text.Append('['); break;
            case JsonTokenType.EndArray: text.Append(']'); break;
            case JsonTokenType.String:
            case JsonTokenType.PropertyName:
                var bytes = Bytes(ref r);

                // The escaped bytes are the JSON text; invalid UTF-8 shows as U+FFFD.
                text.Append('"').Append(Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, Math.Max(limit, 0))]));
                text.Append(r.TokenType == JsonTokenType.PropertyName ? "\":" : "\"");
                break;
            case JsonTokenType.True: text.Append("true"); break;
            case JsonTokenType.False: text.Append("false"); break;
            case JsonTokenType.Null: text.Append("null"); break;
            default: text.Append(Encoding.UTF8.GetString(Bytes(ref r))); break;
        }
    }
}
