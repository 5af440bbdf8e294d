using ContractFirst.Contract.Parsing;

namespace ContractFirst.Generator.Pipeline;

/// <summary>One contract file after parsing: its path (for file names and located failures) and the parse result.</summary>
internal sealed record ParsedContract(string Path, SpecParseResult Result);
