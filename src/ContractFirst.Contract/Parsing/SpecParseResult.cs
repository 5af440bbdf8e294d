using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>The outcome of parsing one contract: a model when it has no errors, and every diagnostic.</summary>
public sealed record SpecParseResult(ContractSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
