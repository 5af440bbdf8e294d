using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Model;

/// <summary>The contract's prices, for client-side estimates (<c>&lt;Api&gt;Pricing.Estimate</c>) and the emulator's ledger.</summary>
/// <param name="Currency">The ISO 4217 code of every price.</param>
/// <param name="Description">How the service charges.</param>
/// <param name="Prices">
/// The prices, each for some actions of one endpoint; no action has two. A version 1 billing (<c>rate_field</c>,
/// <c>rates</c>…) reads as one per-second price for every action of its endpoint.
/// </param>
public sealed record BillingSpec(string Currency, string? Description, EquatableArray<PriceSpec> Prices);

/// <summary>What a price counts.</summary>
public enum PriceUnit
{
    /// <summary>Seconds, from an integer or number field.</summary>
    Second,

    /// <summary>Items, from an integer count field; one when there is none or the request leaves it unset with nothing to assume.</summary>
    Item,

    /// <summary>One per request.</summary>
    Request,
}

/// <summary>One price: what some actions of an endpoint cost per unit, the rate chosen by the model and enum values.</summary>
/// <param name="EndpointKey">The endpoint whose actions it prices.</param>
/// <param name="Unit">What it counts.</param>
/// <param name="QuantityField">
/// The field the quantity comes from (JSON name): seconds for <see cref="PriceUnit.Second"/>, a count for
/// <see cref="PriceUnit.Item"/>; null for <see cref="PriceUnit.Request"/> and an item price without a count field.
/// </param>
/// <param name="KeyFields">The fields the rates are chosen by (the model field, enum fields), in the order the rates first name them.</param>
/// <param name="Rates">The rates, in contract order: the first whose key matches the request applies.</param>
/// <param name="Actions">Each priced action, with where its request's values come from.</param>
/// <param name="Description">How this price is charged.</param>
public sealed record PriceSpec(
    string EndpointKey,
    PriceUnit Unit,
    string? QuantityField,
    EquatableArray<string> KeyFields,
    EquatableArray<RateSpec> Rates,
    EquatableArray<PricedAction> Actions,
    string? Description);

/// <summary>One row of a rate table: the rate for requests whose values match its key.</summary>
/// <param name="Key">The values a request must have, by field; empty for the fallback, which matches every request.</param>
/// <param name="Rate">The price per unit.</param>
public sealed record RateSpec(EquatableArray<RateKeyValue> Key, decimal Rate)
{
    /// <summary>Gets the key as people read it, for example <c>model kling-v1, mode std</c>; null for the fallback.</summary>
    public string? KeyText => Key.IsEmpty ? null : string.Join(", ", Key.Select(k => k.Field + " " + k.Value));
}

/// <summary>One value of a rate's key.</summary>
/// <param name="Field">The field (JSON name): the endpoint's model field or an enum field.</param>
/// <param name="Value">The model id or enum value.</param>
public sealed record RateKeyValue(string Field, string Value);

/// <summary>An action a price applies to, with where each value the price reads comes from when its request leaves it unset.</summary>
/// <param name="Action">The action's discriminator value (its key for a single operation).</param>
/// <param name="Keys">One per <see cref="PriceSpec.KeyFields"/>, in that order.</param>
/// <param name="Quantity">Where the quantity comes from; null when it is always one (per request, or per item without a count field) or the input's seconds.</param>
/// <param name="InputPlusOutput">Billed on input plus output duration: the estimate takes the input's seconds and counts them twice.</param>
public sealed record PricedAction(string Action, EquatableArray<PriceInput> Keys, PriceInput? Quantity, bool InputPlusOutput);

/// <summary>One value a price reads from a request.</summary>
/// <param name="Field">The field's JSON name.</param>
/// <param name="Fallback">
/// The value used when the request leaves the field unset (or the action has no such field): the action's default model
/// (which the SDK sends), the price's <c>assume</c>, the field's <c>default</c>, or one item; null when nothing is known,
/// so that only rates whose key leaves the field out can match. Numbers are in invariant form.
/// </param>
/// <param name="Assumed">Whether using <see cref="Fallback"/> is an assumption the estimate lists (not for a default model the SDK sends).</param>
public sealed record PriceInput(string Field, string? Fallback, bool Assumed);
