using ContractFirst.Contract.Diagnostics;
using Microsoft.CodeAnalysis;

namespace ContractFirst.Generator.Diagnostics;

/// <summary>
/// The Roslyn descriptors of every diagnostic, built from the contract library's plain-data catalogue
/// (<see cref="Contract.Diagnostics.DiagnosticDescriptors"/>); ids, titles and messages live there only.
/// </summary>
internal static class DiagnosticDescriptors
{
    public static readonly IReadOnlyList<DiagnosticDescriptor> All =
        Contract.Diagnostics.DiagnosticDescriptors.All.Select(ToRoslyn).ToArray();

    private static readonly Dictionary<string, DiagnosticDescriptor> s_byId = All.ToDictionary(d => d.Id);

    /// <summary>CFG000: the generator failed unexpectedly; a bug, reported instead of crashing the build.</summary>
    public static DiagnosticDescriptor InternalError => ById(Contract.Diagnostics.DiagnosticDescriptors.InternalError.Id);

    /// <summary>CFG041: two contracts of one file name generating one file.</summary>
    public static DiagnosticDescriptor GeneratedFileTaken => ById(Contract.Diagnostics.DiagnosticDescriptors.GeneratedFileTaken.Id);

    /// <summary>CFG015: two contracts in one project generating the same type in the same namespace.</summary>
    public static DiagnosticDescriptor TypeInOtherContract => ById(Contract.Diagnostics.DiagnosticDescriptors.TypeInOtherContract.Id);

    public static DiagnosticDescriptor ById(string id) => s_byId[id];

    /// <summary>The Roslyn diagnostic of a parser diagnostic; the pipeline carries <see cref="DiagnosticInfo"/> until the output step.</summary>
    public static Diagnostic ToDiagnostic(this DiagnosticInfo info) =>
        Diagnostic.Create(
            ById(info.Id),
            info.Location is { } location ? ToLocation(location) : Location.None,
            info.Args.Cast<object>().ToArray());

    public static Location ToLocation(this LocationInfo location) =>
        Location.Create(
            location.FilePath,
            new Microsoft.CodeAnalysis.Text.TextSpan(location.TextSpan.Start, location.TextSpan.Length),
            new Microsoft.CodeAnalysis.Text.LinePositionSpan(
                new Microsoft.CodeAnalysis.Text.LinePosition(location.LineSpan.Start.Line, location.LineSpan.Start.Character),
                new Microsoft.CodeAnalysis.Text.LinePosition(location.LineSpan.End.Line, location.LineSpan.End.Character)));

    private static DiagnosticDescriptor ToRoslyn(ContractDiagnosticDescriptor descriptor) =>
        new(descriptor.Id, descriptor.Title, descriptor.MessageFormat, ContractDiagnosticDescriptor.Category, descriptor.DefaultSeverity switch
        {
            ContractDiagnosticSeverity.Error => DiagnosticSeverity.Error,
            ContractDiagnosticSeverity.Warning => DiagnosticSeverity.Warning,
            _ => DiagnosticSeverity.Info,
        }, isEnabledByDefault: true, description: descriptor.Description, helpLinkUri: descriptor.HelpLink);
}
