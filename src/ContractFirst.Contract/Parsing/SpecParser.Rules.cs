using System.Globalization;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

/// <summary>
/// Rules between fields (format 2): <c>exactly_one_of</c>, <c>at_least_one_of</c>, a <c>field</c> that
/// <c>requires</c> or <c>forbids</c> others, and <c>when</c>/<c>then</c> (fields required, forbidden or
/// narrowed while another field has given values). Declarative and small: five shapes, no expressions.
/// </summary>
internal sealed partial class SpecParser
{
    private static readonly string[] s_ruleShapes = ["exactly_one_of", "at_least_one_of", "field", "when"];
    private static readonly string[] s_conditionTests = ["is", "in", "present"];

    /// <summary>The YAML path of the request or object whose rules are being read: where an unknown field was looked for.</summary>
    private string _ruleOwner = "";

    /// <summary>The model field of a request, which a condition may test like an enum of the action's model ids.</summary>
    private sealed record RuleModel(string JsonName, IReadOnlyList<NamedValueSpec> Models);

    /// <summary>
    /// Reads <c>rules</c> against the fields they may name. <paramref name="checkRequired"/> is false for an
    /// endpoint's rules, which are read once for actions that require different fields. Null when one is broken.
    /// </summary>
    private List<(RuleSpec Rule, YamlNode Node)>? ParseRuleList(MappingView owner, string ownerPath, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model, bool checkRequired)
    {
        _ruleOwner = ownerPath;
        var rules = new List<(RuleSpec, YamlNode)>();
        if (_version == 1 && owner.Has("rules"))
        {
            _context.Report(DiagnosticDescriptors.KeyNeedsFormat2, owner.KeyNode("rules")!, owner.Node.Path, "rules");
            return null;
        }

        var broken = false;
        foreach (var item in _context.Sequence(owner, "rules") ?? [])
        {
            var rule = ParseRule(item, fields, model, checkRequired);
            if (rule is null)
            {
                broken = true;
            }
            else
            {
                rules.Add((rule, item));
            }
        }

        return broken ? null : rules;
    }

    private RuleSpec? ParseRule(YamlNode item, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model, bool checkRequired)
    {
        var map = _context.Mapping(item, ContractKeys.RuleKeys);
        if (map is null)
        {
            return null;
        }

        var shapes = s_ruleShapes.Where(map.Has).ToList();
        if (shapes.Count != 1)
        {
            var at = shapes.Count > 1 ? map.KeyNode(shapes[1])! : map.Pairs.Select(p => p.Key).FirstOrDefault() ?? item;
            _context.Report(DiagnosticDescriptors.RuleShape, at, item.Path, string.Join(", ", s_ruleShapes), shapes.Count == 0 ? "none" : string.Join(", ", shapes));
            return null;
        }

        var description = _context.String(map, "description");
        switch (shapes[0])
        {
            case "exactly_one_of" or "at_least_one_of":
                var group = FieldList(map, shapes[0], fields, model: null);
                if (group is null || !CheckGroup(map, shapes[0], group, fields, checkRequired))
                {
                    return null;
                }

                var kind = shapes[0] == "exactly_one_of" ? RuleKind.ExactlyOneOf : RuleKind.AtLeastOneOf;
                return new RuleSpec(kind, group.ToEquatableArray(), null, null, default, default, default, description);
            case "field":
                return ParseSubjectRule(map, fields, description);
            default:
                return ParseWhenRule(map, fields, model, description);
        }
    }

    /// <summary>A one-of group: two fields at least, none required (a required field makes the rule always or never hold).</summary>
    private bool CheckGroup(MappingView map, string key, List<string> group, IReadOnlyDictionary<string, FieldSpec> fields, bool checkRequired)
    {
        if (group.Count < 2)
        {
            _context.Report(DiagnosticDescriptors.RuleNeedsTwoFields, map[key]!, map[key]!.Path, string.Join(", ", group));
            return false;
        }

        var required = checkRequired ? group.FirstOrDefault(f => fields[f].Required) : null;
        if (required is not null)
        {
            _context.Report(DiagnosticDescriptors.RuleOnRequiredField, map[key]!, map[key]!.Path, required);
            return false;
        }

        return true;
    }

    private RuleSpec? ParseSubjectRule(MappingView map, IReadOnlyDictionary<string, FieldSpec> fields, string? description)
    {
        var subject = FieldName(map, "field", fields, model: null, required: true);
        if (subject is null)
        {
            return null;
        }

        if (map.Has("requires") == map.Has("forbids"))
        {
            _context.Report(DiagnosticDescriptors.ExactlyOneKey, map.KeyNode("field")!, map.Node.Path, "requires, forbids",
                map.Has("requires") ? "requires, forbids" : "none");
            return null;
        }

        var key = map.Has("requires") ? "requires" : "forbids";
        var others = FieldList(map, key, fields, model: null);
        if (others is null)
        {
            return null;
        }

        if (others.Contains(subject))
        {
            _context.Report(DiagnosticDescriptors.DuplicateEntry, map[key]!, map.Node.Path, subject);
            return null;
        }

        return new RuleSpec(key == "requires" ? RuleKind.Requires : RuleKind.Forbids, others.ToEquatableArray(), subject, null, default, default, default, description);
    }

    private RuleSpec? ParseWhenRule(MappingView map, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model, string? description)
    {
        var when = _context.Mapping(map["when"], map.KeyNode("when"), ContractKeys.RuleConditionKeys);
        var then = _context.Mapping(map["then"], map.KeyNode("then"), ContractKeys.RuleEffectKeys);
        if (when is null || then is null || ParseContext.IsAbsent(map, "then"))
        {
            if (when is not null && ParseContext.IsAbsent(map, "then"))
            {
                _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("when")!, map.Node.Path, "then");
            }

            return null;
        }

        var condition = ParseCondition(when, fields, model);
        var required = then.Has("required") ? FieldList(then, "required", fields, model: null) : [];
        var forbidden = then.Has("forbidden") ? FieldList(then, "forbidden", fields, model: null) : [];
        var limits = ParseLimits(then, fields);
        if (condition is null || required is null || forbidden is null || limits is null)
        {
            return null;
        }

        if (required.Count + forbidden.Count + limits.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode("then")!, then.Node.Path, "required, forbidden or fields");
            return null;
        }

        return new RuleSpec(RuleKind.When, default, null, condition, required.ToEquatableArray(), forbidden.ToEquatableArray(), limits.ToEquatableArray(), description);
    }

    private ConditionSpec? ParseCondition(MappingView when, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model)
    {
        var field = FieldName(when, "field", fields, model, required: true);
        var tests = s_conditionTests.Where(when.Has).ToList();
        if (field is null)
        {
            return null;
        }

        if (tests.Count != 1)
        {
            _context.Report(DiagnosticDescriptors.ExactlyOneKey, when.KeyNode("field")!, when.Node.Path, "is, in, present", tests.Count == 0 ? "none" : string.Join(", ", tests));
            return null;
        }

        var isModel = model is not null && field == model.JsonName;
        var type = isModel ? new TypeRef(FieldKind.Enum, null, IsArray: false) : fields[field].Type;
        if (tests[0] == "present")
        {
            if (_context.Boolean(when, "present") is not true)
            {
                _context.Report(DiagnosticDescriptors.NotAllowedValue, when["present"]!, when["present"]!.Path, when["present"]!.ScalarText ?? "", "true");
                return null;
            }

            return new ConditionSpec(field, EquatableArray<string>.Empty, type.Kind);
        }

        if (type.IsArray || type.Kind is FieldKind.Object or FieldKind.Timestamp or FieldKind.Model)
        {
            _context.Report(DiagnosticDescriptors.KeyNotForType, when.KeyNode(tests[0])!, when.Node.Path, tests[0], type.Text, "string, url, integer, number, boolean, an enum, the model (any field takes 'present')");
            return null;
        }

        var nodes = tests[0] == "is" ? [when["is"]!] : _context.Sequence(when, "in") ?? [];
        var values = new List<string>();
        foreach (var node in nodes)
        {
            var text = _context.ScalarItem(node);
            var value = text is null ? null : isModel ? ReadValueOf(node, text, type, model!.Models.Select(m => m.Value).ToList(), "the models") : ReadValueOf(node, text, type);
            if (value is null)
            {
                return null;
            }

            values.Add(value);
        }

        if (values.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, when.KeyNode("in")!, when.Node.Path, "in (at least one value)");
            return null;
        }

        return new ConditionSpec(field, values.ToEquatableArray(), type.Kind)
        {
            Default = isModel ? null : fields[field].Default,
        };
    }

    /// <summary>The constraints a condition puts on fields: a mapping of field → min, max, values, min_length, max_length.</summary>
    private List<LimitSpec>? ParseLimits(MappingView then, IReadOnlyDictionary<string, FieldSpec> fields)
    {
        var limits = new List<LimitSpec>();
        var broken = false;
        foreach (var pair in _context.NameMapping(then["fields"], then.KeyNode("fields"))?.Pairs ?? [])
        {
            var name = pair.Key.Value!;
            if (!fields.TryGetValue(name, out var field))
            {
                _context.Report(DiagnosticDescriptors.UnknownField, pair.Key, pair.Key.Path, name, _ruleOwner);
                broken = true;
                continue;
            }

            var limit = ParseLimit(pair.Key, pair.Value, field);
            if (limit is null)
            {
                broken = true;
            }
            else
            {
                limits.Add(limit);
            }
        }

        return broken ? null : limits;
    }

    private LimitSpec? ParseLimit(YamlNode keyNode, YamlNode valueNode, FieldSpec field)
    {
        var map = _context.Mapping(valueNode, keyNode, ContractKeys.RuleLimitKeys);
        if (map is null)
        {
            return null;
        }

        var kind = field.Type.IsArray ? (FieldKind?)null : field.Type.Kind;
        (string Key, bool Applies, string To)[] checks =
        [
            ("min", kind is FieldKind.Integer or FieldKind.Number, "integer, number"),
            ("max", kind is FieldKind.Integer or FieldKind.Number, "integer, number"),
            ("values", kind is FieldKind.Integer or FieldKind.Number or FieldKind.Enum, "integer, number, an enum"),
            ("min_length", kind is FieldKind.String or FieldKind.Url, "string, url"),
            ("max_length", kind is FieldKind.String or FieldKind.Url, "string, url"),
        ];
        foreach (var (key, applies, to) in checks)
        {
            if (map.Has(key) && !applies)
            {
                _context.Report(DiagnosticDescriptors.KeyNotForType, map.KeyNode(key)!, map.Node.Path, key, field.Type.Text, to);
                return null;
            }
        }

        var values = new List<string>();
        foreach (var node in _context.Sequence(map, "values") ?? [])
        {
            var value = _context.ScalarItem(node) is { } text ? ReadValueOf(node, text, field.Type) : null;
            if (value is null)
            {
                return null;
            }

            values.Add(value);
        }

        var limit = new LimitSpec(field.JsonName, _context.Number(map, "min"), _context.Number(map, "max"), values.ToEquatableArray(),
            _context.Integer(map, "min_length", min: 0), _context.Integer(map, "max_length", min: 0));
        if (limit.Min > limit.Max || limit.MinLength > limit.MaxLength)
        {
            var (low, high) = limit.Min > limit.Max ? ("min", "max") : ("min_length", "max_length");
            _context.Report(DiagnosticDescriptors.MinAboveMax, map[low]!, map.Node.Path, low, map[low]!.Value!, high, map[high]!.Value!);
            return null;
        }

        return limit;
    }

    /// <summary>A list of field names, each one the owner has (or its model field), none twice.</summary>
    private List<string>? FieldList(MappingView map, string key, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model)
    {
        var names = new List<string>();
        var items = _context.Sequence(map, key);
        if (items is null || items.Count == 0)
        {
            _context.Report(DiagnosticDescriptors.MissingKey, map.KeyNode(key)!, map.Node.Path, key + " (at least one field)");
            return null;
        }

        foreach (var item in items)
        {
            var name = _context.ScalarItem(item);
            if (name is null || !IsRuleField(item, name, fields, model))
            {
                return null;
            }

            if (names.Contains(name))
            {
                _context.Report(DiagnosticDescriptors.DuplicateEntry, item, map[key]!.Path, name);
                return null;
            }

            names.Add(name);
        }

        return names;
    }

    private string? FieldName(MappingView map, string key, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model, bool required)
    {
        var name = _context.String(map, key, required);
        return name is not null && IsRuleField(map[key]!, name, fields, model) ? name : null;
    }

    private bool IsRuleField(YamlNode node, string name, IReadOnlyDictionary<string, FieldSpec> fields, RuleModel? model)
    {
        if (fields.ContainsKey(name) || (model is not null && name == model.JsonName))
        {
            return true;
        }

        _context.Report(DiagnosticDescriptors.UnknownField, node, node.Path, name, _ruleOwner);
        return false;
    }

    /// <summary>
    /// An endpoint's rules, read once against all its fields, go to every action that has every field
    /// the rule names; a rule no action can take is reported.
    /// </summary>
    private List<ActionSpec> ApplyEndpointRules(MappingView endpoint, YamlNode keyNode, Dictionary<string, FieldDefinition> fields, string? modelField, List<ActionSpec> actions)
    {
        if (!endpoint.Has("rules"))
        {
            return actions;
        }

        var models = actions.SelectMany(a => a.Models).GroupBy(m => m.Value, StringComparer.Ordinal).Select(g => g.First()).ToList();
        var ruleModel = modelField is not null && models.Count > 0 ? new RuleModel(modelField, models) : null;
        var rules = ParseRuleList(endpoint, keyNode.Path, fields.ToDictionary(p => p.Key, p => p.Value.ToSpec(required: false), StringComparer.Ordinal), ruleModel, checkRequired: false);
        if (rules is null)
        {
            return actions;
        }

        var result = actions.ToList();
        foreach (var (rule, node) in rules)
        {
            var named = NamedFields(rule);
            var taken = false;
            for (var i = 0; i < result.Count; i++)
            {
                var action = result[i];
                var has = new HashSet<string>(action.Fields.Select(f => f.JsonName).Concat(action.Models.IsEmpty || modelField is null ? [] : [modelField]), StringComparer.Ordinal);
                if (named.All(has.Contains))
                {
                    result[i] = action with { Rules = action.Rules.Concat([rule]).ToEquatableArray() };
                    taken = true;
                }
            }

            if (!taken)
            {
                _context.Report(DiagnosticDescriptors.RuleFitsNoAction, node.Pairs.Select(p => p.Key).FirstOrDefault() ?? node, node.Path, string.Join(", ", named));
            }
        }

        return result;
    }

    /// <summary>Every field a rule names, in any role.</summary>
    internal static IEnumerable<string> NamedFields(RuleSpec rule) =>
        (rule.Subject is null ? [] : new[] { rule.Subject }).Concat(rule.When is null ? [] : [rule.When.Field]).Concat(rule.Fields)
            .Concat(rule.Required).Concat(rule.Forbidden).Concat(rule.Limits.Select(l => l.Field)).Distinct(StringComparer.Ordinal);
}
