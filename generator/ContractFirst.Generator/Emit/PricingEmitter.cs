using System.Globalization;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>Emits client-side price estimates from the contract's per-second rates.</summary>
internal static class PricingEmitter
{
    public static string Emit(ContractSpec spec, BillingSpec billing)
    {
        // The parser resolved the rate's enum: the rate field need not be on any action (it may be
        // in no action's fields at all, when every estimate assumes the rate).
        var enumName = billing.RateEnum;
        var rateProperty = Naming.ToPascalCase(billing.RateField);
        var w = Header.Start(spec.Namespace);
        w.Summary($"Price estimates for {spec.Api.Title} requests, from the contract's billing rates.",
            Docs.Sentence(billing.Description, "Estimates are computed locally; the service's bill is authoritative."));
        w.Line(Header.GeneratedCode);
        w.Open($"public static class {spec.Api.Name}Pricing");
        w.Lines($"""
            /// <summary>The currency of every estimate: {Docs.Escape(billing.Currency)}.</summary>
            public const string Currency = {CSharpTypes.String(billing.Currency)};

            """);
        // The rate field's name is contract text, which Summary escapes as a whole.
        w.Summary($"The price per second for a {billing.RateField}.");
        var parameter = Naming.ToParameterName(enumName);
        w.Lines($$"""
            /// <param name="{{parameter.TrimStart('@')}}">The {{Docs.Escape(billing.RateField)}}.</param>
            /// <returns>The price per second.</returns>
            /// <exception cref="global::System.ArgumentOutOfRangeException">The contract has no rate for this value.</exception>
            public static decimal RatePerSecond({{enumName}} {{parameter}}) => {{parameter}}.Value switch
            {
            """);
        foreach (var rate in billing.Rates)
        {
            w.Line($"    {CSharpTypes.String(rate.Value)} => {rate.PerSecond.ToString(CultureInfo.InvariantCulture)}m,");
        }

        w.Lines($$"""
                _ => throw new global::System.ArgumentOutOfRangeException(nameof({{parameter}}), {{parameter}}.Value, {{CSharpTypes.String("The contract has no rate for this " + billing.RateField + ".")}}),
            };
            """);

        foreach (var action in spec.Endpoints.Where(e => e.Key == billing.EndpointKey).SelectMany(e => e.Actions))
        {
            EmitEstimate(w, spec, billing, action, rateProperty, enumName);
        }

        w.Lines($$"""

            private static T Assume<T>(T value, string note, {{CSharpTypes.Collections}}List<string> assumptions)
            {
                assumptions.Add(note);
                return value;
            }
            """);
        w.Close();
        return w.ToString();
    }

    private static void EmitEstimate(SourceWriter w, ContractSpec spec, BillingSpec billing, ActionSpec action, string rateProperty, string enumName)
    {
        var hasRate = action.Fields.Any(f => f.JsonName == billing.RateField);
        var duration = billing.DurationField is null ? null : action.Fields.FirstOrDefault(f => f.JsonName == billing.DurationField);
        var inputPlusOutput = billing.InputPlusOutputActions.Contains(action.Value);
        w.Line();
        w.Summary($"Estimates the cost of a request for the {action.Value} action.",
            inputPlusOutput
                ? "Billed on input plus output duration; the output is as long as the input, so twice the input's seconds."
                : $"Billed on the output's seconds at the rate for its {billing.RateField}; unset values use the contract's assumptions, listed in the estimate.");
        w.Doc("<param name=\"request\">The request to price.</param>");
        if (inputPlusOutput)
        {
            w.Doc("<param name=\"inputSeconds\">The input video's length in seconds.</param>");
        }

        w.Doc("<returns>The estimate, with every assumption it made.</returns>");
        var parameters = $"{action.RequestTypeName} request" + (inputPlusOutput ? ", double inputSeconds" : "");
        w.Open($"public static {CSharpTypes.Runtime}PriceEstimate Estimate({parameters})");
        var assumeRate = $"Assume({CSharpTypes.Qualified(spec, enumName)}.{billing.AssumedRateMember}, {CSharpTypes.String($"{billing.RateField} {billing.AssumedRateValue}")}, assumptions)";
        var rateKey = hasRate ? $"request.{rateProperty} ?? {assumeRate}" : assumeRate;
        w.Lines($$"""
            global::System.ArgumentNullException.ThrowIfNull(request);
            var assumptions = new {{CSharpTypes.Collections}}List<string>();
            var rateKey = {{rateKey}};
            """);
        if (inputPlusOutput)
        {
            w.Line("global::System.ArgumentOutOfRangeException.ThrowIfNegative(inputSeconds);");
            w.Line("var seconds = inputSeconds * 2;");
        }
        else
        {
            var assumedSeconds = billing.AssumedDuration.ToString(CultureInfo.InvariantCulture);
            var note = CSharpTypes.String($"{billing.DurationField ?? "duration"} {assumedSeconds} s");
            w.Line(duration is not null
                ? $"double seconds = request.{duration.PropertyName} ?? Assume({assumedSeconds}, {note}, assumptions);"
                : $"double seconds = Assume({assumedSeconds}, {note}, assumptions);");
        }

        w.Line("var rate = RatePerSecond(rateKey);");
        w.Line("return new(Currency, rate, seconds, rate * (decimal)seconds, assumptions);");
        w.Close();
    }
}
