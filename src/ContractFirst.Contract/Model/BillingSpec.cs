using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>Per-second rates keyed by one enum field's value, used for client-side price estimates.</summary>
/// <param name="EndpointKey">The endpoint whose actions are billed.</param>
/// <param name="RateField">JSON name of the field whose value selects the rate.</param>
/// <param name="DurationField">JSON name of the field holding the billed seconds, when the request carries it.</param>
/// <param name="AssumedRateValue">Rate key assumed when the request leaves the rate field unset: the contract's <c>assume</c>, else the first rate.</param>
/// <param name="AssumedDuration">Seconds assumed when the request leaves the duration unset: the contract's <c>assume</c>, else 0.</param>
/// <param name="InputPlusOutputActions">Actions billed on input plus output duration.</param>
public sealed record BillingSpec(
    string EndpointKey,
    string Currency,
    string? Description,
    string RateField,
    EquatableArray<RateSpec> Rates,
    string? DurationField,
    string AssumedRateValue,
    int AssumedDuration,
    EquatableArray<string> InputPlusOutputActions)
{
    /// <summary>The enum type of the rate field, resolved by the parser.</summary>
    public string RateEnum { get; init; } = "";

    /// <summary>The C# member of <see cref="RateEnum"/> for the rate assumed when a request sets none (the first rate when the contract names none).</summary>
    public string AssumedRateMember { get; init; } = "";
}

public sealed record RateSpec(string Value, decimal PerSecond);
