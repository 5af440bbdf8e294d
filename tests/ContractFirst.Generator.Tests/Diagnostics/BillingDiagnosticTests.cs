using System.Globalization;
using ContractFirst.Contract.Model;
using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics of format 2 billing (spec/README.md, billing): prices per second, item and request, their rate tables
/// and assumptions. Each contract is <see cref="Valid"/> with one mistake, so the one diagnostic expected is the only
/// one; <see cref="ValidContractGeneratesEstimatesThatCompile"/> proves Valid itself is valid.
/// </summary>
public sealed class BillingDiagnosticTests
{
    /// <summary>
    /// An endpoint whose actions make (models clip-1 and clip-2, seconds, n, size) and copy (clip-2 only, length)
    /// take every kind of field a price reads, and two prices: make per second by model, mode and size with a
    /// fallback (lines 36 to 44), copy per request (lines 45 to 48).
    /// </summary>
    public const string Valid = """
        contract: 2
        api: { name: Demo, base_url: https://demo.example }
        enums:
          Mode: { values: [std, pro] }
          Size: { values: [small, large] }
        endpoints:
          clips:
            path: /clips
            discriminator: action
            model_field: model
            models: [clip-1, clip-2]
            default_model: clip-1
            response: Clip
            fields:
              prompt: { type: string }
              seconds: { type: integer, min: 1 }
              length: { type: number }
              n: { type: integer }
              mode: { type: Mode, default: std }
              size: { type: Size }
              tags: { type: array, items: Mode }
            shared: [mode]
            actions:
              make: { fields: { prompt: required, seconds: optional, n: optional, size: optional } }
              copy: { models: [clip-2], default_model: clip-2, fields: { length: optional } }
        models:
          Clip:
            fields:
              id: { type: string }
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        billing:
          currency: USD
          prices:
            - endpoint: clips
              actions: [make]
              unit: second
              quantity: seconds
              assume: { seconds: 5 }
              rates:
                - { model: clip-2, mode: pro, rate: 0.5 }
                - { size: large, rate: 0.3 }
                - { rate: 0.1 }
            - endpoint: clips
              actions: [copy]
              unit: request
              rate: 0.2
        """;

    /// <summary>The id, what it is about, an edit of <see cref="Valid"/> (find, replace), the span (line, column, end line, end column, the text covered) and the message.</summary>
    public static TheoryData<string, string, string, string, int, int, int, int, string, string> Mistakes => new()
    {
        {
            "CFG070", "seconds from a string field", "      quantity: seconds", "      quantity: prompt",
            39, 17, 39, 23, "prompt", "billing.prices[0].quantity names 'prompt', of type string; a price per second counts from a field of type: integer, number"
        },
        {
            "CFG070", "items counted by a number field", "      unit: second\n      quantity: seconds\n      assume: { seconds: 5 }\n", "      unit: item\n      quantity: length\n",
            39, 17, 39, 23, "length", "billing.prices[0].quantity names 'length', of type number; a price per item counts from a field of type: integer"
        },
        {
            "CFG071", "both forms", "  currency: USD\n", "  currency: USD\n  rate_field: mode\n",
            35, 3, 35, 13, "rate_field", "billing lists prices and also has 'rate_field', a key of the version 1 single price; each price of the list takes: endpoint, actions, description, unit, quantity, input_plus_output, assume, rate, rates"
        },
        {
            "CFG072", "a count on a price per request", "      rate: 0.2", "      quantity: n\n      rate: 0.2",
            48, 7, 48, 15, "quantity", "'quantity' at billing.prices[1] does not apply to a price per request; it applies to: second, item"
        },
        {
            "CFG072", "input plus output on a price per request", "      rate: 0.2", "      input_plus_output: [copy]\n      rate: 0.2",
            48, 7, 48, 24, "input_plus_output", "'input_plus_output' at billing.prices[1] does not apply to a price per request; it applies to: second"
        },
        {
            "CFG073", "a rate keyed by a string field", "        - { size: large, rate: 0.3 }", "        - { prompt: large, rate: 0.3 }",
            43, 13, 43, 19, "prompt", "billing.prices[0].rates[1].prompt keys a rate by 'prompt', of type string; rates are chosen by the model field or by fields of an enum type"
        },
        {
            "CFG073", "a rate keyed by a list of an enum", "        - { size: large, rate: 0.3 }", "        - { tags: pro, rate: 0.3 }",
            43, 13, 43, 17, "tags", "billing.prices[0].rates[1].tags keys a rate by 'tags', of type array of Mode; rates are chosen by the model field or by fields of an enum type"
        },
        {
            "CFG074", "a model no action has", "{ model: clip-2, mode: pro, rate: 0.5 }", "{ model: clip-3, mode: pro, rate: 0.5 }",
            42, 20, 42, 26, "clip-3", "billing.prices[0].rates[0].model is 'clip-3', which is not a model of the actions priced (make); their models are: clip-1, clip-2"
        },
        {
            "CFG074", "a model of an action the price does not cover", "      rate: 0.2", "      rates: [{ model: clip-1, rate: 0.2 }]",
            48, 24, 48, 30, "clip-1", "billing.prices[1].rates[0].model is 'clip-1', which is not a model of the actions priced (copy); their models are: clip-2"
        },
        {
            "CFG074", "an assumed model no action has", "      assume: { seconds: 5 }", "      assume: { seconds: 5, model: clip-9 }",
            40, 36, 40, 42, "clip-9", "billing.prices[0].assume.model is 'clip-9', which is not a model of the actions priced (make); their models are: clip-1, clip-2"
        },
        {
            "CFG075", "a price without actions covering a priced one", "      actions: [copy]\n", "",
            45, 17, 45, 22, "clips", "billing.prices[1] prices action 'make' of endpoint 'clips', which billing.prices[0] prices already"
        },
        {
            "CFG076", "a rate the one before always takes", "        - { size: large, rate: 0.3 }", "        - { model: clip-2, mode: pro, size: large, rate: 0.6 }\n        - { size: large, rate: 0.3 }",
            43, 13, 43, 18, "model", "billing.prices[0].rates[1] (model clip-2, mode pro, size large) is never chosen: every request it matches is matched first by billing.prices[0].rates[0]"
        },
        {
            "CFG076", "a rate after the fallback", "        - { rate: 0.1 }\n", "        - { rate: 0.1 }\n        - { mode: std, rate: 0.2 }\n",
            45, 13, 45, 17, "mode", "billing.prices[0].rates[3] (mode std) is never chosen: every request it matches is matched first by billing.prices[0].rates[1], billing.prices[0].rates[2]"
        },
        {
            "CFG077", "a value of a field the action lacks, assumed otherwise", "      rate: 0.2", "      assume: { size: small }\n      rates:\n        - { size: small, rate: 0.2 }\n        - { size: large, rate: 0.3 }",
            51, 13, 51, 17, "size", "billing.prices[1].rates[1] (size large) matches no request of the actions priced: copy"
        },
        {
            "CFG078", "no fallback for a field left unset", "        - { rate: 0.1 }\n", "",
            41, 7, 41, 12, "rates", "billing.prices[0].rates has no rate for make requests with model clip-2, mode std, size small"
        },
        {
            "CFG079", "an assumption against the default", "      assume: { seconds: 5 }", "      assume: { seconds: 5, mode: pro }",
            40, 35, 40, 38, "pro", "billing.prices[0].assume.mode is 'pro', but endpoints.clips.fields.mode.default is 'std', the value the service applies when a request leaves the field out"
        },
        {
            "CFG003", "a price per second without a quantity", "      quantity: seconds\n      assume: { seconds: 5 }\n", "",
            38, 13, 38, 19, "second", "billing.prices[0] is missing the required key 'quantity'"
        },
        {
            "CFG003", "seconds a request may leave unknown", "      assume: { seconds: 5 }\n", "",
            39, 17, 39, 24, "seconds", "billing.prices[0].assume is missing the required key 'seconds'"
        },
        {
            "CFG003", "a rate without rate", "        - { rate: 0.1 }", "        - { mode: std }",
            44, 13, 44, 17, "mode", "billing.prices[0].rates[2] is missing the required key 'rate'"
        },
        {
            "CFG034", "both rate and rates", "      rates:\n", "      rate: 0.1\n      rates:\n",
            42, 7, 42, 12, "rates", "billing.prices[0] must have exactly one of: rate, rates; it has: rate, rates"
        },
        {
            "CFG028", "the same key twice", "        - { size: large, rate: 0.3 }", "        - { mode: pro, model: clip-2, rate: 0.7 }\n        - { size: large, rate: 0.3 }",
            43, 13, 43, 17, "mode", "billing.prices[0].rates lists 'mode pro, model clip-2' twice"
        },
        {
            "CFG028", "an action listed twice", "      actions: [make]", "      actions: [make, make]",
            37, 23, 37, 27, "make", "billing.prices[0].actions lists 'make' twice"
        },
        {
            "CFG025", "an unknown action", "      actions: [copy]", "      actions: [cpoy]",
            46, 17, 46, 21, "cpoy", "billing.prices[1].actions[0] names 'cpoy', which is not an action of endpoints.clips"
        },
        {
            "CFG027", "an unknown enum value in a rate", "mode: pro, rate: 0.5", "mode: ultra, rate: 0.5",
            42, 34, 42, 39, "ultra", "billing.prices[0].rates[0].mode names 'ultra', which is not a value of enum 'Mode'; its values are: std, pro"
        },
        {
            "CFG007", "a rate keyed by no field", "        - { size: large, rate: 0.3 }", "        - { colour: large, rate: 0.3 }",
            43, 13, 43, 19, "colour", "billing.prices[0].rates[1].colour names 'colour', which is not a field of endpoints.clips"
        },
        {
            "CFG002", "an assumption for a field the price does not read", "      assume: { seconds: 5 }", "      assume: { seconds: 5, prompt: hi }",
            40, 29, 40, 35, "prompt", "Unknown key 'prompt' in billing.prices[0].assume; expected one of: model, mode, size, seconds"
        },
        {
            "CFG005", "an unknown unit", "      unit: second", "      unit: minute",
            38, 13, 38, 19, "minute", "billing.prices[0].unit is 'minute', which is not one of: second, item, request"
        },
        {
            "CFG019", "a negative rate", "      rate: 0.2", "      rate: -0.2",
            48, 13, 48, 17, "-0.2", "billing.prices[1].rate is -0.2, outside the allowed range ≥ 0"
        },
        {
            "CFG026", "an unknown endpoint", "    - endpoint: clips\n      actions: [copy]", "    - endpoint: clip\n      actions: [copy]",
            45, 17, 45, 21, "clip", "billing.prices[1].endpoint names 'clip', which is not an endpoint; the endpoints are: clips"
        },
    };

    [Fact]
    public void ValidContractGeneratesEstimatesThatCompile()
    {
        var pricing = PricingThatCompiles(Valid);

        Assert.Contains("Estimate(MakeRequest request)", pricing, StringComparison.Ordinal);
        Assert.Contains("Estimate(CopyRequest request)", pricing, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Mistakes))]
    public void EachMistakeIsReportedAtItsPlace(
        string id, string situation, string find, string replace, int line, int column, int endLine, int endColumn, string covered, string message)
    {
        var diagnostic = DiagnosticAssert.Reports(Edit(find, replace), id, line, column, endLine, endColumn, covered);

        Assert.True(message == diagnostic.GetMessage(CultureInfo.InvariantCulture), $"{situation}: {diagnostic.GetMessage(CultureInfo.InvariantCulture)}");
    }

    [Fact]
    public void Cfg054PricesInAVersion1Contract()
    {
        // Version 1 has no endpoint models either: the actions list their own.
        var yaml = Edit("contract: 2", "contract: 1")
            .Replace("    models: [clip-1, clip-2]\n    default_model: clip-1\n", "", StringComparison.Ordinal)
            .Replace("      make: { fields:", "      make: { models: [clip-1, clip-2], fields:", StringComparison.Ordinal);

        var diagnostic = DiagnosticAssert.Reports(yaml, "CFG054", 33, 3, 33, 9, "prices");

        Assert.Equal("'prices' at billing is a format 2 key, and this contract is 'contract: 1'", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void EachActionReadsItsValuesFromTheRequestThenTheDefaultModelThenAssumptionsAndDefaults()
    {
        var billing = Parse.Valid(Valid).Billing!;
        var (make, copy) = (billing.Prices[0], billing.Prices[1]);

        Assert.Equal(["model", "mode", "size"], make.KeyFields);
        var priced = Assert.Single(make.Actions);
        Assert.Equal(
            [new PriceInput("model", "clip-1", Assumed: false), new PriceInput("mode", "std", Assumed: true), new PriceInput("size", null, Assumed: true)],
            priced.Keys);
        Assert.Equal(new PriceInput("seconds", "5", Assumed: true), priced.Quantity);
        Assert.Equal([("model clip-2, mode pro", 0.5m), ("size large", 0.3m), (null, 0.1m)], make.Rates.Select(r => (r.KeyText, r.Rate)));
        Assert.Equal((PriceUnit.Request, null, 0.2m), (copy.Unit, copy.QuantityField, Assert.Single(copy.Rates).Rate));
        Assert.Null(Assert.Single(copy.Actions).Quantity);
    }

    [Fact]
    public void AnItemCountLeftUnsetIsOneAndSaysSo()
    {
        var yaml = Edit("      unit: request\n", "      unit: item\n      quantity: n\n").Replace("      actions: [copy]\n", "      actions: [copy]\n", StringComparison.Ordinal);
        var copy = Parse.Valid(yaml.Replace("fields: { length: optional }", "fields: { length: optional, n: optional }", StringComparison.Ordinal)).Billing!.Prices[1];

        Assert.Equal(new PriceInput("n", "1", Assumed: true), Assert.Single(copy.Actions).Quantity);
    }

    [Fact]
    public void ADefaultQuantityTooLargeForALongStillCompiles()
    {
        // copy priced per second of length, whose default is what the estimate assumes; as a C# integer literal it would not fit.
        var yaml = Edit("      unit: request\n", "      unit: second\n      quantity: length\n")
            .Replace("length: { type: number }", "length: { type: number, default: 10000000000000000000000 }", StringComparison.Ordinal);

        Assert.Contains("request.Length ?? Assume(1E+22d, \"length 10000000000000000000000 s\", assumptions)", PricingThatCompiles(yaml), StringComparison.Ordinal);
    }

    [Fact]
    public void ACoveredTableNeedsNoFallback()
    {
        // Every model and mode listed, and size assumed: every request of make has a rate.
        var yaml = Edit(
            "        - { model: clip-2, mode: pro, rate: 0.5 }\n        - { size: large, rate: 0.3 }\n        - { rate: 0.1 }\n",
            "        - { model: clip-2, rate: 0.5 }\n        - { mode: pro, rate: 0.3 }\n        - { model: clip-1, size: small, rate: 0.1 }\n        - { model: clip-1, size: large, rate: 0.2 }\n")
            .Replace("      assume: { seconds: 5 }", "      assume: { seconds: 5, size: small }", StringComparison.Ordinal);

        Assert.Equal(4, Parse.Valid(yaml).Billing!.Prices[0].Rates.Count);
        Assert.Empty(GeneratorRunner.Run(yaml).Diagnostics);
    }

    /// <summary>Generates <paramref name="yaml"/>, compiles everything with no warning, and returns the pricing class.</summary>
    private static string PricingThatCompiles(string yaml)
    {
        var result = GeneratorRunner.Run(yaml);
        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var errors = TestCompilation.Create(result.GeneratedSources.Select(s => s.SourceText.ToString()))
            .GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        return Assert.Single(result.GeneratedSources, s => s.HintName.EndsWith("DemoPricing.g.cs", StringComparison.Ordinal)).SourceText.ToString();
    }

    private static string Edit(string find, string replace)
    {
        Assert.Contains(find, Valid, StringComparison.Ordinal);
        return Valid.Replace(find, replace, StringComparison.Ordinal);
    }
}
