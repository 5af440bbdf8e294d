using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace ContractFirst.Generator.Tests.Infrastructure;

/// <summary>
/// What generated code is compiled against: the assemblies of the running .NET (no reference
/// packs are downloaded) plus ContractFirst.Runtime, with the language version the generator
/// targets.
/// </summary>
internal static class TestCompilation
{
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(CreateReferences);

    /// <summary>
    /// C# 12 is the newest Roslyn 4.8 knows, and the generated code needs it (u8 literals,
    /// collection expressions, static abstract interface members). Documentation comments are
    /// diagnosed because the SDK project builds its XML docs with warnings as errors.
    /// </summary>
    public static CSharpParseOptions ParseOptions { get; } = new(LanguageVersion.CSharp12, DocumentationMode.Diagnose);

    public static ImmutableArray<MetadataReference> References => s_references.Value;

    /// <summary>
    /// Nullable on, as in every project of the repository. CS1701/CS1702 (the net8.0 runtime
    /// assembly unified with this process's newer framework) are off, as the .NET SDK's default
    /// NoWarn has them.
    /// </summary>
    public static CSharpCompilationOptions Options(CSharpCompilationOptions options) =>
        options
            .WithNullableContextOptions(NullableContextOptions.Enable)
            .WithSpecificDiagnosticOptions(options.SpecificDiagnosticOptions
                .SetItem("CS1701", ReportDiagnostic.Suppress)
                .SetItem("CS1702", ReportDiagnostic.Suppress));

    public static CSharpCompilation Create(IEnumerable<string> sources) =>
        CSharpCompilation.Create(
            "GeneratorTests",
            sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, $"/src/Source{i}.cs")),
            References,
            Options(new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary)));

    private static ImmutableArray<MetadataReference> CreateReferences()
    {
        var platform = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator);
        return platform
            .Append(typeof(ContractFirst.Runtime.ApiTransport).Assembly.Location)
            .Append(typeof(ContractFirst.Extensions.DependencyInjection.ContractClientRegistration).Assembly.Location)
            .Where(path => path.EndsWith(".dll", StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.Ordinal)
            .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path))
            .ToImmutableArray();
    }
}
