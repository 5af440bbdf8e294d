using System.Globalization;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Billing;

/// <summary>What a submit costs and how many seconds it is billed for.</summary>
/// <param name="Seconds">The billed seconds: the output's, or input plus output for actions billed that way.</param>
/// <param name="Resolution">The value of the rate field that picked the rate.</param>
/// <param name="Amount">Seconds times the rate.</param>
internal sealed record Charge(int Seconds, string Resolution, decimal Amount);

/// <summary>
/// Prices submits from the contract's billing section and keeps the balance: a submit's price is held
/// when it is accepted and given back if the task fails, because failed tasks are not charged.
/// </summary>
internal sealed class BillingLedger
{
    /// <summary>
    /// The service counts the input video's length upstream after the task ends; the emulator has no
    /// video to measure, so it assumes this many seconds for every input.
    /// </summary>
    public const int AssumedInputSeconds = 5;

    private readonly BillingSpec _billing;
    private readonly Lock _lock = new();
    private decimal? _balance;

    public BillingLedger(BillingSpec billing, decimal? balance)
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

    public Charge Price(string action, JsonObject body)
    {
        var rateKey = body[_billing.RateField] is JsonValue rate && rate.TryGetValue<string>(out var key) ? key : _billing.AssumedRateValue;
        int seconds;
        if (_billing.InputPlusOutputActions.Contains(action))
        {
            // The output follows the input video, so input plus output is twice the input.
            seconds = AssumedInputSeconds * 2;
        }
        else
        {
            var requested = _billing.DurationField is { } field && body[field] is JsonValue d && d.TryGetValue<int>(out var s) ? s : (int?)null;
            seconds = requested ?? _billing.AssumedDuration;
        }

        var perSecond = _billing.RateOf(rateKey) ?? _billing.RateOf(_billing.AssumedRateValue)!.Value;
        return new Charge(seconds, rateKey, perSecond * seconds);
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

    public string Describe(Charge charge) => string.Create(
        CultureInfo.InvariantCulture,
        $"{charge.Amount:0.###} {_billing.Currency} for {charge.Seconds} s at {charge.Resolution}");
}
