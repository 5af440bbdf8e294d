using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace ContractFirst.Generator.Diagnostics;

/// <summary>A position in a contract file, kept as plain values so diagnostics stay cacheable.</summary>
internal sealed record LocationInfo(string FilePath, TextSpan TextSpan, LinePositionSpan LineSpan)
{
    public Location ToLocation() => Location.Create(FilePath, TextSpan, LineSpan);
}
