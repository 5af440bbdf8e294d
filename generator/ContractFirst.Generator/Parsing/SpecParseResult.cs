using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Helpers;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Parsing;

/// <summary>The outcome of parsing one contract: a model when it has no errors, and every diagnostic.</summary>
internal sealed record SpecParseResult(ContractSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The names of the types a valid contract generates; empty when it has errors. Names only, so
    /// an edit that moves lines leaves the result equal; <see cref="SpecParser.LocateTypes"/> finds
    /// where each comes from when a clash needs reporting.
    /// </summary>
    public EquatableArray<string> Types { get; init; }
}
