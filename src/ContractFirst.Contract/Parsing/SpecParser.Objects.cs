using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>The objects section: object types request fields send, declared once and reused at any depth.</summary>
internal sealed partial class SpecParser
{
    private readonly HashSet<string> _objectNames = new(StringComparer.Ordinal);
    private MappingView? _objectsView;

    /// <summary>Claims every object's name first, so fields anywhere (other objects included) can refer to any of them.</summary>
    private void CollectObjectNames(MappingView root)
    {
        if (_version == 1 && root.Has("objects"))
        {
            _context.Report(DiagnosticDescriptors.KeyNeedsFormat2, root.KeyNode("objects")!, root.Node.Path, "objects");
            return;
        }

        _objectsView = _context.NameMapping(root["objects"]);
        foreach (var pair in _objectsView?.Pairs ?? [])
        {
            // A clash is reported here; the object is still read, so references to it don't report it as unknown.
            var name = pair.Key.Value!;
            if (_context.CheckIdentifier(pair.Key, name))
            {
                ClaimTypeName(name, pair.Key);
                CheckTypeAgainstMembers(name, pair.Key, s_requestObjectMembers);
                _objectNames.Add(name);
            }
        }
    }

    private List<ObjectSpec> ParseObjects()
    {
        var result = new List<ObjectSpec>();
        foreach (var pair in _objectsView?.Pairs ?? [])
        {
            var name = pair.Key.Value!;
            var map = _objectNames.Contains(name) ? _context.Mapping(pair.Value, pair.Key, ContractKeys.ObjectKeys) : null;
            if (map is null)
            {
                continue;
            }

            var fields = _context.NameMapping(map["fields"], map.KeyNode("fields"));
            if (fields is null || !fields.Pairs.Any())
            {
                if (fields is not null || ParseContext.IsAbsent(map, "fields"))
                {
                    _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("fields") ?? pair.Key, pair.Key.Path, "fields");
                }

                continue;
            }

            var specs = new List<FieldSpec>();
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in fields.Pairs)
            {
                var definition = ParseFieldDefinition(field.Key, field.Value, inModel: false, ContractKeys.ObjectFieldKeys);
                if (definition is { IsBroken: false }
                    && ClaimPropertyName(properties, Naming.ToPascalCase(field.Key.Value!), field.Key, name, s_requestObjectMembers))
                {
                    specs.Add(definition.ToSpec(definition.Required));
                }
            }

            var rules = ParseRuleList(map, pair.Key.Path, specs.ToDictionary(f => f.JsonName, StringComparer.Ordinal), model: null, checkRequired: true);
            if (rules is not null)
            {
                result.Add(new ObjectSpec(name, _context.String(map, "description"), specs.ToEquatableArray()) { Rules = rules.Select(r => r.Rule).ToEquatableArray() });
            }
        }

        return result;
    }
}
