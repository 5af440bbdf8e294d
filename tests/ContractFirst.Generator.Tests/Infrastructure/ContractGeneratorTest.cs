using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>
/// The roslyn-sdk harness set up to run offline: no reference pack is resolved (an empty
/// <see cref="ReferenceAssemblies"/> names no package, so NuGet is never asked), the running
/// runtime's assemblies and ContractFirst.Runtime are the references, and the compiler's own
/// warnings on the generated code fail the test.
/// </summary>
internal sealed class ContractGeneratorTest : CSharpSourceGeneratorTest<ContractGenerator, DefaultVerifier>
{
    public ContractGeneratorTest()
    {
        ReferenceAssemblies = new ReferenceAssemblies("net10.0");
        TestState.AdditionalReferences.AddRange(TestCompilation.References);
        CompilerDiagnostics = CompilerDiagnostics.Warnings;
        // YAML flow syntax ("[a, b]", "{ k: v }") must not be read as the harness's span markup.
        TestState.MarkupHandling = MarkupMode.None;
    }

    public ContractGeneratorTest(IReadOnlyCollection<TestContract> contracts, string? rootNamespace)
        : this()
    {
        foreach (var contract in contracts)
        {
            TestState.AdditionalFiles.Add((contract.Path, contract.Text));
        }

        TestState.AnalyzerConfigFiles.Add(("/.globalconfig", TestContract.GlobalConfig(contracts, rootNamespace)));
    }

    protected override ParseOptions CreateParseOptions() => TestCompilation.ParseOptions;

    protected override CompilationOptions CreateCompilationOptions() =>
        TestCompilation.Options((CSharpCompilationOptions)base.CreateCompilationOptions());
}
