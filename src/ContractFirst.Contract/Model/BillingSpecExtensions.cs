namespace ContractFirst.Contract.Model;

/// <summary>Look-ups over the billing section that tools (the emulator's ledger, tests) share with the generated estimates.</summary>
public static class BillingSpecExtensions
{
    /// <summary>Finds the price of an action.</summary>
    /// <param name="billing">The billing section.</param>
    /// <param name="endpointKey">The endpoint's key, for example <c>videos</c>.</param>
    /// <param name="action">The action's discriminator value (its key for a single operation).</param>
    /// <returns>The price and the action's entry in it, or <see langword="null"/> when the contract prices no such action.</returns>
    public static (PriceSpec Price, PricedAction Action)? FindPrice(this BillingSpec billing, string endpointKey, string action)
    {
        foreach (var price in billing.Prices)
        {
            if (price.EndpointKey == endpointKey && price.Actions.FirstOrDefault(a => a.Action == action) is { } priced)
            {
                return (price, priced);
            }
        }

        return null;
    }

    /// <summary>The first rate whose key matches the values, as the generated estimates choose it.</summary>
    /// <param name="price">The price.</param>
    /// <param name="valueOf">The request's value of a key field (its fallback already applied); null when it is not set.</param>
    /// <returns>The rate, or <see langword="null"/> when none matches (a value the contract does not list, with no fallback rate).</returns>
    public static RateSpec? MatchRate(this PriceSpec price, Func<string, string?> valueOf)
    {
        foreach (var rate in price.Rates)
        {
            if (rate.Key.All(k => valueOf(k.Field) == k.Value))
            {
                return rate;
            }
        }

        return null;
    }
}
