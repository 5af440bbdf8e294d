using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>
/// Emits client-side price estimates: one <c>Estimate(request)</c> per priced action, which reads the values its
/// price depends on from the request (or what the contract assumes for them), picks the first matching rate with a
/// C# switch over the contract's rate table, and multiplies it by the quantity.
/// </summary>
internal static class PricingEmitter
{
    private const string Pricing = CSharpTypes.Runtime + "Pricing.";

    public static string Emit(ContractSpec spec, BillingSpec billing)
    {
        var w = Header.Start(spec.Namespace);
        w.Summary($"Price estimates for {spec.Api.Title} requests, from the contract's billing rates.",
            Docs.Sentence(billing.Description, "Estimates are computed locally; the service's bill is authoritative."));
        w.Line(Header.GeneratedCode);
        w.Open($"public static class {spec.Api.Name}Pricing");
        w.Lines($"""
            /// <summary>The currency of every estimate: {Docs.Escape(billing.Currency)}.</summary>
            public const string Currency = {CSharpTypes.String(billing.Currency)};
            """);

        var assumes = false;
        foreach (var price in billing.Prices)
        {
            var endpoint = spec.Endpoints.First(e => e.Key == price.EndpointKey);
            foreach (var priced in price.Actions)
            {
                assumes |= EmitEstimate(w, endpoint, endpoint.Actions.First(a => a.Value == priced.Action), price, priced);
            }
        }

        if (assumes)
        {
            w.Lines($$"""

                private static T Assume<T>(T value, string note, {{CSharpTypes.Collections}}List<string> assumptions)
                {
                    assumptions.Add(note);
                    return value;
                }
                """);
        }

        w.Close();
        EmitPricedRequests(w, spec, billing);
        return w.ToString();
    }

    /// <summary>
    /// Lets the runtime price an accepted submit for the estimated-spend metric: every request whose estimate
    /// needs nothing but the request itself implements <c>IPricedRequest</c> with its <c>Estimate</c>.
    /// </summary>
    private static void EmitPricedRequests(SourceWriter w, ContractSpec spec, BillingSpec billing)
    {
        foreach (var price in billing.Prices)
        {
            var endpoint = spec.Endpoints.First(e => e.Key == price.EndpointKey);
            foreach (var priced in price.Actions.Where(a => !a.InputPlusOutput))
            {
                var request = endpoint.Actions.First(a => a.Value == priced.Action).RequestTypeName;
                w.Lines($$"""

                    public sealed partial class {{request}} : {{CSharpTypes.Runtime}}IPricedRequest
                    {
                        /// <inheritdoc/>
                        {{CSharpTypes.Runtime}}PriceEstimate {{CSharpTypes.Runtime}}IPricedRequest.EstimatePrice() => {{spec.Api.Name}}Pricing.Estimate(this);
                    }
                    """);
            }
        }
    }

    /// <summary>Writes one action's estimate; returns whether it calls <c>Assume</c>.</summary>
    private static bool EmitEstimate(SourceWriter w, EndpointSpec endpoint, ActionSpec action, PriceSpec price, PricedAction priced)
    {
        var keys = price.KeyFields.Select((field, k) => KeyValue(endpoint, action, price, priced.Keys[k])).ToList();
        var quantity = Quantity(action, price, priced);
        w.Line();
        w.Summary($"Estimates the cost of a request for the {action.Value} action.", Remarks(price, priced));
        w.Doc("<param name=\"request\">The request to price.</param>");
        if (priced.InputPlusOutput)
        {
            w.Doc("<param name=\"inputSeconds\">The input video's length in seconds.</param>");
        }

        w.Lines("""
            /// <returns>The estimate: the amount, the quantity and rate it comes from, and every assumption it made.</returns>
            /// <exception cref="global::System.ArgumentNullException"><paramref name="request"/> is null.</exception>
            /// <exception cref="global::System.ArgumentOutOfRangeException">The request holds a value the contract has no rate for, or a quantity below zero.</exception>
            """);
        var parameters = $"{action.RequestTypeName} request" + (priced.InputPlusOutput ? ", double inputSeconds" : "");
        w.Open($"public static {CSharpTypes.Runtime}PriceEstimate Estimate({parameters})");
        w.Lines($$"""
            if (request is null)
            {
                throw new global::System.ArgumentNullException(nameof(request));
            }

            var assumptions = new {{CSharpTypes.Collections}}List<string>();
            """);
        foreach (var key in keys)
        {
            w.Line($"string? {key.Local} = {key.Expression};");
        }

        w.Line($"var quantity = {quantity.Expression};");
        var unit = $"{CSharpTypes.Runtime}PriceUnit.{price.Unit}";
        if (keys.Count == 0)
        {
            var only = price.Rates[0];
            w.Line($"return {Pricing}Estimate(Currency, {unit}, quantity, {Rate(only.Rate)}, null, assumptions);");
            w.Close();
            return keys.Any(k => k.Assumes) || quantity.Assumes;
        }

        var subject = keys.Count == 1 ? keys[0].Local : "(" + string.Join(", ", keys.Select(k => k.Local)) + ")";
        w.Line($"var (rate, rateKey) = {subject} switch");
        w.Line("{");
        foreach (var rate in price.Rates)
        {
            var patterns = price.KeyFields.Select(field => rate.Key.FirstOrDefault(k => k.Field == field) is { } value ? CSharpTypes.String(value.Value) : "_").ToList();
            var pattern = rate.Key.IsEmpty ? "_" : keys.Count == 1 ? patterns[0] : "(" + string.Join(", ", patterns) + ")";
            var key = rate.KeyText is { } text ? CSharpTypes.String(text) : "(string?)null";
            w.Line($"    {pattern} => ({Rate(rate.Rate)}, {key}),");
        }

        if (!price.Rates[price.Rates.Count - 1].Key.IsEmpty)
        {
            var values = string.Join(", ", price.KeyFields.Select((field, k) => $"({CSharpTypes.String(field)}, {keys[k].Local})"));
            w.Line($"    _ => throw {Pricing}NoRate(nameof(request), {values}),");
        }

        w.Line("};");
        w.Line($"return {Pricing}Estimate(Currency, {unit}, quantity, rate, rateKey, assumptions);");
        w.Close();
        return keys.Any(k => k.Assumes) || quantity.Assumes;
    }

    /// <summary>How the request gives a key field's value: its property, falling back to the default model or an assumption.</summary>
    private static (string Local, string Expression, bool Assumes) KeyValue(EndpointSpec endpoint, ActionSpec action, PriceSpec price, PriceInput input)
    {
        var local = Naming.ToCamelCase(Naming.ToPascalCase(input.Field)) + "Value";
        string? read = null;
        var required = false;
        if (input.Field == endpoint.ModelField && !action.Models.IsEmpty)
        {
            read = $"request.{Naming.ToPascalCase(input.Field)}?.Value";
        }
        else if (action.Fields.FirstOrDefault(f => f.JsonName == input.Field) is { } field)
        {
            required = field.Required;
            read = required ? $"request.{field.PropertyName}.Value" : $"request.{field.PropertyName}?.Value";
        }

        if (required || input.Fallback is null)
        {
            return (local, read ?? "null", false);
        }

        var fallback = input.Assumed
            ? $"Assume({CSharpTypes.String(input.Fallback)}, {CSharpTypes.String(input.Field + " " + input.Fallback)}, assumptions)"
            : CSharpTypes.String(input.Fallback);
        return (local, read is null ? fallback : read + " ?? " + fallback, input.Assumed);
    }

    /// <summary>How the quantity is counted: from a field (or its assumption), from the input's seconds, or one.</summary>
    private static (string Expression, bool Assumes) Quantity(ActionSpec action, PriceSpec price, PricedAction priced)
    {
        if (priced.InputPlusOutput)
        {
            // The output follows the input, so input plus output is twice the input.
            return ($"{Pricing}Quantity(inputSeconds, nameof(inputSeconds)) * 2", false);
        }

        if (priced.Quantity is not { } input)
        {
            return ("1m", false);
        }

        // A version 1 price without a duration_field always assumes its seconds.
        var field = price.QuantityField is null ? null : action.Fields.FirstOrDefault(f => f.JsonName == price.QuantityField);
        var note = input.Field + " " + input.Fallback + (price.Unit == PriceUnit.Second ? " s" : "");
        // A double literal, whatever the field's type: the quantity is counted as a double, and a whole number too
        // large for an int or a long (a default of 1e30) still is one.
        var assume = input.Fallback is null ? null : $"Assume({Double(input.Fallback)}, {CSharpTypes.String(note)}, assumptions)";
        var (value, assumes) = field switch
        {
            { Required: true } => ($"request.{field.PropertyName}", false),
            not null when assume is not null => ($"request.{field.PropertyName} ?? {assume}", true),
            not null => ($"request.{field.PropertyName}", false),
            null => (assume ?? "0", assume is not null),
        };
        return ($"{Pricing}Quantity({value}, {CSharpTypes.String(input.Field)})", assumes);
    }

    private static string Rate(decimal rate) => rate.ToString(CultureInfo.InvariantCulture) + "m";

    private static string Double(string invariantNumber) =>
        double.Parse(invariantNumber, NumberStyles.Float, CultureInfo.InvariantCulture).ToString("R", CultureInfo.InvariantCulture) + "d";

    /// <summary>What the estimate counts, its rates and what it assumes, for the method's remarks.</summary>
    private static string Remarks(PriceSpec price, PricedAction priced)
    {
        var c = CultureInfo.InvariantCulture;
        var counted = price.Unit switch
        {
            PriceUnit.Second when priced.InputPlusOutput => "Billed per second of input plus output; the output is as long as the input, so twice the input's seconds.",
            PriceUnit.Second => $"Billed per second of {priced.Quantity?.Field ?? price.QuantityField}.",
            PriceUnit.Item when priced.Quantity is { } count => $"Billed per item, counted by {count.Field}.",
            PriceUnit.Item => "Billed per item; a request makes one.",
            _ => "Billed per request.",
        };
        var rates = price.Rates.Count == 1 && price.Rates[0].Key.IsEmpty
            ? $" Rate: {price.Rates[0].Rate.ToString(c)}."
            : " Rates, the first that matches: " + string.Join("; ", price.Rates.Select(r => (r.KeyText ?? "any other") + ": " + r.Rate.ToString(c))) + ".";
        var assumed = priced.Keys.Where(k => k.Assumed && k.Fallback is not null).Select(k => k.Field + " " + k.Fallback).ToList();
        if (priced.Quantity is { Fallback: { } fallback } quantity)
        {
            assumed.Add(quantity.Field + " " + fallback + (price.Unit == PriceUnit.Second ? " s" : ""));
        }

        var described = price.Description is null ? "" : Docs.Sentence(price.Description, "") + " ";
        return described + counted + rates + (assumed.Count == 0 ? "" : $" Assumed where the request leaves them unset, and listed in the estimate: {string.Join(", ", assumed)}.");
    }
}
