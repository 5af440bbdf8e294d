using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using static Microsoft.CodeAnalysis.IncrementalStepRunReason;

namespace ContractFirst.Generator.Tests;

/// <summary>
/// The pipeline re-runs only what an edit affects: C# edits re-run nothing, editing one contract
/// leaves the others cached, and an edit that changes no meaning stops at the parse.
/// </summary>
public sealed class IncrementalityTests
{
    private static readonly TestContract s_happyHorse = TestContract.HappyHorse();
    private static readonly TestContract s_minimal = TestContract.FromContractsFolder("minimal.yaml");

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void CSharpEditsRerunNothing(bool addFile)
    {
        var compilation = TestCompilation.Create(["namespace Host; internal static class A { }"]);
        var driver = GeneratorRunner.CreateDriver([s_happyHorse, s_minimal]).Driver.RunGenerators(compilation);

        var edited = addFile
            ? compilation.AddSyntaxTrees(CSharpSyntaxTree.ParseText("namespace Host; internal static class B { }", TestCompilation.ParseOptions))
            : compilation.ReplaceSyntaxTree(compilation.SyntaxTrees.Single(),
                CSharpSyntaxTree.ParseText("namespace Host; internal static class A { public const int X = 1; }", TestCompilation.ParseOptions));
        driver = driver.RunGenerators(edited);

        foreach (var name in StepAssert.TrackingNames)
        {
            StepAssert.Outputs(StepAssert.Steps(driver, name), name, Cached, Unchanged);
        }
    }

    [Fact]
    public void EditingOneContractLeavesTheOtherCached()
    {
        var compilation = TestCompilation.Create(["namespace Host; internal static class A { }"]);
        var (driver, texts) = GeneratorRunner.CreateDriver([s_happyHorse, s_minimal]);
        driver = driver.RunGenerators(compilation);

        var edited = s_minimal.Text.Replace("The text to echo.", "The text to send back.", StringComparison.Ordinal);
        Assert.NotEqual(s_minimal.Text, edited);
        driver = driver.ReplaceAdditionalText(texts[1], new InMemoryAdditionalText(s_minimal.Path, edited)).RunGenerators(compilation);

        var parse = StepAssert.Steps(driver, TrackingNames.ParseContract);
        StepAssert.Outputs(parse.Where(s => StepAssert.ContractPath(s) == s_happyHorse.Path), TrackingNames.ParseContract, Cached);
        StepAssert.Outputs(parse.Where(s => StepAssert.ContractPath(s) == s_minimal.Path), TrackingNames.ParseContract, Modified);

        // Units carry only their slice: the edited field's files change, the rest of that contract is unchanged.
        var units = StepAssert.Steps(driver, TrackingNames.BuildUnits);
        StepAssert.Outputs(units.Where(s => StepAssert.ContractPath(s) == s_happyHorse.Path), TrackingNames.BuildUnits, Cached);
        StepAssert.Outputs(units.Where(s => StepAssert.ContractPath(s) == s_minimal.Path), TrackingNames.BuildUnits, Modified, Unchanged);
        Assert.Contains(units.SelectMany(s => s.Outputs), o => o.Reason == Modified);
    }

    [Fact]
    public void EditingOneActionReEmitsOnlyItsOwnFilesAndTheFilesThatSpanTheContract()
    {
        var compilation = TestCompilation.Create(["namespace Host; internal static class A { }"]);
        var (driver, texts) = GeneratorRunner.CreateDriver([s_happyHorse]);
        driver = driver.RunGenerators(compilation);

        var edited = s_happyHorse.Text.Replace("description: Text-to-video.", "description: Text to video.", StringComparison.Ordinal);
        Assert.NotEqual(s_happyHorse.Text, edited);
        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(s_happyHorse.Path, edited)).RunGenerators(compilation);

        var outputs = StepAssert.Steps(driver, TrackingNames.BuildUnits).SelectMany(s => s.Outputs).ToList();
        var modified = outputs.Where(o => o.Reason == Modified).Select(o => ((Emit.EmitUnit)o.Value).HintName).Order(StringComparer.Ordinal);
        Assert.Equal(
            [
                "happyhorse.HappyHorse.GenerateModel.g.cs",
                "happyhorse.HappyHorse.GenerateRequest.Json.g.cs",
                "happyhorse.HappyHorse.GenerateRequest.Validation.g.cs",
                "happyhorse.HappyHorse.GenerateRequest.g.cs",
                "happyhorse.HappyHorse.HappyHorseClient.g.cs",   // the client and the estimates span every action
                "happyhorse.HappyHorse.HappyHorsePricing.g.cs",
            ],
            modified);
        Assert.All(outputs.Where(o => o.Reason != Modified), o => Assert.Equal(Unchanged, o.Reason));
        Assert.True(outputs.Count > 40);
    }

    [Fact]
    public void WhitespaceAndCommentEditsStopAtTheParse()
    {
        var compilation = TestCompilation.Create(["namespace Host; internal static class A { }"]);
        var (driver, texts) = GeneratorRunner.CreateDriver([s_minimal]);
        driver = driver.RunGenerators(compilation);

        // Comments, whitespace-only lines and every nested line indented two more spaces: the same contract.
        var edited = "# A comment the model does not see.\n\n"
            + s_minimal.Text.Replace("\n\n", "\n   \n\n", StringComparison.Ordinal).Replace("\n  ", "\n    ", StringComparison.Ordinal)
            + "\n# The end.\n";
        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(s_minimal.Path, edited)).RunGenerators(compilation);

        StepAssert.Outputs(StepAssert.Steps(driver, TrackingNames.ContractFiles), TrackingNames.ContractFiles, Modified);
        StepAssert.Outputs(StepAssert.Steps(driver, TrackingNames.ParseContract), TrackingNames.ParseContract, Unchanged);
        StepAssert.Outputs(StepAssert.Steps(driver, TrackingNames.BuildUnits), TrackingNames.BuildUnits, Cached, Unchanged);
    }

    [Fact]
    public void StepOutputsArePlainData()
    {
        // A broken contract too, so diagnostics (with their locations) are walked as well.
        var broken = new TestContract("/spec/broken.yaml", "contract: 1\napi: { name: Broken }\n");
        var driver = GeneratorRunner.CreateDriver([s_happyHorse, broken]).Driver.RunGenerators(TestCompilation.Create([]));

        var found = new List<string>();
        foreach (var name in StepAssert.TrackingNames)
        {
            foreach (var (step, i) in StepAssert.Steps(driver, name).Select((s, i) => (s, i)))
            {
                foreach (var (output, j) in step.Outputs.Select((o, j) => (o, j)))
                {
                    found.AddRange(StepAssert.RoslynObjectsIn(output.Value, $"{name}[{i}].Outputs[{j}]"));
                }
            }
        }

        Assert.Empty(found);
    }

    [Fact]
    public void ThePlainDataCheckFindsRoslynObjects()
    {
        var value = new { Name = "x", Items = new object[] { 1, new { Where = Location.None } } };

        Assert.Equal(["value.Items[1].Where is a NoLocation"], StepAssert.RoslynObjectsIn(value));
    }
}
