using System.Globalization;
using ContractFirst.Contract.Helpers;

namespace ContractFirst.Contract.Diagnostics;

/// <summary>A diagnostic as plain data: the descriptor's id, where, and the message arguments.</summary>
/// <remarks>Compares by value, so it can flow through the generator's incremental pipeline (Roslyn's
/// <c>Diagnostic</c> compares by reference and would defeat caching); the generator turns it into a Roslyn
/// diagnostic only at its output step.</remarks>
/// <param name="Id">The descriptor's id, for example <c>CFG006</c>.</param>
/// <param name="Location">Where the problem is, or <see langword="null"/> when it has no place in the file.</param>
/// <param name="Args">The arguments of the descriptor's message format.</param>
public sealed record DiagnosticInfo(string Id, LocationInfo? Location, EquatableArray<string> Args)
{
    /// <summary>Gets the descriptor: title, message format and severity.</summary>
    public ContractDiagnosticDescriptor Descriptor => DiagnosticDescriptors.ById(Id);

    /// <summary>Gets the default severity.</summary>
    public ContractDiagnosticSeverity Severity => Descriptor.DefaultSeverity;

    /// <summary>Gets the message with its arguments filled in.</summary>
    public string Message => Descriptor.FormatMessage(Args);

    /// <summary>Gets the contract file, or an empty string when unknown.</summary>
    public string FilePath => Location?.FilePath ?? "";

    /// <summary>Gets the 1-based line (1 when the diagnostic has no location).</summary>
    public int Line => (Location?.LineSpan.Start.Line ?? 0) + 1;

    /// <summary>Gets the 1-based column (1 when the diagnostic has no location).</summary>
    public int Column => (Location?.LineSpan.Start.Character ?? 0) + 1;

    internal static DiagnosticInfo Create(ContractDiagnosticDescriptor descriptor, LocationInfo? location, params string[] args) =>
        new(descriptor.Id, location, args.ToEquatableArray());

    /// <summary>Formats the diagnostic as <c>file(line,column): error ID: message</c>, the form editors and CI logs link.</summary>
    /// <returns>The text.</returns>
    public override string ToString() =>
        string.Format(CultureInfo.InvariantCulture, "{0}({1},{2}): {3} {4}: {5}",
            FilePath, Line, Column, Severity.ToString().ToLowerInvariant(), Id, Message);
}
