namespace ContractFirst.Runtime;

/// <summary>
/// A request the contract can price from its own fields. Generated requests implement it so that the
/// <see cref="ContractMetrics.EstimatedSpend"/> counter can add an accepted submit's estimate.
/// </summary>
public interface IPricedRequest
{
    /// <summary>Estimates what the request costs, as the SDK's <c>…Pricing.Estimate</c> does.</summary>
    /// <returns>The estimate.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The request holds a value the contract has no rate for.</exception>
    PriceEstimate EstimatePrice();
}
