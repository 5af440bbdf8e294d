using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using BenchmarkDotNet.Attributes;
using ContractFirst.Generator;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

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

    private sealed class ContractText(string path, string text) : AdditionalText
    {
        private readonly SourceText _text = SourceText.From(text);

        public override string Path { get; } = path;

        public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
    }

    /// <summary>Marks the one file as a contract, as the generator's build props do.</summary>
    private sealed class ContractOptions(string path) : AnalyzerConfigOptionsProvider
    {
        private static readonly Options s_none = new(ImmutableDictionary<string, string>.Empty);
        private readonly Options _contract = new(ImmutableDictionary<string, string>.Empty.Add("build_metadata.AdditionalFiles.ContractFirst", "true"));

        public override AnalyzerConfigOptions GlobalOptions => s_none;

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _contract : s_none;

        private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
        {
            public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
        }
    }
}
