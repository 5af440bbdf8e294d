using System.Globalization;

namespace ContractFirst.Runtime;

/// <summary>
/// What a request is expected to cost, with the assumptions the estimate rests on.
/// </summary>
/// <param name="Currency">The ISO currency code, for example <c>USD</c>.</param>
/// <param name="RatePerSecond">The price of one billed second.</param>
/// <param name="BilledSeconds">The seconds expected to be billed.</param>
/// <param name="Amount">The expected price.</param>
/// <param name="Assumptions">What was assumed where the request left a value to the server, for example <c>resolution 720P</c>.</param>
public sealed record PriceEstimate(
    string Currency,
    decimal RatePerSecond,
    double BilledSeconds,
    decimal Amount,
    IReadOnlyList<string> Assumptions)
{
    /// <summary>Describes the estimate, for example <c>USD 0.53 (5 s at 0.105/s; assumed: resolution 720P)</c>.</summary>
    /// <returns>The description, with the amount rounded to cents.</returns>
    public override string ToString()
    {
        var c = CultureInfo.InvariantCulture;
        var assumed = Assumptions.Count == 0 ? "" : $"; assumed: {string.Join(", ", Assumptions)}";
        return $"{Currency} {Amount.ToString("0.00", c)} ({BilledSeconds.ToString(c)} s at {RatePerSecond.ToString("0.##########", c)}/s{assumed})";
    }
}
