using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Helpers;
using ContractFirst.Generator.Model;

namespace ContractFirst.Generator.Parsing;

/// <summary>The outcome of parsing one contract: a model when it has no errors, and every diagnostic.</summary>
internal sealed record SpecParseResult(ContractSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics)
{
    /// <summary>The types a valid contract generates, each with the YAML node it comes from; empty when the contract has errors.</summary>
    public EquatableArray<Pipeline.GeneratedType> Types { get; init; }
}
