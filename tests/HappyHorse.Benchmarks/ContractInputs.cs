using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace HappyHorse.Benchmarks;

/// <summary>A contract file as the compiler hands it to the generator.</summary>
internal sealed class ContractText(string path, string text) : AdditionalText
{
    private readonly SourceText _text = SourceText.From(text);

    public override string Path { get; } = path;

    public override SourceText GetText(CancellationToken cancellationToken = default) => _text;
}

/// <summary>Marks the one file as a contract (with the SDK project's namespace and client name), as the generator's build props do.</summary>
internal sealed class ContractOptions(string path) : AnalyzerConfigOptionsProvider
{
    private static readonly Options s_none = new(ImmutableDictionary<string, string>.Empty);

    private readonly Options _contract = new(ImmutableDictionary<string, string>.Empty
        .Add("build_metadata.AdditionalFiles.ContractFirst", "true")
        .Add("build_metadata.AdditionalFiles.ContractNamespace", "HappyHorse")
        .Add("build_metadata.AdditionalFiles.ContractClientName", "HappyHorseClient"));

    public override AnalyzerConfigOptions GlobalOptions => s_none;

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_none;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => textFile.Path == path ? _contract : s_none;

    private sealed class Options(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
