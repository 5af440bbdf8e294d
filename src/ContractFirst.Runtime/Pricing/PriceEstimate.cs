using System.Globalization;

namespace ContractFirst.Runtime;

/// <summary>
/// What a request is expected to cost: <see cref="Quantity"/> units at <see cref="Rate"/> each, with the values
/// that chose the rate and everything the estimate assumed where the request left a value to the service.
/// </summary>
/// <param name="Currency">The ISO currency code, for example <c>USD</c>.</param>
/// <param name="Amount">The expected price: <see cref="Quantity"/> times <see cref="Rate"/>, not rounded.</param>
/// <param name="Unit">What the price counts: seconds, items or requests.</param>
/// <param name="Quantity">How many units are expected to be billed, for example 5 seconds.</param>
/// <param name="Rate">The price of one unit.</param>
/// <param name="RateKey">
/// The values that chose the rate, for example <c>model kling-v1, mode std</c>; null when the rate applies to every
/// request of the action (a flat price, or the contract's fallback rate).
/// </param>
/// <param name="Assumptions">What was assumed where the request left a value to the service, for example <c>resolution 720P</c> or <c>duration 5 s</c>.</param>
public sealed record PriceEstimate(
    string Currency,
    decimal Amount,
    PriceUnit Unit,
    decimal Quantity,
    decimal Rate,
    string? RateKey,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>
    /// Gets how the amount was reached, for example <c>5 s × 0.14/s; model kling-v1, mode std; assumed: duration 5 s</c>:
    /// the quantity times the rate, the values that chose the rate, and what was assumed.
    /// </summary>
    public string Basis
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            var quantity = Quantity.ToString("0.##########", c);
            var rate = Rate.ToString("0.##########", c);
            var basis = Unit switch
            {
                PriceUnit.Second => $"{quantity} s × {rate}/s",
                PriceUnit.Item => $"{quantity} {(Quantity == 1 ? "item" : "items")} × {rate}/item",
                _ => $"{quantity} {(Quantity == 1 ? "request" : "requests")} × {rate}/request",
            };
            var key = RateKey is null ? "" : "; " + RateKey;
            var assumed = Assumptions.Count == 0 ? "" : "; assumed: " + string.Join(", ", Assumptions);
            return basis + key + assumed;
        }
    }

    /// <summary>Describes the estimate, for example <c>USD 0.70 (5 s × 0.14/s; model kling-v1, mode std; assumed: duration 5 s)</c>.</summary>
    /// <returns>The description, with the amount rounded to cents.</returns>
    public override string ToString() =>
        $"{Currency} {Amount.ToString("0.00", CultureInfo.InvariantCulture)} ({Basis})";
}
