using ContractFirst.Contract.Model;
using ContractFirst.Generator.Tests.Diagnostics;
using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>
/// The migration rule of spec/README.md ("Format versions"): a version 1 file is read as the format 2 file it
/// migrates to, keeping its two defaults (discriminator: action; an action's first model as its default), and
/// format 2 has neither. Then what format 2 adds: single-operation endpoints and models declared once per endpoint.
/// </summary>
public sealed class FormatVersionTests
{
    /// <summary>One endpoint with a model list and no discriminator or default_model: what the two versions read differently.</summary>
    private static readonly string WithoutDefaults = StructureDiagnosticTests.Valid.Replace(
        "    response: Thing\n    actions:\n      create:\n",
        "    response: Thing\n    model_field: model\n    actions:\n      create:\n        models: [thing-1, thing-2]\n",
        StringComparison.Ordinal);

    [Fact]
    public void Version1KeepsItsTwoDefaults()
    {
        var things = Parse.Valid(WithoutDefaults).Endpoints.Single();

        Assert.Equal("action", things.Discriminator);
        Assert.Equal("thing-1", things.Actions.Single().DefaultModel);
    }

    [Fact]
    public void Format2HasNeitherDefault()
    {
        var things = Parse.Valid(WithoutDefaults.Replace("contract: 1", "contract: 2", StringComparison.Ordinal)).Endpoints.Single();

        Assert.Null(things.Discriminator);
        Assert.Null(things.Actions.Single().DefaultModel);
    }

    /// <summary>
    /// The real contract (format 2, which writes both defaults down) and the version 1 file it was migrated from
    /// (without them) are the same contract: the same model, so the same generated code and exported schemas.
    /// </summary>
    [Fact]
    public void TheHappyHorseContractAndItsVersion1FormGenerateTheSameCode()
    {
        var migrated = TestContract.HappyHorse().Text;
        var version1 = Remove(migrated, "contract: 2\n", "contract: 1\n", expected: 1);
        version1 = Remove(version1, "    discriminator: action\n", "", expected: 2);

        // Every action's default is its first model, which version 1 implies.
        foreach (var model in new[] { "happyhorse-1.1-t2v", "happyhorse-1.1-i2v", "happyhorse-1.1-r2v", "happyhorse-1.0-video-edit" })
        {
            version1 = Remove(version1, $"        default_model: {model}\n", "", expected: 1);
        }

        // Its billing as version 1 wrote it: one per-second price for the endpoint, rated by one enum field.
        version1 = Remove(version1, version1[version1.IndexOf("  prices:\n", StringComparison.Ordinal)..], Version1Billing, expected: 1);

        AssertSameContract(version1, migrated);
    }

    /// <summary>spec/happyhorse.yaml's prices written with the keys of a version 1 billing.</summary>
    internal const string Version1Billing = """
          endpoint: videos
          rate_field: resolution
          rates:
            720P: 0.105
            1080P: 0.18
          duration_field: duration
          assume:
            resolution: 720P
            duration: 5
          input_plus_output: [video_edit]

        """;

    [Fact]
    public void AFormat2ContractMayStillWriteItsBillingWithTheVersion1Keys()
    {
        var migrated = TestContract.HappyHorse().Text;
        var oldKeys = Remove(migrated, migrated[migrated.IndexOf("  prices:\n", StringComparison.Ordinal)..], Version1Billing, expected: 1);

        AssertSameContract(oldKeys, migrated);
    }

    [Fact]
    public void AVersion1ContractAndItsHandMigrationGenerateTheSameCode()
    {
        var version1 = TestContract.FromContractsFolder("minimal.yaml").Text;
        var migrated = Remove(version1, "contract: 1\n", "contract: 2\n", expected: 1);
        migrated = Remove(migrated, "    path: /v1/messages\n", "    path: /v1/messages\n    discriminator: action\n", expected: 1);

        AssertSameContract(version1, migrated);
    }

    [Fact]
    public void ModelsDeclaredOnTheEndpointAreEveryActionsUnlessItNarrowsThem()
    {
        var spec = Parse.Valid(Format2DiagnosticTests.Valid);
        var things = spec.Endpoints.Single(e => e.Key == "things");

        Assert.Equal(("ThingsModel", "thing-1"), (things.ModelTypeName, things.DefaultModel));
        Assert.Equal(["thing-1", "thing-2", "thing-3"], things.Models.Select(m => m.Value));

        var create = things.Actions.Single(a => a.Value == "create");
        Assert.Equal(("ThingsModel", "thing-1"), (create.ModelTypeName, create.DefaultModel));
        Assert.Equal(things.Models, create.Models);

        // Narrowed in the action's order, with the endpoint's members, and the endpoint's default (which it keeps).
        var copy = things.Actions.Single(a => a.Value == "copy");
        Assert.Equal(("ThingsModel", "thing-1"), (copy.ModelTypeName, copy.DefaultModel));
        Assert.Equal([things.Models[1], things.Models[0]], copy.Models);

        var lookups = spec.Endpoints.Single(e => e.Key == "lookups");
        Assert.Null(lookups.Discriminator);
        Assert.True(lookups.Models.IsEmpty);
    }

    [Fact]
    public void AnActionsOwnDefaultWinsOverTheEndpoints()
    {
        var spec = Parse.Valid(Format2DiagnosticTests.Valid.Replace("      create:\n", "      create:\n        default_model: thing-3\n", StringComparison.Ordinal));

        Assert.Equal("thing-3", spec.Endpoints.Single(e => e.Key == "things").Actions.Single(a => a.Value == "create").DefaultModel);
    }

    /// <summary>
    /// One model type for the endpoint (no per-action types), the endpoint's default sent through its Default
    /// member, the narrowing action's own list in its validator, and a single operation that sends no action;
    /// all of it compiling without a warning.
    /// </summary>
    [Fact]
    public void Format2ShapesGenerateCodeThatCompilesWithoutWarnings()
    {
        var result = GeneratorRunner.Run(Format2DiagnosticTests.Valid);
        Assert.Empty(result.Diagnostics);
        var sources = result.Sources().ToDictionary(s => s.HintName.Replace("contract.Demo.", "", StringComparison.Ordinal), s => s.Text);

        Assert.Contains("ThingsModel.g.cs", sources.Keys);
        Assert.DoesNotContain(sources.Keys, name => name is "CreateModel.g.cs" or "CopyModel.g.cs" or "FindModel.g.cs");
        Assert.Contains("public static ThingsModel Default => Thing1;", sources["ThingsModel.g.cs"], StringComparison.Ordinal);
        Assert.Contains("public ThingsModel? Model { get; set; }", sources["CopyRequest.g.cs"], StringComparison.Ordinal);
        Assert.Contains("(Model ?? global::Demo.ThingsModel.Default).WriteJson(writer, JsonText.Model);", sources["CreateRequest.Json.g.cs"], StringComparison.Ordinal);
        Assert.Contains("(Model ?? global::Demo.ThingsModel.Default).WriteJson(writer, JsonText.Model);", sources["CopyRequest.Json.g.cs"], StringComparison.Ordinal);
        Assert.Contains("""if (Model is { } modelValue && modelValue.Value is not ("thing-2" or "thing-1"))""", sources["CopyRequest.Validation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("""ValidationRule.Allowed("model", "thing-2, thing-1")""", sources["CopyRequest.Validation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("errors.Add(s_modelAllowedRule, modelValue.Value);", sources["CopyRequest.Validation.g.cs"], StringComparison.Ordinal);
        Assert.Contains("if (Model is { } modelValue && !modelValue.IsKnown)", sources["CreateRequest.Validation.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("const string Action", sources["FindRequest.g.cs"], StringComparison.Ordinal);
        Assert.DoesNotContain("\"action\"", sources["FindRequest.Json.g.cs"], StringComparison.Ordinal);

        var warnings = TestCompilation.Create(sources.Values).GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(warnings.Count == 0, string.Join("\n", warnings));
    }

    private static string Remove(string text, string find, string replace, int expected)
    {
        var count = (text.Length - text.Replace(find, "", StringComparison.Ordinal).Length) / find.Length;
        Assert.Equal(expected, count);
        return text.Replace(find, replace, StringComparison.Ordinal);
    }

    private static void AssertSameContract(string version1, string version2)
    {
        Assert.Equal(Parse.Valid(version1), Parse.Valid(version2));

        var first = GeneratorRunner.Run(new TestContract("/spec/api.yaml", version1));
        var second = GeneratorRunner.Run(new TestContract("/spec/api.yaml", version2));
        Assert.Empty(first.Diagnostics);
        Assert.Empty(second.Diagnostics);
        Assert.NotEmpty(first.GeneratedSources);
        Assert.Equal(first.Sources().Select(s => s.HintName), second.Sources().Select(s => s.HintName));
        foreach (var (a, b) in first.Sources().Zip(second.Sources()))
        {
            Assert.Equal(a.Text, b.Text);
        }
    }
}
