using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace ContractFirst.Runtime;

/// <summary>The .NET 6–8 argument guards, with the same exception types, parameter names and messages.</summary>
internal static class ArgumentGuards
{
    extension(ArgumentNullException)
    {
        public static void ThrowIfNull([NotNull] object? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            if (argument is null)
            {
                throw new ArgumentNullException(paramName);
            }
        }
    }

    extension(ArgumentException)
    {
        public static void ThrowIfNullOrEmpty([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            ArgumentNullException.ThrowIfNull(argument, paramName);
            if (argument.Length == 0)
            {
                throw new ArgumentException("The value cannot be an empty string.", paramName);
            }
        }

        public static void ThrowIfNullOrWhiteSpace([NotNull] string? argument, [CallerArgumentExpression(nameof(argument))] string? paramName = null)
        {
            ArgumentNullException.ThrowIfNull(argument, paramName);
            if (string.IsNullOrWhiteSpace(argument))
            {
                throw new ArgumentException("The value cannot be an empty string or composed entirely of whitespace.", paramName);
            }
        }
    }

    extension(ArgumentOutOfRangeException)
    {
        public static void ThrowIfNegative(int value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        {
            if (value < 0)
            {
                throw NotNonNegative(value, paramName);
            }
        }

        // As .NET's INumberBase.IsNegative: the sign bit, so -0.0 and the default NaN are refused too.
        public static void ThrowIfNegative(double value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        {
            if (BitConverter.DoubleToInt64Bits(value) < 0)
            {
                throw NotNonNegative(value, paramName);
            }
        }

        public static void ThrowIfNegative(decimal value, [CallerArgumentExpression(nameof(value))] string? paramName = null)
        {
            if ((decimal.GetBits(value)[3] & int.MinValue) != 0)
            {
                throw NotNonNegative(value, paramName);
            }
        }

        public static void ThrowIfLessThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
            where T : IComparable<T>
        {
            if (value.CompareTo(other) < 0)
            {
                throw OutOfRange(value, paramName, "must be greater than or equal to", other);
            }
        }

        public static void ThrowIfLessThanOrEqual<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
            where T : IComparable<T>
        {
            if (value.CompareTo(other) <= 0)
            {
                throw OutOfRange(value, paramName, "must be greater than", other);
            }
        }

        public static void ThrowIfGreaterThan<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
            where T : IComparable<T>
        {
            if (value.CompareTo(other) > 0)
            {
                throw OutOfRange(value, paramName, "must be less than or equal to", other);
            }
        }

        public static void ThrowIfGreaterThanOrEqual<T>(T value, T other, [CallerArgumentExpression(nameof(value))] string? paramName = null)
            where T : IComparable<T>
        {
            if (value.CompareTo(other) >= 0)
            {
                throw OutOfRange(value, paramName, "must be less than", other);
            }
        }
    }

    extension(ObjectDisposedException)
    {
        public static void ThrowIf([DoesNotReturnIf(true)] bool condition, object instance)
        {
            if (condition)
            {
                throw new ObjectDisposedException(instance?.GetType().FullName);
            }
        }
    }

    private static ArgumentOutOfRangeException NotNonNegative(object value, string? paramName) =>
        new(paramName, value, string.Format(CultureInfo.CurrentCulture, "{0} ('{1}') must be a non-negative value.", paramName, value));

    private static ArgumentOutOfRangeException OutOfRange(object value, string? paramName, string rule, object other) =>
        new(paramName, value, string.Format(CultureInfo.CurrentCulture, "{0} ('{1}') {2} '{3}'.", paramName, value, rule, other));
}
