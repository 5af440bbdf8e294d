using System.Text.Json;

namespace HappyHorse.Emulator.Validation;

/// <summary>
/// A JSON number as the checks compare it: exactly, as a <see cref="decimal"/>, whenever one holds it (the contract's
/// bounds and values are decimals too), else as a <see cref="double"/>, which is infinite past its range (<c>1e400</c>).
/// </summary>
/// <param name="Exact">The value as a decimal; null when it is beyond a decimal's range.</param>
/// <param name="Approximate">The value as a double.</param>
internal readonly record struct JsonNumber(decimal? Exact, double Approximate)
{
    public bool IsFinite => Exact is not null || double.IsFinite(Approximate);

    public bool FitsInt64 => Exact is >= long.MinValue and <= long.MaxValue;

    public static JsonNumber Of(JsonElement number)
    {
        if (number.TryGetDecimal(out var exact))
        {
            return new JsonNumber(exact, (double)exact);
        }

        // Past a decimal's range: a double, infinite past its own (some runtimes refuse to read one at all).
        var negative = number.GetRawText().StartsWith('-');
        return new JsonNumber(null, number.TryGetDouble(out var value) ? value : negative ? double.NegativeInfinity : double.PositiveInfinity);
    }

    /// <summary>
    /// Whether a JSON number is whole, read from its text so nothing is rounded first: <c>3</c>, <c>3.0</c> and <c>1e2</c>
    /// are (JSON Schema's <c>integer</c>), <c>3.5</c> and <c>1e-400</c> are not (a decimal would read the last as 0).
    /// </summary>
    public static bool IsWhole(JsonElement number)
    {
        var text = number.GetRawText().AsSpan().TrimStart('-');
        var e = text.IndexOfAny('e', 'E');
        var significand = e < 0 ? text : text[..e];
        var exponent = e < 0 ? 0 : Exponent(text[(e + 1)..]);
        var dot = significand.IndexOf('.');

        // The value is digits × 10^-scale; trailing zeros of the digits lower the scale, and it is whole once the scale is 0.
        var fraction = dot < 0 ? 0 : significand.Length - dot - 1;
        var digits = dot < 0 ? significand : significand[..dot];
        var trailing = fraction > 0 ? significand[(dot + 1)..] : digits;
        var zeros = CountTrailingZeros(trailing);
        if (fraction > 0 && zeros == fraction)
        {
            // The fraction is all zeros; the zeros of the integer part count as well.
            zeros += CountTrailingZeros(digits);
        }

        var allZero = significand.IndexOfAnyExcept('0', '.') < 0;
        return allZero || (long)fraction - zeros - exponent <= 0;
    }

    public bool IsBelow(decimal bound) => Exact is { } value ? value < bound : Approximate < (double)bound;

    public bool IsAbove(decimal bound) => Exact is { } value ? value > bound : Approximate > (double)bound;

    /// <summary>The exponent of a number's text, clamped far beyond any scale a body can have so it never overflows.</summary>
    private static long Exponent(ReadOnlySpan<char> text)
    {
        var negative = text is ['-', ..];
        var digits = text.TrimStart('+').TrimStart('-');
        long value = 0;
        foreach (var c in digits)
        {
            value = Math.Min((value * 10) + (c - '0'), 1_000_000_000_000);
        }

        return negative ? -value : value;
    }

    private static int CountTrailingZeros(ReadOnlySpan<char> digits)
    {
        var zeros = 0;
        while (zeros < digits.Length && digits[digits.Length - 1 - zeros] == '0')
        {
            zeros++;
        }

        return zeros;
    }
}
