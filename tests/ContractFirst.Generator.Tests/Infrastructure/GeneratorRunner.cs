using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>Drives <see cref="ContractGenerator"/> directly through <see cref="CSharpGeneratorDriver"/>, with step tracking on.</summary>
internal static class GeneratorRunner
{
    /// <summary>A driver over <paramref name="contracts"/>, and the additional texts it was given (for <c>ReplaceAdditionalText</c>).</summary>
    public static (GeneratorDriver Driver, ImmutableArray<AdditionalText> Texts) CreateDriver(
        IEnumerable<TestContract> contracts, string? rootNamespace = null)
    {
        var list = contracts.ToList();
        var texts = list.Select(c => (AdditionalText)new InMemoryAdditionalText(c.Path, c.Text)).ToImmutableArray();
        var driver = CSharpGeneratorDriver.Create(
            [new ContractGenerator().AsSourceGenerator()],
            texts,
            TestCompilation.ParseOptions,
            TestAnalyzerConfigOptionsProvider.For(list, rootNamespace),
            new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: true));
        return (driver, texts);
    }

    /// <summary>Runs the generator once over <paramref name="contracts"/> and one trivial C# file.</summary>
    public static GeneratorRunResult Run(IEnumerable<TestContract> contracts, string? rootNamespace = null)
    {
        var driver = CreateDriver(contracts, rootNamespace).Driver.RunGenerators(TestCompilation.Create(["namespace Host; internal static class Marker { }"]));
        return driver.GetRunResult().Results.Single();
    }

    public static GeneratorRunResult Run(params TestContract[] contracts) => Run(contracts, rootNamespace: null);

    /// <summary>A contract given inline, at <c>/spec/contract.yaml</c>.</summary>
    public static GeneratorRunResult Run(string yaml) => Run(new TestContract(InlinePath, yaml));

    public const string InlinePath = "/spec/contract.yaml";

    public static ImmutableArray<(string HintName, string Text)> Sources(this GeneratorRunResult result) =>
        result.GeneratedSources.Select(s => (s.HintName, s.SourceText.ToString())).ToImmutableArray();
}
