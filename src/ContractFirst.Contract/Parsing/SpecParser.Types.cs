using System.Globalization;
using System.Threading;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>Types: enums, models, field definitions, type references and constraints.</summary>
internal sealed partial class SpecParser
{
    private void CollectEnums(MappingView root)
    {
        var enums = _context.NameMapping(root["enums"]);
        if (enums is null)
        {
            return;
        }

        foreach (var pair in enums.Pairs)
        {
            _context.CancellationToken.ThrowIfCancellationRequested();
            var name = pair.Key.Value!;
            if (!_context.CheckIdentifier(pair.Key, name))
            {
                continue;
            }

            // A clash is reported here; the enum is still read, so fields using it don't report it as unknown.
            ClaimTypeName(name, pair.Key);
            CheckTypeAgainstMembers(name, pair.Key, s_enumMembers);

            var map = _context.Mapping(pair.Value, pair.Key, ContractKeys.EnumKeys);
            if (map is null)
            {
                continue;
            }

            var values = new List<NamedValueSpec>();
            var items = _context.Sequence(map, "values");
            if (items is null || items.Count == 0)
            {
                if (items is not null || ParseContext.IsAbsent(map, "values"))
                {
                    _context.Report(DiagnosticDescriptors.MissingKey, map["values"] ?? pair.Key, pair.Key.Path, "values");
                }

                continue;
            }

            foreach (var item in items)
            {
                var value = ParseNamedValue(item, ContractKeys.EnumValueKeys, out var memberName, out var description);
                if (value is null || !CheckEnumMember(memberName!, item, value, name, isActionModels: false))
                {
                    continue;
                }

                if (values.Any(v => v.Value == value))
                {
                    _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map["values"]!.Path, value);
                }
                else if (values.Find(v => v.Name == memberName) is { } first)
                {
                    _context.Report(DiagnosticDescriptors.SameCSharpName, item, item.Path, value, "member", memberName!, "'" + first.Value + "'");
                }
                else
                {
                    values.Add(new NamedValueSpec(value, memberName!, description));
                }
            }

            _enums[name] = new EnumSpec(name, _context.String(map, "description"), values.ToEquatableArray());
        }
    }

    /// <summary>Reads a list item that is either a plain value or <c>{ key, name, description }</c>.</summary>
    private string? ParseNamedValue(YamlNode item, string[] keys, out string? name, out string? description)
    {
        name = null;
        description = null;
        string? value;
        if (item.Kind == YamlNodeKind.Mapping)
        {
            var key = keys[0];
            var map = _context.Mapping(item, keys);
            value = _context.String(map!, key, required: true);
            name = _context.String(map!, "name");
            description = _context.String(map!, "description");
            if (name is not null && !_context.CheckIdentifier(map!["name"]!, name))
            {
                return null;
            }
        }
        else
        {
            value = _context.ScalarItem(item);
        }

        if (value is null)
        {
            return null;
        }

        name ??= Naming.ToMemberName(value);
        return value;
    }

    private void CollectModelNames(MappingView root)
    {
        _modelsView = _context.NameMapping(root["models"]);
        foreach (var pair in _modelsView?.Pairs ?? [])
        {
            // A clash is reported here; the model is still read, so references to it don't report it as unknown.
            if (_context.CheckIdentifier(pair.Key, pair.Key.Value!))
            {
                ClaimTypeName(pair.Key.Value!, pair.Key);
                CheckTypeAgainstMembers(pair.Key.Value!, pair.Key, s_modelMembers.Concat(s_modelOnlyMembers));
                _modelNames.Add(pair.Key.Value!);
            }
        }
    }

    private Dictionary<string, ModelDefinition> ParseModels()
    {
        var result = new Dictionary<string, ModelDefinition>(StringComparer.Ordinal);
        foreach (var pair in _modelsView?.Pairs ?? [])
        {
            var name = pair.Key.Value!;
            if (!_modelNames.Contains(name))
            {
                continue;
            }

            var map = _context.Mapping(pair.Value, pair.Key, ContractKeys.ModelKeys);
            if (map is null)
            {
                continue;
            }

            var fields = _context.NameMapping(map["fields"]);
            if (fields is null)
            {
                if (ParseContext.IsAbsent(map, "fields"))
                {
                    _context.Report(DiagnosticDescriptors.MissingKey, pair.Key, pair.Key.Path, "fields");
                }

                continue;
            }

            var definitions = new List<FieldDefinition>();
            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var field in fields.Pairs)
            {
                var definition = ParseFieldDefinition(field.Key, field.Value, inModel: true);
                if (definition is not null && ClaimPropertyName(properties, Naming.ToPascalCase(field.Key.Value!), field.Key, name, s_allModelMembers))
                {
                    definitions.Add(definition);
                }
            }

            result[name] = new ModelDefinition(name, pair.Key, _context.String(map, "description"), definitions);
        }

        return result;
    }

    private FieldDefinition? ParseFieldDefinition(YamlNode keyNode, YamlNode valueNode, bool inModel, string[]? keys = null)
    {
        _context.CancellationToken.ThrowIfCancellationRequested();
        var jsonName = keyNode.Value!;
        keys ??= inModel ? ContractKeys.ModelFieldKeys : ContractKeys.RequestFieldKeys;
        var map = _context.Mapping(valueNode, keyNode, keys);
        if (map is null)
        {
            return null;
        }

        // A field whose type failed still exists: references to it resolve, so one bad type is one
        // diagnostic rather than one per action that uses the field. Nothing is emitted either way.
        var type = ResolveType(map, inModel);
        if (type is null)
        {
            return new FieldDefinition(jsonName, keyNode, new TypeRef(FieldKind.String, null, IsArray: false)) { IsBroken = true };
        }

        var definition = new FieldDefinition(jsonName, keyNode, type)
        {
            Description = _context.String(map, "description"),
            Nullable = _context.Boolean(map, "nullable") ?? false,
            Required = _context.Boolean(map, "required") ?? false,
        };
        ApplyConstraints(map, definition);
        return definition;
    }

    private TypeRef? ResolveType(MappingView map, bool inModel)
    {
        var typeName = _context.String(map, "type", required: true);
        if (typeName is null)
        {
            return null;
        }

        if (typeName == "array")
        {
            var itemName = _context.String(map, "items", required: true);
            if (itemName is null)
            {
                return null;
            }

            var item = ResolveTypeName(itemName, map["items"]!, inModel, allowArray: false);
            return item is null ? null : item with { IsArray = true };
        }

        if (map.Has("items"))
        {
            _context.Report(DiagnosticDescriptors.KeyNotForType, map.KeyNode("items")!, map.Node.Path, "items", typeName, "array");
        }

        return ResolveTypeName(typeName, map["type"]!, inModel, allowArray: true);
    }

    private TypeRef? ResolveTypeName(string name, YamlNode node, bool inModel, bool allowArray)
    {
        var kind = name switch
        {
            "string" => FieldKind.String,
            "url" => FieldKind.Url,
            "integer" => FieldKind.Integer,
            "number" => FieldKind.Number,
            "boolean" => FieldKind.Boolean,
            "timestamp" => FieldKind.Timestamp,
            _ when _enums.ContainsKey(name) => FieldKind.Enum,
            _ when inModel && _modelNames.Contains(name) => FieldKind.Model,
            _ when !inModel && _objectNames.Contains(name) => FieldKind.Object,
            _ => (FieldKind?)null,
        };
        if (kind is null)
        {
            var builtIns = allowArray ? s_builtInTypes : s_builtInTypes.Where(t => t != "array");
            var expected = string.Join(", ", builtIns) + (inModel ? ", an enum or a model" : ", an enum or an object");
            if (!inModel && _modelNames.Contains(name))
            {
                expected += " (models describe responses; request fields use objects)";
            }
            else if (inModel && _objectNames.Contains(name))
            {
                expected += " (objects describe requests; response fields use models)";
            }
            else if (!allowArray && name == "array")
            {
                expected += " (arrays of arrays are not supported)";
            }

            _context.Report(DiagnosticDescriptors.UnknownType, node, name, node.Path, expected);
            return null;
        }

        return new TypeRef(kind.Value, kind is FieldKind.Enum or FieldKind.Model or FieldKind.Object ? name : null, IsArray: false);
    }

    /// <summary>Reads min/max/min_items/max_items (then the rules of <see cref="ApplyFieldRules"/>) from <paramref name="map"/> onto <paramref name="field"/>, checking they apply.</summary>
    private void ApplyConstraints(MappingView map, FieldDefinition field)
    {
        var isNumber = !field.Type.IsArray && field.Type.Kind is FieldKind.Integer or FieldKind.Number;
        foreach (var key in new[] { "min", "max" })
        {
            if (!map.Has(key))
            {
                continue;
            }

            if (!isNumber)
            {
                _context.Report(DiagnosticDescriptors.KeyNotForType, map.KeyNode(key)!, map.Node.Path, key, field.Type.Text, "integer, number");
                continue;
            }

            var value = _context.Number(map, key);
            if (value is not null && field.Type.Kind == FieldKind.Integer && (value != decimal.Truncate(value.Value) || value < long.MinValue || value > long.MaxValue))
            {
                _context.Report(DiagnosticDescriptors.NotAWholeNumber, map[key]!, map[key]!.Path, map[key]!.Value!);
                continue;
            }

            if (key == "min")
            {
                field.Min = value ?? field.Min;
            }
            else
            {
                field.Max = value ?? field.Max;
            }
        }

        foreach (var key in new[] { "min_items", "max_items" })
        {
            if (!map.Has(key))
            {
                continue;
            }

            if (!field.Type.IsArray)
            {
                _context.Report(DiagnosticDescriptors.KeyNotForType, map.KeyNode(key)!, map.Node.Path, key, field.Type.Text, "array");
                continue;
            }

            var value = _context.Integer(map, key, min: 0);
            if (key == "min_items")
            {
                field.MinItems = value ?? field.MinItems;
            }
            else
            {
                field.MaxItems = value ?? field.MaxItems;
            }
        }

        if (field.Min > field.Max)
        {
            _context.Report(DiagnosticDescriptors.MinAboveMax, map["min"] ?? map["max"] ?? map.Node, map.Node.Path, "min",
                field.Min.Value.ToString(CultureInfo.InvariantCulture), "max", field.Max.Value.ToString(CultureInfo.InvariantCulture));
        }

        if (field.MinItems > field.MaxItems)
        {
            _context.Report(DiagnosticDescriptors.MinAboveMax, map["min_items"] ?? map["max_items"] ?? map.Node, map.Node.Path, "min_items",
                field.MinItems.Value.ToString(CultureInfo.InvariantCulture), "max_items", field.MaxItems.Value.ToString(CultureInfo.InvariantCulture));
        }

        ApplyFieldRules(map, field);
    }
}
