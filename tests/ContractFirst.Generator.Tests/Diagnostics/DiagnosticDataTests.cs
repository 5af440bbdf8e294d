using System.Globalization;
using ContractFirst.Contract;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Tests.Infrastructure;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using RoslynDescriptors = ContractFirst.Generator.Diagnostics.DiagnosticDescriptors;

namespace ContractFirst.Generator.Tests.Diagnostics;

/// <summary>
/// Diagnostics are plain data in the contract library; the generator turns them into Roslyn diagnostics
/// only at its output step. The two must say the same thing at the same place.
/// </summary>
public sealed class DiagnosticDataTests
{
    [Fact]
    public void EveryDiagnosticTellsTheMaintainerWhatToDoAndTheCompilerShowsIt()
    {
        foreach (var descriptor in Contract.Diagnostics.DiagnosticDescriptors.All)
        {
            Assert.True(descriptor.Description.Length > 40, $"{descriptor.Id} has no real description");
            Assert.Equal(descriptor.Description, RoslynDescriptors.ById(descriptor.Id).Description.ToString(CultureInfo.InvariantCulture));
        }
    }

    private static readonly string[] ReleaseFiles = ["AnalyzerReleases.Shipped.md", "AnalyzerReleases.Unshipped.md"];

    [Fact]
    public void TheRoslynDescriptorsAreBuiltFromTheCatalogue()
    {
        Assert.Equal(
            Contract.Diagnostics.DiagnosticDescriptors.All.Select(d => (d.Id, d.Title, d.MessageFormat, "Error")),
            RoslynDescriptors.All.Select(d => (d.Id, d.Title.ToString(CultureInfo.InvariantCulture), d.MessageFormat.ToString(CultureInfo.InvariantCulture), d.DefaultSeverity.ToString())));
        Assert.All(RoslynDescriptors.All, d => Assert.Equal("ContractFirst", d.Category));
    }

    [Fact]
    public void TheAnalyzerReleaseFilesListTheCatalogue()
    {
        // Roslyn's release tracking cannot read descriptors built from data, so this keeps the files honest.
        var rows = ReleaseFiles
            .SelectMany(f => File.ReadAllLines(Path.Combine(RepoPaths.Root, "generator", "ContractFirst.Generator", f)))
            .Where(l => l.StartsWith("CFG", StringComparison.Ordinal))
            .Select(l => l.Split('|').Select(c => c.Trim()).ToArray())
            .Select(c => (c[0], c[1], c[2]))
            .ToArray();

        Assert.Equal(
            Contract.Diagnostics.DiagnosticDescriptors.All.Select(d => (d.Id, ContractDiagnosticDescriptor.Category, d.DefaultSeverity.ToString())),
            rows);
    }

    [Theory]
    [InlineData("contract: 1\napi:\n  name: Demo\n  bogus: 1\n")]
    [InlineData("contract: 1\r\napi:\r\n  name: Demo\r\n  bogus: 1\r\n")]
    [InlineData("contract: 1\rapi:\r  name: Demo\r  bogus: 1\r")]
    [InlineData("contract: 1\napi: {name: Demo, base_url: 'https://x.example'\n")]
    [InlineData("contract: 1\napi:\n  name: \"Dé\u2028mo\"\n  base_url: [\n")]
    [InlineData("a: 1\na: 2\n---\nb: 1\n")]
    public void MessagesAndPositionsMatchRoslyns(string yaml)
    {
        var result = ContractParser.Parse("/spec/x.yaml", yaml);
        Assert.NotEmpty(result.Diagnostics);
        var lines = SourceText.From(yaml).Lines;
        foreach (var info in result.Diagnostics)
        {
            var diagnostic = info.ToDiagnostic();
            var span = diagnostic.Location.GetLineSpan();
            Assert.Equal(diagnostic.GetMessage(CultureInfo.InvariantCulture), info.Message);
            Assert.Equal((span.StartLinePosition.Line + 1, span.StartLinePosition.Character + 1), (info.Line, info.Column));
            Assert.Equal(
                $"/spec/x.yaml({info.Line},{info.Column}): error {info.Id}: {info.Message}",
                info.ToString());

            // The library's own line counting agrees with Roslyn's text lines.
            var location = Assert.IsType<LocationInfo>(info.Location);
            var roslynSpan = lines.GetLinePositionSpan(new Microsoft.CodeAnalysis.Text.TextSpan(location.TextSpan.Start, location.TextSpan.Length));
            Assert.Equal(
                (roslynSpan.Start.Line, roslynSpan.Start.Character, roslynSpan.End.Line, roslynSpan.End.Character),
                (location.LineSpan.Start.Line, location.LineSpan.Start.Character, location.LineSpan.End.Line, location.LineSpan.End.Character));
        }
    }

    [Fact]
    public void LoadThrowsAContractExceptionListingEveryDiagnostic()
    {
        var path = Path.Combine(Path.GetTempPath(), $"contract-{Guid.NewGuid():N}.yaml");
        File.WriteAllText(path, "contract: 3\n");
        try
        {
            var error = Assert.Throws<ContractException>(() => ContractParser.Load(path));
            Assert.Contains(error.Diagnostics, d => d.Id == "CFG012");
            Assert.All(error.Diagnostics, d => Assert.Contains(d.ToString(), error.Message, StringComparison.Ordinal));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void LoadReadsTheHappyHorseContract()
    {
        var spec = ContractParser.Load(RepoPaths.HappyHorseSpec);
        Assert.Equal("HappyHorse", spec.Api.Name);
        Assert.Equal(ContractParser.Parse(RepoPaths.HappyHorseSpec, File.ReadAllText(RepoPaths.HappyHorseSpec)).Spec, spec);
    }
}
