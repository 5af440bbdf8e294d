using ContractFirst.Contract.Model;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>
/// The format 2 field rules as the model carries them (Contracts/field-constraints.yaml): an action's override
/// replaces the endpoint field's rule it names and keeps the others, as min and max always did.
/// </summary>
public sealed class FieldRulesParsingTests
{
    private static readonly ContractSpec s_spec = Parse.Valid(TestContract.FromContractsFolder("field-constraints.yaml").Text);

    private static readonly string[] s_defaulted = ["steps", "duration", "strength", "guidance", "upscale", "style", "callback_url"];

    private static FieldSpec Field(string action, string field) =>
        s_spec.Endpoints.Single().Actions.Single(a => a.Value == action).Fields.Single(f => f.JsonName == field);

    [Fact]
    public void EndpointRulesReachTheActionsThatTakeTheField()
    {
        Assert.Equal((1, 1000), (Field("create", "prompt").MinLength, Field("create", "prompt").MaxLength));
        Assert.Equal((@"^\d+:\d+$", "1:1"), (Field("create", "aspect_ratio").Pattern, Field("create", "aspect_ratio").Default));
        Assert.Equal([5m, 10m], Field("create", "duration").Values);
        Assert.Equal([0.25m, 0.5m, 1m], Field("create", "strength").Values);
        Assert.Equal(["30", "5", "0.5", "7.5", "false", "photo", "https://hooks.studio.example/done"],
            s_defaulted.Select(f => Field("create", f).Default));
    }

    [Fact]
    public void AnOverrideReplacesOnlyTheRulesItNames()
    {
        var prompt = Field("preview", "prompt");
        Assert.Equal((1, 200, true), (prompt.MinLength, prompt.MaxLength, prompt.Required));

        var steps = Field("preview", "steps");
        Assert.Equal((1m, 20m, "10"), (steps.Min, steps.Max, steps.Default));

        var duration = Field("preview", "duration");
        Assert.Equal([5m], duration.Values);
        Assert.Equal("5", duration.Default);

        var tag = Field("preview", "tag");
        Assert.Equal((4, 4, "^[A-Z0-9]+$", true), (tag.MinLength, tag.MaxLength, tag.Pattern, tag.Required));
    }

    [Fact]
    public void NumbersAreKeptWithoutTrailingZerosAndBooleansInLowerCase()
    {
        var spec = Parse.Valid(FieldContract.With(
            """
            a: { type: integer, values: [5.0, 1e1], default: 1E1 }
            b: { type: number, values: [0.50, 2.500], default: 2.50 }
            c: { type: boolean, default: True }
            """,
            "a: optional\nb: optional\nc: optional"));
        var fields = spec.Endpoints.Single().Actions.Single().Fields;

        Assert.Equal(["5", "10"], fields[0].Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(["10", "2.5", "true"], fields.Select(f => f.Default));
        Assert.Equal(["0.5", "2.5"], fields[1].Values.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
