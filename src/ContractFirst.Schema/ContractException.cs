using System.Globalization;
using ContractFirst.Generator.Diagnostics;

namespace ContractFirst.Schema;

/// <summary>A contract has errors; <see cref="Diagnostics"/> lists each with its file, line and column.</summary>
public sealed class ContractException : Exception
{
    /// <summary>Initializes a new instance.</summary>
    /// <param name="path">The contract file.</param>
    /// <param name="diagnostics">The problems found; at least one.</param>
    public ContractException(string path, IReadOnlyList<ContractDiagnostic> diagnostics)
        : base(BuildMessage(path, diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Gets the problems found, in the order the parser reported them.</summary>
    public IReadOnlyList<ContractDiagnostic> Diagnostics { get; }

    private static string BuildMessage(string path, IReadOnlyList<ContractDiagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var count = diagnostics.Count == 1 ? "1 error" : diagnostics.Count.ToString(CultureInfo.InvariantCulture) + " errors";
        return $"The contract {path} has {count}:" + string.Concat(diagnostics.Select(d => "\n  " + d));
    }
}

/// <summary>One problem in a contract, located like a compiler error.</summary>
/// <param name="Id">The generator's diagnostic id, for example <c>CFG002</c>.</param>
/// <param name="Message">What is wrong, in the generator's words.</param>
/// <param name="FilePath">The contract file.</param>
/// <param name="Line">The 1-based line.</param>
/// <param name="Column">The 1-based column.</param>
public sealed record ContractDiagnostic(string Id, string Message, string FilePath, int Line, int Column)
{
    /// <summary>Formats the diagnostic as <c>file(line,column): error ID: message</c>, the form editors and CI logs link.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{FilePath}({Line},{Column}): error {Id}: {Message}");

    internal static ContractDiagnostic From(DiagnosticInfo info)
    {
        // The generator's descriptors hold the message formats; Roslyn fills in the arguments.
        var message = info.ToDiagnostic().GetMessage(CultureInfo.InvariantCulture);
        var start = info.Location?.LineSpan.Start;
        return new ContractDiagnostic(
            info.Id,
            message,
            info.Location?.FilePath ?? "",
            (start?.Line ?? 0) + 1,
            (start?.Character ?? 0) + 1);
    }
}
