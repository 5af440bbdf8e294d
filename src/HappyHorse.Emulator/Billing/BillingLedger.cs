using System.Globalization;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Validation;

namespace HappyHorse.Emulator.Billing;

/// <summary>What a submit costs: <paramref name="Quantity"/> units at <paramref name="Rate"/>.</summary>
/// <param name="Unit">What the price counts; null when the contract prices nothing for the action (free).</param>
/// <param name="Quantity">The units billed: seconds (the output's, or input plus output), items, or one request.</param>
/// <param name="QuantityField">The field the quantity is read from (<c>duration</c>), whose value answers report as billed; null when none.</param>
/// <param name="Rate">The price of one unit: the first rate of the contract's table that matches the request.</param>
/// <param name="Amount">Quantity times rate.</param>
/// <param name="RateKey">The values that chose the rate (<c>resolution 720P</c>); null for a rate that applies to every request.</param>
/// <param name="Values">The value of each field the rate is chosen by, as charged (the request's, else the default or assumption); null: not set.</param>
internal sealed record Charge(PriceUnit? Unit, decimal Quantity, string? QuantityField, decimal Rate, decimal Amount, string? RateKey, IReadOnlyDictionary<string, string?> Values)
{
    public static Charge Free { get; } = new(null, 0, null, 0, 0, null, new Dictionary<string, string?>());
}

/// <summary>
/// Prices submits by the contract's billing section, by the same rules as the generated estimates (the first rate
/// whose key matches the request's values, each value the request leaves unset taken from the default model, the
/// field's default or the price's assumption), and keeps the balance: a submit's price is held when it is accepted
/// and given back if the task fails, because failed tasks are not charged.
/// </summary>
internal sealed class BillingLedger
{
    /// <summary>
    /// The service counts the input video's length upstream after the task ends; the emulator has no
    /// video to measure, so it assumes this many seconds for every input.
    /// </summary>
    public const int AssumedInputSeconds = 5;

    private readonly BillingSpec? _billing;
    private readonly Lock _lock = new();
    private decimal? _balance;

    public BillingLedger(BillingSpec? billing, decimal? balance)
    {
        _billing = billing;
        _balance = balance;
    }

    public decimal? Balance
    {
        get
        {
            lock (_lock)
            {
                return _balance;
            }
        }
    }

    /// <summary>Prices a valid request of an endpoint.</summary>
    /// <param name="endpoint">The endpoint the request was sent to.</param>
    /// <param name="request">The request, with the defaults the service applies already in its body.</param>
    /// <returns>The charge; <see cref="Charge.Free"/> when the contract prices nothing for the action.</returns>
    public Charge Price(EndpointSpec endpoint, ValidatedRequest request)
    {
        if (_billing?.FindPrice(endpoint.Key, request.Action.Value) is not var (price, priced))
        {
            return Charge.Free;
        }

        var body = request.Body;
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        for (var k = 0; k < price.KeyFields.Count; k++)
        {
            var field = price.KeyFields[k];
            values[field] = body[field] is JsonValue value && value.TryGetValue<string>(out var text) ? text : priced.Keys[k].Fallback;
        }

        decimal quantity = 1;
        if (priced.InputPlusOutput)
        {
            // The output follows the input, so input plus output is twice the input.
            quantity = AssumedInputSeconds * 2;
        }
        else if (priced.Quantity is { } input)
        {
            quantity = price.QuantityField is { } field && body[field] is JsonValue count && count.TryGetValue<decimal>(out var sent) ? sent
                : decimal.Parse(input.Fallback ?? "0", NumberStyles.Float, CultureInfo.InvariantCulture);
        }

        // Without a matching rate (a version 1 table need not list every value) the contract states no price.
        var rate = price.MatchRate(field => values[field]);
        return new Charge(price.Unit, quantity, price.Unit == PriceUnit.Request ? null : price.QuantityField, rate?.Rate ?? 0, quantity * (rate?.Rate ?? 0), rate?.KeyText, values);
    }

    /// <summary>Holds the price of a submit; false when the balance cannot cover it.</summary>
    public bool TryCharge(Charge charge)
    {
        lock (_lock)
        {
            if (_balance is not { } balance)
            {
                return true;
            }

            if (balance < charge.Amount)
            {
                return false;
            }

            _balance = balance - charge.Amount;
            return true;
        }
    }

    public void Refund(Charge charge)
    {
        lock (_lock)
        {
            _balance += charge.Amount;
        }
    }

    /// <summary>The charge as the error for an exhausted balance states it, for example <c>0.525 USD for 5 s × 0.105/s (resolution 720P)</c>.</summary>
    public string Describe(Charge charge)
    {
        var c = CultureInfo.InvariantCulture;
        var quantity = charge.Quantity.ToString("0.##########", c);
        var rate = charge.Rate.ToString("0.##########", c);
        var counted = charge.Unit switch
        {
            PriceUnit.Second => $"{quantity} s × {rate}/s",
            PriceUnit.Item => $"{quantity} {(charge.Quantity == 1 ? "item" : "items")} × {rate}/item",
            PriceUnit.Request => $"1 request at {rate}",
            _ => "no price",
        };
        var amount = charge.Amount.ToString("0.###", c);
        return charge.RateKey is null ? $"{amount} {_billing?.Currency} for {counted}" : $"{amount} {_billing?.Currency} for {counted} ({charge.RateKey})";
    }
}
