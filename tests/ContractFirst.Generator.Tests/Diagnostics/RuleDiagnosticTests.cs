using System.Globalization;
using ContractFirst.Contract.Model;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>Rules between fields (<c>rules:</c>, format 2): how they are read, and each misuse at its YAML position.</summary>
public sealed class RuleDiagnosticTests
{
    /// <summary>A valid contract whose action has one rule, <paramref name="rule"/>, on line 17.</summary>
    private static string Contract(string rule = "- at_least_one_of: [prompt, image_url]", string version = "2") => $$"""
        contract: {{version}}
        api: { name: Demo, base_url: https://demo.example }
        enums:
          Mode: { values: [std, pro] }
        endpoints:
          things:
            path: /things
            discriminator: action
            response: Thing
            fields:
              prompt: { type: string }
              image_url: { type: url }
              mode: { type: Mode }
              duration: { type: integer }
            actions:
              create:
                fields: { prompt: optional, image_url: optional, mode: optional, duration: optional }
                rules:
                  {{rule}}
        models:
          Thing:
            fields:
              id: { type: string }
        errors:
          cases:
            - { status: 400, exception: BadRequest }
        """;

    [Fact]
    public void RulesAreReadIntoTheActionsModel()
    {
        var spec = Parse.Valid(Contract("- when: { field: mode, in: [pro] }\n            then: { required: [prompt], fields: { duration: { values: [5.0, 10] } } }"));

        var rule = Assert.Single(spec.Endpoints[0].Actions[0].Rules);
        Assert.Equal(RuleKind.When, rule.Kind);
        Assert.Equal("mode is pro", rule.When!.Text);
        Assert.Equal(["prompt"], rule.Required);
        Assert.Equal(["5", "10"], Assert.Single(rule.Limits).Values);
    }

    [Fact]
    public void Cfg007ARuleNamesAFieldTheActionDoesNotHave()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("- at_least_one_of: [prompt, image]"), "CFG007", 19, 39, 19, 44, "image");
        Assert.Equal("endpoints.things.actions.create.rules[0].at_least_one_of[1] names 'image', which is not a field of endpoints.things.actions.create",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg027AConditionOnAnEnumValueTheEnumLacks()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("- when: { field: mode, is: ultra }\n            then: { required: [prompt] }"), "CFG027", 19, 38, 19, 43, "ultra");
        Assert.StartsWith("endpoints.things.actions.create.rules[0].when.is names 'ultra', which is not a value of enum 'Mode'", diagnostic.GetMessage(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void Cfg011ALengthLimitOnANumber()
    {
        var diagnostic = DiagnosticAssert.Reports(Contract("- when: { field: mode, is: pro }\n            then: { fields: { duration: { max_length: 3 } } }"), "CFG011", 20, 43, 20, 53, "max_length");
        Assert.Equal("'max_length' does not apply to endpoints.things.actions.create.rules[0].then.fields.duration, of type integer; it applies to: string, url",
            diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Cfg054RulesNeedFormat2() =>
        DiagnosticAssert.Reports(Contract(version: "1"), "CFG054", 18, 9, 18, 14, "rules");

    [Fact]
    public void Cfg003AConditionWithNothingToApply() =>
        DiagnosticAssert.Reports(Contract("- when: { field: mode, is: pro }\n            then: { required: [] }"), "CFG003", 20, 21, 20, 29, "required");
}
