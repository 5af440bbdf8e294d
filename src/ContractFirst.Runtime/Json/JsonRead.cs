using System.Diagnostics.CodeAnalysis;
using System.Text.Json;

namespace ContractFirst.Runtime;

/// <summary>
/// Typed token readers for generated <see cref="IJsonReadable{TSelf}.ReadJson"/> code.
/// </summary>
/// <remarks>
/// Each method expects the reader to be positioned on the value's token and leaves it there.
/// <c>path</c> (for example <c>VideoResult.duration</c>) only appears in error messages, so the
/// success path allocates nothing beyond a returned string.
/// </remarks>
[SuppressMessage("Naming", "CA1720:Identifier contains type name", Justification = "Generated readers call JsonRead.Int32(...) and friends: the type is the point of each name.")]
public static class JsonRead
{
    private static readonly double MinUnixMilliseconds = DateTimeOffset.MinValue.ToUnixTimeMilliseconds();
    private static readonly double MaxUnixMilliseconds = DateTimeOffset.MaxValue.ToUnixTimeMilliseconds();

    /// <summary>Reads a JSON string.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <returns>The string.</returns>
    /// <exception cref="JsonException">The token is not a string.</exception>
    public static string String(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType != JsonTokenType.String)
        {
            ThrowUnexpected(path, "a string", r.TokenType);
        }

        return r.GetString()!;
    }

    /// <summary>Reads a JSON number that fits in an <see cref="int"/>.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is fractional or out of range.</exception>
    public static int Int32(ref Utf8JsonReader r, string path)
    {
        ExpectNumber(ref r, path);
        if (!r.TryGetInt32(out var value))
        {
            ThrowInvalidNumber(path, "expected a 32-bit integer but found a fractional or out-of-range number");
        }

        return value;
    }

    /// <summary>Reads a JSON number that fits in a <see cref="long"/>.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is fractional or out of range.</exception>
    public static long Int64(ref Utf8JsonReader r, string path)
    {
        ExpectNumber(ref r, path);
        if (!r.TryGetInt64(out var value))
        {
            ThrowInvalidNumber(path, "expected a 64-bit integer but found a fractional or out-of-range number");
        }

        return value;
    }

    /// <summary>Reads a JSON number as a <see cref="double"/>.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <returns>The number.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is too large for a double.</exception>
    public static double Double(ref Utf8JsonReader r, string path)
    {
        ExpectNumber(ref r, path);

        // Utf8JsonReader parses an overflowing number as infinity rather than failing.
        if (!r.TryGetDouble(out var value) || !double.IsFinite(value))
        {
            ThrowInvalidNumber(path, "expected a number but found one too large for a double");
        }

        return value;
    }

    /// <summary>Reads <c>true</c> or <c>false</c>.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <returns>The boolean.</returns>
    /// <exception cref="JsonException">The token is not a boolean.</exception>
    public static bool Boolean(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            ThrowUnexpected(path, "a boolean", r.TokenType);
        }

        return r.TokenType == JsonTokenType.True;
    }

    /// <summary>Reads a JSON number of Unix seconds, possibly fractional, as a UTC time with millisecond precision.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <returns>The time, with a zero offset.</returns>
    /// <exception cref="JsonException">The token is not a number, or the number is outside the range of <see cref="DateTimeOffset"/>.</exception>
    public static DateTimeOffset UnixSeconds(ref Utf8JsonReader r, string path)
    {
        var milliseconds = Math.Round(Double(ref r, path) * 1000);
        if (milliseconds < MinUnixMilliseconds || milliseconds > MaxUnixMilliseconds)
        {
            ThrowInvalidNumber(path, "expected Unix seconds but found a time outside the range of DateTimeOffset");
        }

        return DateTimeOffset.FromUnixTimeMilliseconds((long)milliseconds);
    }

    /// <summary>Checks that the reader is on the start of an object.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <exception cref="JsonException">The token is not <see cref="JsonTokenType.StartObject"/>.</exception>
    public static void StartObject(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType != JsonTokenType.StartObject)
        {
            ThrowUnexpected(path, "an object", r.TokenType);
        }
    }

    /// <summary>Checks that the reader is on the start of an array.</summary>
    /// <param name="r">The reader, positioned on the value.</param>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <exception cref="JsonException">The token is not <see cref="JsonTokenType.StartArray"/>.</exception>
    public static void StartArray(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType != JsonTokenType.StartArray)
        {
            ThrowUnexpected(path, "an array", r.TokenType);
        }
    }

    /// <summary>Reports a <c>null</c> where the contract requires a value.</summary>
    /// <param name="path">Where the value sits, for error messages.</param>
    /// <exception cref="JsonException">Always.</exception>
    [DoesNotReturn]
    public static void NullNotAllowed(string path) =>
        throw new JsonException($"{path}: null is not allowed here");

    private static void ExpectNumber(ref Utf8JsonReader r, string path)
    {
        if (r.TokenType != JsonTokenType.Number)
        {
            ThrowUnexpected(path, "a number", r.TokenType);
        }
    }

    // Throwing from separate methods keeps the string formatting out of the inlined hot paths.
    [DoesNotReturn]
    private static void ThrowUnexpected(string path, string expected, JsonTokenType found) =>
        throw new JsonException($"{path}: expected {expected} but found {found}");

    [DoesNotReturn]
    private static void ThrowInvalidNumber(string path, string problem) =>
        throw new JsonException($"{path}: {problem}");
}
