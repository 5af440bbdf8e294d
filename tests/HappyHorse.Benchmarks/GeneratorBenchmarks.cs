using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using ContractFirst.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HappyHorse.Benchmarks;

/// <summary>
/// The generator's cost per contract: a cold run of the incremental pipeline (read, parse, emit
/// every file) over spec/happyhorse.yaml, as a build with a changed contract pays it.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class GeneratorBenchmarks
{
    private CSharpCompilation _compilation = null!;
    private ImmutableArray<AdditionalText> _texts;
    private ContractOptions _options = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(RepoFiles.Root, "spec", "happyhorse.yaml");
        _texts = [new ContractText(path, File.ReadAllText(path))];
        _options = new ContractOptions(path);
        _compilation = CSharpCompilation.Create(
            "Host",
            [CSharpSyntaxTree.ParseText("namespace Host; internal static class Marker { }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        // A benchmark of a generator that generated nothing would measure nothing.
        var result = CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], _texts, optionsProvider: _options)
            .RunGenerators(_compilation).GetRunResult().Results[0];
        if (result.GeneratedSources.Length < 10)
        {
            throw new InvalidOperationException(
                $"The generator produced {result.GeneratedSources.Length} files from {path}; expected the whole SDK. {result.Exception} {string.Join("; ", result.Diagnostics)}");
        }
    }

    [Benchmark(Description = "Generate the HappyHorse SDK from its contract")]
    public int GenerateHappyHorse()
    {
        GeneratorDriver driver = CSharpGeneratorDriver.Create([new ContractGenerator().AsSourceGenerator()], _texts, optionsProvider: _options);
        driver = driver.RunGenerators(_compilation);
        return driver.GetRunResult().GeneratedTrees.Length;
    }

    /// <summary>The contract library alone (read, parse, check every name): the part of the run the generator owns before emitting.</summary>
    [Benchmark(Description = "Parse and check the HappyHorse contract")]
    public object? ParseHappyHorse() => ContractFirst.Contract.ContractParser.Parse(_texts[0].Path, _texts[0].GetText()!.ToString()).Spec;
}
