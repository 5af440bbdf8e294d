using System.Globalization;

namespace ContractFirst.Runtime;

/// <summary>
/// The numbers a <see cref="ValidationError"/> is made from (limits and the value given), kept as they are so that
/// their text is built only when the message is read. Doubles are stored as their bits to keep the struct small.
/// </summary>
internal readonly struct ValidationBounds
{
    private readonly long _min;
    private readonly long _max;
    private readonly long _value;
    private readonly bool _hasMin;
    private readonly bool _hasMax;
    private readonly bool _isInteger;

    private ValidationBounds(long min, long max, long value, bool hasMin, bool hasMax, bool isInteger)
    {
        _min = min;
        _max = max;
        _value = value;
        _hasMin = hasMin;
        _hasMax = hasMax;
        _isInteger = isInteger;
    }

    public bool HasMin => _hasMin;

    public bool HasMax => _hasMax;

    /// <summary>Gets the lower limit of a count (integers only).</summary>
    public long Min => _min;

    /// <summary>Gets the upper limit of a count (integers only).</summary>
    public long Max => _max;

    /// <summary>Gets the value given, as an integer (an index or a count).</summary>
    public long Value => _isInteger ? _value : (long)BitConverter.Int64BitsToDouble(_value);

    /// <summary>Integer limits; <paramref name="noBounds"/> is the error when both are missing, or null when none are expected.</summary>
    public static ValidationBounds Integers(long? min, long? max, long value, string? noBounds)
    {
        if (noBounds is not null && min is null && max is null)
        {
            throw new ArgumentException(noBounds, nameof(min));
        }

        return new(min ?? 0, max ?? 0, value, min.HasValue, max.HasValue, isInteger: true);
    }

    /// <summary>Number limits; <paramref name="noBounds"/> is the error when both are missing, or null when none are expected.</summary>
    public static ValidationBounds Numbers(double? min, double? max, double value, string? noBounds)
    {
        if (noBounds is not null && min is null && max is null)
        {
            throw new ArgumentException(noBounds, nameof(min));
        }

        return new(Bits(min), Bits(max), BitConverter.DoubleToInt64Bits(value), min.HasValue, max.HasValue, isInteger: false);
    }

    public string MinText() => Text(_min);

    public string MaxText() => Text(_max);

    public string ValueText() => Text(_value);

    private static long Bits(double? value) => value is { } v ? BitConverter.DoubleToInt64Bits(v) : 0;

    private string Text(long stored) => _isInteger
        ? stored.ToString(CultureInfo.InvariantCulture)
        : BitConverter.Int64BitsToDouble(stored).ToString(CultureInfo.InvariantCulture);
}
