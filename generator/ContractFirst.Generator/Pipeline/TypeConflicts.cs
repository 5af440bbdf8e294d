using System.Collections.Immutable;
using ContractFirst.Generator.Emit;
using ContractFirst.Contract.Helpers;

namespace ContractFirst.Generator.Pipeline;

/// <summary>What one valid contract declares in the compilation: where it lives, its namespace and its types' names.</summary>
internal sealed record ContractTypes(string Path, string Namespace, EquatableArray<string> Types)
{
    public static ContractTypes? For(ParsedContract parsed) =>
        parsed.Result.Spec is { } spec ? new ContractTypes(parsed.Path, spec.Namespace, parsed.Result.Types) : null;
}

/// <summary>A type that the contract at <paramref name="Path"/> and the one at <paramref name="OtherPath"/> both generate.</summary>
internal sealed record TypeConflict(string Path, string TypeName, string Namespace, string OtherPath);

/// <summary>Contracts of one compilation that would declare the same type in the same namespace, or write the same file.</summary>
/// <param name="Blocked">Paths of the contracts that generate nothing because of a clash.</param>
internal sealed record TypeConflicts(EquatableArray<TypeConflict> Conflicts, EquatableArray<string> Blocked)
{
    public static readonly TypeConflicts None = new(EquatableArray<TypeConflict>.Empty, EquatableArray<string>.Empty);

    /// <summary>
    /// Compares every contract with every other: cheap (a set lookup per type), and it sees only
    /// paths and names, so an edit that keeps a contract's types keeps this result equal.
    /// </summary>
    public static TypeConflicts Find(ImmutableArray<ContractTypes?> all)
    {
        var contracts = all.Where(c => c is not null).Select(c => c!).OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
        if (contracts.Count < 2)
        {
            return None;
        }

        // The owner of each type, by its full name and by its file name ignoring case (the
        // compiler compares generated file names so).
        var byType = new Dictionary<string, ContractTypes>(StringComparer.Ordinal);
        var byFile = new Dictionary<string, (ContractTypes Contract, string Type)>(StringComparer.OrdinalIgnoreCase);
        var conflicts = new List<TypeConflict>();
        var blocked = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var contract in contracts)
        {
            var prefix = HintNames.Prefix(contract.Path);
            foreach (var type in contract.Types)
            {
                var fullName = contract.Namespace + "." + type;
                (ContractTypes Contract, string Type)? other =
                    byType.TryGetValue(fullName, out var sameType) ? (sameType, type)
                    : byFile.TryGetValue(prefix + "." + fullName, out var sameFile) ? sameFile
                    : null;
                if (other is { } clash && clash.Contract.Path != contract.Path)
                {
                    conflicts.Add(new TypeConflict(contract.Path, type, contract.Namespace, clash.Contract.Path));
                    conflicts.Add(new TypeConflict(clash.Contract.Path, clash.Type, clash.Contract.Namespace, contract.Path));
                    blocked.Add(contract.Path);
                    blocked.Add(clash.Contract.Path);
                    continue;
                }

                byType[fullName] = contract;
                byFile[prefix + "." + fullName] = (contract, type);
            }
        }

        return conflicts.Count == 0 ? None : new TypeConflicts(conflicts.Distinct().ToEquatableArray(), blocked.ToEquatableArray());
    }
}
