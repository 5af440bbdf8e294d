using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// Checks a price's rate table against the requests its actions can send: each rate must match some request
/// (CFG077) that no earlier rate matches first (CFG076, or CFG028 for the same key twice), and every request
/// must match a rate (CFG078). The generated estimate is a C# switch over the same rates, and C# refuses an arm
/// that earlier arms subsume, so these checks also keep the generated code compiling.
/// </summary>
/// <remarks>
/// A request is seen as the value of each key field: for the model field the action's models, for an enum field
/// on the action its values, and, wherever the request may leave the field unset, the value the price falls back to
/// (the default model, an assumption, the field's default), or "not set" (null) when there is none. A field the
/// action does not have only takes that fallback.
/// </remarks>
internal sealed class RateTable
{
    /// <summary>Bounds the search of <see cref="FindUncovered"/>, which is exponential in the number of key fields at worst.</summary>
    private const int SearchBudget = 100_000;

    private readonly ParseContext _context;
    private readonly MappingView _price;
    private readonly List<string> _keyFields;
    private readonly List<(string Action, List<List<string?>> Domain)> _domains;
    private int _budget;
    private bool _exhausted;

    public RateTable(ParseContext context, MappingView price, EndpointSpec endpoint, List<ActionSpec> actions, List<string> keyFields,
        List<PricedAction> priced, IReadOnlyDictionary<string, EnumSpec> enums)
    {
        _context = context;
        _price = price;
        _keyFields = keyFields;
        _domains = actions.Select((action, i) => (action.Value, keyFields.Select((field, k) =>
        {
            var fallback = priced[i].Keys[k].Fallback;
            List<string?> values;
            var required = false;
            if (field == endpoint.ModelField)
            {
                values = action.Models.Select(m => (string?)m.Value).ToList();
            }
            else if (action.Fields.FirstOrDefault(f => f.JsonName == field) is { } onAction)
            {
                values = enums.TryGetValue(onAction.Type.Name!, out var enumSpec) ? enumSpec.Values.Select(v => (string?)v.Value).ToList() : [];
                required = onAction.Required;
            }
            else
            {
                values = [];
            }

            if (!required && !values.Contains(fallback))
            {
                values.Add(fallback);
            }

            return values;
        }).ToList())).ToList();
    }

    public void Check(List<YamlNode> nodes, List<RateSpec> rates)
    {
        var cells = rates.Select(Cell).ToList();
        for (var j = 0; j < rates.Count; j++)
        {
            var text = rates[j].KeyText ?? "no key";
            var duplicate = Enumerable.Range(0, j).Any(i => rates[i].Key.OrderBy(k => k.Field, StringComparer.Ordinal)
                .SequenceEqual(rates[j].Key.OrderBy(k => k.Field, StringComparer.Ordinal)));
            if (duplicate)
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, SpecParser.RowAnchor(nodes[j]), _price["rates"]!.Path, text);
                continue;
            }

            var reachable = _domains.Where(d => Fits(cells[j], d.Domain)).ToList();
            if (reachable.Count == 0)
            {
                _context.Report(DiagnosticDescriptors.RateMatchesNoRequest, SpecParser.RowAnchor(nodes[j]), nodes[j].Path, text, string.Join(", ", _domains.Select(d => d.Action)));
                continue;
            }

            var earlier = cells.Take(j).ToList();
            if (reachable.All(d => FindUncovered(Restrict(d.Domain, cells[j]), earlier) is null) && !_exhausted)
            {
                var overlapping = Enumerable.Range(0, j).Where(i => reachable.Any(d => Fits(cells[i], Restrict(d.Domain, cells[j])))).Select(i => nodes[i].Path);
                _context.Report(DiagnosticDescriptors.RateShadowed, SpecParser.RowAnchor(nodes[j]), nodes[j].Path, text, string.Join(", ", overlapping));
            }
        }

        foreach (var (action, domain) in _domains)
        {
            if (FindUncovered(domain, cells) is { } request)
            {
                var values = string.Join(", ", _keyFields.Select((field, k) => request[k] is { } value ? field + " " + value : field + " not set"));
                _context.Report(DiagnosticDescriptors.NoRateForRequest, _price.KeyNode("rates") ?? _price.KeyNode("rate")!, _price.Node.Path + ".rates", action, values);
                return;
            }
        }
    }

    /// <summary>A rate's key as the value it needs for each key field; null where it takes any value.</summary>
    private string?[] Cell(RateSpec rate) =>
        _keyFields.Select(field => rate.Key.FirstOrDefault(k => k.Field == field)?.Value).ToArray();

    private static bool Fits(string?[] cell, List<List<string?>> domain) =>
        cell.Select((value, k) => value is null || domain[k].Contains(value)).All(fits => fits);

    private static List<List<string?>> Restrict(List<List<string?>> domain, string?[] cell) =>
        domain.Select((values, k) => cell[k] is { } value ? new List<string?> { value } : values).ToList();

    /// <summary>A request in <paramref name="domain"/> that none of <paramref name="rates"/> matches, or null when they cover it.</summary>
    private string?[]? FindUncovered(List<List<string?>> domain, List<string?[]> rates)
    {
        _budget = SearchBudget;
        _exhausted = false;
        return Search(domain, rates);
    }

    private string?[]? Search(List<List<string?>> domain, List<string?[]> rates)
    {
        if (domain.Any(values => values.Count == 0))
        {
            return null;
        }

        var matching = rates.Where(r => Fits(r, domain)).ToList();
        if (matching.Count == 0)
        {
            return domain.Select(values => values[0]).ToArray();
        }

        // A rate that matches every request left covers them all.
        if (matching.Any(r => r.Select((value, k) => value is null || domain[k].Count == 1).All(covers => covers)))
        {
            return null;
        }

        if (--_budget < 0)
        {
            // Not decided: no rate is reported never chosen on a guess (CFG076 checks _exhausted).
            _exhausted = true;
            return null;
        }

        // Split on a field some rate names where the requests still differ: one branch per value a rate names,
        // and one for all the values no rate names (no rate can tell them apart).
        var field = Enumerable.Range(0, domain.Count).First(k => domain[k].Count > 1 && matching.Any(r => r[k] is not null));
        var named = matching.Where(r => r[field] is not null).Select(r => r[field]).Distinct().ToList();
        var branches = named.Select(value => new List<string?> { value }).ToList();
        var rest = domain[field].Where(value => !named.Contains(value)).ToList();
        if (rest.Count > 0)
        {
            branches.Add(rest);
        }

        foreach (var branch in branches)
        {
            var narrowed = domain.Select((values, k) => k == field ? branch : values).ToList();
            if (Search(narrowed, matching) is { } uncovered)
            {
                return uncovered;
            }
        }

        return null;
    }
}
