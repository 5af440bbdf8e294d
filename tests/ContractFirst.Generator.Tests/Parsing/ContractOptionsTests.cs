using System.Globalization;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Tests.Diagnostics;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>
/// The per-contract options: which AdditionalFiles are contracts, the namespace
/// (ContractNamespace, else the project's RootNamespace, else api.name) and the client name.
/// </summary>
public sealed class ContractOptionsTests
{
    [Fact]
    public void ParserUsesTheNamespaceAndClientNameItIsGiven()
    {
        var spec = Parse.Valid(StructureDiagnosticTests.Valid, "Acme.Things", "ThingsApi");

        Assert.Equal(("Acme.Things", "ThingsApi"), (spec.Namespace, spec.ClientName));
    }

    [Fact]
    public void ParserFallsBackToTheApiName()
    {
        var spec = Parse.Valid(StructureDiagnosticTests.Valid);

        Assert.Equal(("Demo", "DemoClient"), (spec.Namespace, spec.ClientName));
    }

    [Fact]
    public void AClientNameThatClashesWithAModelIsReported()
    {
        var result = Parse.Result(StructureDiagnosticTests.Valid, clientName: "Thing");

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal("CFG029", diagnostic.Id);
        Assert.Equal("models.Thing ('Thing') gives the C# type 'Thing', as api does", diagnostic.GetMessage(CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("My-App", null, "the namespace (ContractNamespace or RootNamespace) ('My-App') gives the C# name 'My-App', which is not a C# identifier")]
    [InlineData("Acme.class", null, "the namespace (ContractNamespace or RootNamespace) ('Acme.class') gives the C# name 'class', which is a C# keyword")]
    [InlineData("Acme..Items", null, "the namespace (ContractNamespace or RootNamespace) ('Acme..Items') gives the C# name '', which is empty")]
    [InlineData(null, "2Client", "the client name (ContractClientName) ('2Client') gives the C# name '2Client', which starts with a digit")]
    public void ANamespaceOrClientNameThatIsNoCSharpNameIsReportedAtApi(string? @namespace, string? clientName, string message)
    {
        var result = Parse.Result(StructureDiagnosticTests.Valid, @namespace, clientName);

        Assert.Null(result.Spec);
        var diagnostic = Assert.Single(result.Diagnostics).ToDiagnostic();
        Assert.Equal("CFG014", diagnostic.Id);
        Assert.Contains(message, diagnostic.GetMessage(CultureInfo.InvariantCulture));
        Assert.Equal(1, diagnostic.Location.GetLineSpan().StartLinePosition.Line);
    }

    [Theory]
    [InlineData("Acme.Items", "Acme.Root", "Acme.Items")]
    [InlineData(null, "Acme.Root", "Acme.Root")]
    [InlineData(null, null, "Demo")]
    public void ContractNamespaceWinsOverRootNamespace(string? contractNamespace, string? rootNamespace, string expected)
    {
        var contract = new TestContract(GeneratorRunner.InlinePath, StructureDiagnosticTests.Valid) { Namespace = contractNamespace };

        var hintNames = GeneratorRunner.Run([contract], rootNamespace).GeneratedSources.Select(s => s.HintName).ToList();

        // Every file name starts with the contract's file name (contract.yaml), then the namespace.
        Assert.Contains("contract." + expected + ".DemoClient.g.cs", hintNames);
        Assert.All(hintNames, h => Assert.StartsWith("contract." + expected + ".", h, StringComparison.Ordinal));
    }

    [Fact]
    public void ContractClientNameNamesTheClient()
    {
        var contract = new TestContract(GeneratorRunner.InlinePath, StructureDiagnosticTests.Valid) { ClientName = "ThingsApi" };

        var hintNames = GeneratorRunner.Run(contract).GeneratedSources.Select(s => s.HintName).ToList();

        Assert.Contains("contract.Demo.ThingsApi.g.cs", hintNames);
        Assert.Contains("contract.Demo.ThingsApiOptions.g.cs", hintNames);
        Assert.DoesNotContain("contract.Demo.DemoClient.g.cs", hintNames);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("True", true)]
    [InlineData("false", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void OnlyFilesMarkedAsContractsAreRead(string? marker, bool read)
    {
        // Broken YAML: a file that is read reports it, a file that is not stays silent.
        var valid = new TestContract("/spec/valid.yaml", StructureDiagnosticTests.Valid) { Marker = marker };
        var broken = new TestContract("/spec/notes.yaml", "key: [unclosed\n") { Marker = marker };

        var result = GeneratorRunner.Run(valid, broken);

        Assert.Equal(read, result.GeneratedSources.Length > 0);
        Assert.Equal(read ? ["CFG001"] : [], result.Diagnostics.Select(d => d.Id));
    }
}
