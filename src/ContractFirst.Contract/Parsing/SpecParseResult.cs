using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>The outcome of parsing one contract: a model when it has no errors, and every diagnostic.</summary>
public sealed record SpecParseResult(ContractSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>
    /// The names of the types a valid contract generates; empty when it has errors. Names only, so
    /// an edit that moves lines leaves the result equal; the parser's <c>LocateTypes</c> finds
    /// where each comes from when a clash between contracts needs reporting.
    /// </summary>
    public EquatableArray<string> Types { get; init; }
}
