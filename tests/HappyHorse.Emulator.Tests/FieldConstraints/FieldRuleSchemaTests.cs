using System.Text.Json.Nodes;
using ContractFirst.Runtime;
using ContractFirst.Schema;
using Newtonsoft.Json.Linq;

namespace HappyHorse.Emulator.Tests.FieldConstraints;

/// <summary>
/// The exported request schemas state the format 2 rules in JSON Schema's own words (minLength, maxLength,
/// pattern, enum, default), so any JSON Schema tool checks what the generated validators check.
/// </summary>
public class FieldRuleSchemaTests
{
    private static JsonNode Property(string action, string field) =>
        JsonNode.Parse(StudioRequests.Schemas.Schemas.Single(s => s.Name == "images." + action).ToJson())!["properties"]![field]!;

    [Fact]
    public void AStringWithAPatternStatesItAndKeepsTheWellFormedRuleBesideIt() =>
        Assert.Equal(
            new JsonObject
            {
                ["type"] = "string",
                ["description"] = "Width to height.",
                ["default"] = "1:1",
                ["pattern"] = @"^\d+:\d+$",
                ["allOf"] = new JsonArray(new JsonObject { ["pattern"] = UrlRule.WellFormedUtf16Pattern }),
            }.ToJsonString(),
            Property("create", "aspect_ratio").ToJsonString());

    [Fact]
    public void ARequiredStringWithLengthsAndAPatternIsNotBlankToo()
    {
        var tag = Property("preview", "tag");

        Assert.Equal((4, 4, "^[A-Z0-9]+$"), ((int)tag["minLength"]!, (int)tag["maxLength"]!, (string)tag["pattern"]!));
        Assert.Equal(ContractSchemaExporter.NotBlankPattern, (string)tag["allOf"]![0]!["pattern"]!);
    }

    [Fact]
    public void LengthsFollowTheActionsOverrides()
    {
        Assert.Equal(("1", "1000"), (Property("create", "prompt")["minLength"]!.ToJsonString(), Property("create", "prompt")["maxLength"]!.ToJsonString()));
        Assert.Equal("200", Property("preview", "prompt")["maxLength"]!.ToJsonString());
        Assert.Equal("50", Property("preview", "negative_prompt")["maxLength"]!.ToJsonString());
        Assert.Equal("2048", Property("create", "callback_url")["maxLength"]!.ToJsonString());
    }

    [Fact]
    public void NumberValuesAreAnEnumOfNumbers()
    {
        Assert.Equal("[5,10]", Property("create", "duration")["enum"]!.ToJsonString());
        Assert.Equal("[5]", Property("preview", "duration")["enum"]!.ToJsonString());
        Assert.Equal("[0.25,0.5,1.0]", Property("create", "strength")["enum"]!.ToJsonString());
        Assert.Equal("[1048576,4294967296]", Property("create", "max_bytes")["enum"]!.ToJsonString());
    }

    [Theory]
    [InlineData("""{ "action": "create", "prompt": "p", "strength": 1 }""", true)]
    [InlineData("""{ "action": "create", "prompt": "p", "strength": 0.75 }""", false)]
    [InlineData("""{ "action": "create", "prompt": "p", "duration": 10 }""", true)]
    [InlineData("""{ "action": "create", "prompt": "p", "duration": 7 }""", false)]
    [InlineData("""{ "action": "create", "prompt": "p", "aspect_ratio": "4:3" }""", true)]
    [InlineData("""{ "action": "create", "prompt": "p", "aspect_ratio": "4/3" }""", false)]
    [InlineData("""{ "action": "preview", "prompt": "p", "tag": "AB12" }""", true)]
    [InlineData("""{ "action": "preview", "prompt": "p", "tag": "AB123" }""", false)]
    public void AnyJsonSchemaToolChecksTheRules(string body, bool valid)
    {
        var action = (string)JObject.Parse(body)["action"]!;

        Assert.Equal(valid, StudioRequests.Schemas.GetRequestSchema("images", action).Validate(body).Count == 0);
    }
}
