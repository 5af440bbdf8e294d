using System.Globalization;
using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Several contracts in one project: every generated file name starts with its contract's file
/// name, and two contracts that would declare the same type in one namespace get CFG015 at both
/// (never the compiler's CS8785, which dropped every generated file of the project).
/// </summary>
public sealed class ContractConflictDiagnosticTests
{
    private static readonly TestContract s_minimal = TestContract.FromContractsFolder("minimal.yaml");

    [Fact]
    public void TwoContractsOnTheDefaultNamespaceAreReportedAtBoth()
    {
        // Both fall back to the project's RootNamespace, and both declare EchoClient, EchoResponse…
        var first = s_minimal with { Path = "/spec/a/echo.yaml" };
        var second = s_minimal with { Path = "/spec/b/echo-copy.yaml" };

        var result = GeneratorRunner.Run([first, second], rootNamespace: "Host");

        Assert.Null(result.Exception);
        Assert.Empty(result.GeneratedSources);
        Assert.DoesNotContain(result.Diagnostics, d => d.Id != "CFG015");
        var clientClashes = result.Diagnostics
            .Where(d => d.GetMessage(CultureInfo.InvariantCulture).StartsWith("The type 'EchoClient' ", StringComparison.Ordinal))
            .OrderBy(d => d.Location.GetLineSpan().Path, StringComparer.Ordinal)
            .ToList();
        Assert.Equal(2, clientClashes.Count);
        Assert.Equal(
            "The type 'EchoClient' is generated into namespace 'Host' by this contract and by the contract /spec/b/echo-copy.yaml; give each contract its own ContractNamespace",
            clientClashes[0].GetMessage(CultureInfo.InvariantCulture));

        // Each at the node that makes the type: for the client, the contract's api mapping (line 6).
        foreach (var (diagnostic, path) in clientClashes.Zip(new[] { first.Path, second.Path }))
        {
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
            Assert.Equal(path, span.Path);
            Assert.Equal(6, span.StartLinePosition.Line + 1);
            Assert.Equal(3, span.StartLinePosition.Character + 1);
        }
    }

    [Fact]
    public void TwoContractsWithTheirOwnNamespacesBothGenerate()
    {
        var first = s_minimal with { Path = "/spec/a/echo.yaml", Namespace = "Acme.First" };
        var second = s_minimal with { Path = "/spec/b/echo.yaml", Namespace = "Acme.Second" };

        var result = GeneratorRunner.Run([first, second], rootNamespace: "Host");

        Assert.Null(result.Exception);
        Assert.Empty(result.Diagnostics);
        var hintNames = result.GeneratedSources.Select(s => s.HintName).ToList();
        Assert.Contains("echo.Acme.First.EchoClient.g.cs", hintNames);
        Assert.Contains("echo.Acme.Second.EchoClient.g.cs", hintNames);
        Assert.Equal(hintNames.Count, hintNames.Distinct(StringComparer.OrdinalIgnoreCase).Count());
        Assert.Empty(TestCompilation.Create(result.GeneratedSources.Select(s => s.SourceText.ToString()))
            .GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning));
    }

    [Fact]
    public void AClashLeavesTheOtherContractsGenerating()
    {
        // The two copies clash in Echo; the real contract, alone in Host, is unaffected (both
        // declare BadRequestException, so sharing a namespace would block it too).
        var first = s_minimal with { Path = "/spec/echo.yaml", Namespace = "Echo" };
        var second = s_minimal with { Path = "/spec/echo2.yaml", Namespace = "Echo" };
        var other = TestContract.HappyHorse();

        var result = GeneratorRunner.Run([first, second, other], rootNamespace: "Host");

        Assert.All(result.Diagnostics, d => Assert.Equal("CFG015", d.Id));
        Assert.NotEmpty(result.GeneratedSources);
        Assert.All(result.GeneratedSources, s => Assert.StartsWith("happyhorse.Host.", s.HintName, StringComparison.Ordinal));
    }

    [Fact]
    public void TheClashStepIsCachedWhenAContractChangesButNotItsTypes()
    {
        var compilation = TestCompilation.Create(["namespace Host; internal static class A { }"]);
        var first = s_minimal with { Path = "/spec/a.yaml", Namespace = "A" };
        var second = s_minimal with { Path = "/spec/b.yaml", Namespace = "B" };
        var (driver, texts) = GeneratorRunner.CreateDriver([first, second]);
        driver = driver.RunGenerators(compilation);

        var edited = first.Text.Replace("The text to echo.", "The text to send back.", StringComparison.Ordinal);
        driver = driver.ReplaceAdditionalText(texts[0], new InMemoryAdditionalText(first.Path, edited)).RunGenerators(compilation);

        StepAssert.Outputs(StepAssert.Steps(driver, TrackingNames.FindConflicts), TrackingNames.FindConflicts, IncrementalStepRunReason.Cached, IncrementalStepRunReason.Unchanged);
    }
}
