using System.Collections.Immutable;
using ContractFirst.Generator.Diagnostics;
using ContractFirst.Generator.Emit;
using ContractFirst.Generator.Helpers;

namespace ContractFirst.Generator.Pipeline;

/// <summary>What one valid contract declares in the compilation: where it lives, its namespace and its types.</summary>
internal sealed record ContractTypes(string Path, string Namespace, EquatableArray<GeneratedType> Types)
{
    public static ContractTypes? For(ParsedContract parsed) =>
        parsed.Result.Spec is { } spec ? new ContractTypes(parsed.Path, spec.Namespace, parsed.Result.Types) : null;
}

/// <summary>Contracts of one compilation that would declare the same type in the same namespace, or write the same file.</summary>
/// <param name="Blocked">Paths of the contracts that generate nothing because of a clash.</param>
internal sealed record TypeConflicts(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> Blocked)
{
    public static readonly TypeConflicts None = new(EquatableArray<DiagnosticInfo>.Empty, EquatableArray<string>.Empty);

    /// <summary>
    /// Compares every contract with every other: cheap (a set lookup per type), and it sees only
    /// names and locations, so a contract edit that keeps its types keeps this result equal.
    /// </summary>
    public static TypeConflicts Find(ImmutableArray<ContractTypes?> all)
    {
        var contracts = all.Where(c => c is not null).Select(c => c!).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        if (contracts.Count < 2)
        {
            return None;
        }

        // Owner of each type, and of each file name ignoring case (the compiler compares them so).
        var byType = new Dictionary<string, ContractTypes>(StringComparer.Ordinal);
        var byFile = new Dictionary<string, (ContractTypes Contract, string Type)>(StringComparer.OrdinalIgnoreCase);
        var diagnostics = new List<DiagnosticInfo>();
        var blocked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            var prefix = HintNames.Prefix(contract.Path);
            foreach (var type in contract.Types)
            {
                var fullName = contract.Namespace + "." + type.Name;
                ContractTypes? other = null;
                if (byType.TryGetValue(fullName, out var first))
                {
                    other = first;
                }
                else if (byFile.TryGetValue(prefix + "." + fullName, out var sameFile))
                {
                    other = sameFile.Contract;
                }

                if (other is not null && other.Path != contract.Path)
                {
                    var otherType = other.Types.FirstOrDefault(t => string.Equals(t.Name, type.Name, StringComparison.OrdinalIgnoreCase)) ?? type;
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeInOtherContract, type.Location, type.Name, contract.Namespace, "contract " + other.Path));
                    diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.TypeInOtherContract, otherType.Location, otherType.Name, other.Namespace, "contract " + contract.Path));
                    blocked.Add(contract.Path);
                    blocked.Add(other.Path);
                    continue;
                }

                byType[fullName] = contract;
                byFile[prefix + "." + fullName] = (contract, type.Name);
            }
        }

        return diagnostics.Count == 0 ? None : new TypeConflicts(diagnostics.Distinct().ToEquatableArray(), blocked.ToEquatableArray());
    }
}
