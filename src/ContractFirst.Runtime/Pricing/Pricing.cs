using System.Globalization;

namespace ContractFirst.Runtime;

/// <summary>What generated <c>&lt;Api&gt;Pricing</c> classes call to build a <see cref="PriceEstimate"/>.</summary>
public static class Pricing
{
    /// <summary>Builds an estimate of <paramref name="quantity"/> units at <paramref name="rate"/>.</summary>
    /// <param name="currency">The ISO currency code.</param>
    /// <param name="unit">What the price counts.</param>
    /// <param name="quantity">How many units, at least 0.</param>
    /// <param name="rate">The price of one unit.</param>
    /// <param name="rateKey">The values that chose the rate; null for a rate that applies to every request.</param>
    /// <param name="assumptions">What was assumed; the estimate keeps its own copy.</param>
    /// <returns>The estimate.</returns>
    public static PriceEstimate Estimate(string currency, PriceUnit unit, decimal quantity, decimal rate, string? rateKey, IEnumerable<string> assumptions)
    {
        ArgumentNullException.ThrowIfNull(currency);
        ArgumentNullException.ThrowIfNull(assumptions);
        ArgumentOutOfRangeException.ThrowIfNegative(quantity);
        return new PriceEstimate(currency, quantity * rate, unit, quantity, rate, rateKey, assumptions.ToArray());
    }

    /// <summary>
    /// The quantity a request field gives (seconds, or a count), checked: a price cannot be counted from a negative
    /// number, NaN, an infinity, or more than <see cref="decimal"/> holds.
    /// </summary>
    /// <param name="value">The field's value.</param>
    /// <param name="field">The field's JSON name (or the parameter's name), for the error.</param>
    /// <returns>The quantity.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The value cannot be a quantity; the message names the field and the value.</exception>
    public static decimal Quantity(double value, string field)
    {
        if (double.IsNaN(value) || value < 0 || value > (double)decimal.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                field, value, $"{field} must be a number from 0 to {decimal.MaxValue.ToString(CultureInfo.InvariantCulture)} to be priced (was {value.ToString("R", CultureInfo.InvariantCulture)}).");
        }

        return (decimal)value;
    }

    /// <summary>The error for a request whose values the contract states no rate for (a value it does not list).</summary>
    /// <param name="paramName">The estimate's parameter that holds the request.</param>
    /// <param name="values">Each field the rate is chosen by and the request's value (null: not set).</param>
    /// <returns>The exception to throw; its message names every field and value.</returns>
    public static ArgumentOutOfRangeException NoRate(string paramName, params (string Field, string? Value)[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        var described = string.Join(", ", values.Select(v => v.Value is null ? v.Field + " not set" : $"{v.Field} '{v.Value}'"));
        return new ArgumentOutOfRangeException(paramName, $"The contract has no rate for {described}.");
    }
}
