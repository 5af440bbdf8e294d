using System.Collections.Immutable;
using System.Diagnostics.CodeAnalysis;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>Options for driving the generator directly: global build properties plus per-file item metadata, keyed by path.</summary>
internal sealed class TestAnalyzerConfigOptionsProvider(
    ImmutableDictionary<string, string> globalOptions,
    ImmutableDictionary<string, ImmutableDictionary<string, string>> fileOptions) : AnalyzerConfigOptionsProvider
{
    private static readonly TestAnalyzerConfigOptions s_empty = new(ImmutableDictionary<string, string>.Empty);

    public override AnalyzerConfigOptions GlobalOptions { get; } = new TestAnalyzerConfigOptions(globalOptions);

    public static TestAnalyzerConfigOptionsProvider For(IEnumerable<TestContract> contracts, string? rootNamespace)
    {
        var global = ImmutableDictionary.CreateBuilder<string, string>();
        if (rootNamespace is not null)
        {
            global.Add("build_property.RootNamespace", rootNamespace);
        }

        var files = contracts.ToImmutableDictionary(
            c => c.Path,
            c => c.Metadata().ToImmutableDictionary(m => m.Key, m => m.Value));
        return new TestAnalyzerConfigOptionsProvider(global.ToImmutable(), files);
    }

    public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => s_empty;

    public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) =>
        fileOptions.TryGetValue(textFile.Path, out var options) ? new TestAnalyzerConfigOptions(options) : s_empty;

    private sealed class TestAnalyzerConfigOptions(ImmutableDictionary<string, string> values) : AnalyzerConfigOptions
    {
        public override bool TryGetValue(string key, [NotNullWhen(true)] out string? value) => values.TryGetValue(key, out value);
    }
}
