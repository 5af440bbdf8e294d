namespace ContractFirst.Contract.Diagnostics;

/// <summary>A position in a contract file, kept as plain values so diagnostics stay cacheable.</summary>
/// <param name="FilePath">The contract file.</param>
/// <param name="TextSpan">The characters, by 0-based index.</param>
/// <param name="LineSpan">The same range as 0-based lines and characters.</param>
public sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan);
