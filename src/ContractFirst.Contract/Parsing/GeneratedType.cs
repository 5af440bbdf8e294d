using ContractFirst.Contract.Diagnostics;

namespace ContractFirst.Contract.Parsing;

/// <summary>A type a contract generates, and the YAML node it comes from (for a clash with another contract).</summary>
internal sealed record GeneratedType(string Name, LocationInfo Location);
