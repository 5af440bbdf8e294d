using System.Text.RegularExpressions;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Validation;

/// <summary>What the checks look up in a contract, found once: request objects and enums by name, and each field's pattern compiled.</summary>
internal sealed class ContractIndex
{
    private readonly Dictionary<string, ObjectSpec> _objects;
    private readonly Dictionary<string, EnumSpec> _enums;
    private readonly Dictionary<string, Regex> _patterns = new(StringComparer.Ordinal);

    public ContractIndex(ContractSpec contract)
    {
        _objects = contract.Objects.ToDictionary(o => o.Name, StringComparer.Ordinal);
        _enums = contract.Enums.ToDictionary(e => e.Name, StringComparer.Ordinal);
        var fields = contract.Endpoints.SelectMany(e => e.Actions).SelectMany(a => a.Fields).Concat(contract.Objects.SelectMany(o => o.Fields));
        foreach (var pattern in fields.Select(f => f.Pattern).OfType<string>())
        {
            // The runtime's rule, as the generated validators use it: searched, culture-invariant, with a timeout.
            _patterns.TryAdd(pattern, ContractFirst.Runtime.Validate.Pattern(pattern));
        }
    }

    public ObjectSpec Object(string? name) =>
        _objects.TryGetValue(name ?? "", out var found) ? found : throw new InvalidOperationException($"The contract has no object '{name}'.");

    public EnumSpec Enum(string? name) =>
        _enums.TryGetValue(name ?? "", out var found) ? found : throw new InvalidOperationException($"The contract has no enum '{name}'.");

    public Regex Pattern(string pattern) => _patterns[pattern];
}
