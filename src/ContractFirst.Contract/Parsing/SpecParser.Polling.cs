using System.Globalization;
using ContractFirst.Contract.Diagnostics;
using ContractFirst.Contract.Helpers;
using ContractFirst.Contract.Model;

namespace ContractFirst.Contract.Parsing;

internal sealed partial class SpecParser
{
    private static readonly string[] s_ruleChecks = ["is", "any", "all", "present"];

    private PollingSpec? ParsePolling(MappingView root, List<EndpointDefinition> endpoints, Dictionary<string, ModelDefinition> models)
    {
        const string what = "'polling'";
        var map = _context.Mapping(root["polling"], root.KeyNode("polling"), what, ContractKeys.PollingKeys);
        if (map is null)
        {
            return null;
        }

        var reference = _context.String(map, "action", required: true);
        var taskId = _context.String(map, "task_id", required: true);
        var finishedWhen = _context.String(map, "finished_when");
        var firstDelay = _context.Number(map, "first_delay_seconds") ?? 15;
        var interval = _context.Number(map, "interval_seconds") ?? 5;
        var maxInterval = _context.Number(map, "max_interval_seconds") ?? Math.Max(60, interval);
        var timeout = _context.Number(map, "timeout_seconds") ?? 3600;
        if (reference is null || taskId is null)
        {
            return null;
        }

        if (finishedWhen is null && !map.Has("succeeded_when"))
        {
            // Without either, a wait could only end at its deadline.
            _context.Report(DiagnosticDescriptors.MissingKey, map.Anchor, ParseContext.Capitalize(what), "succeeded_when");
            return null;
        }

        var action = ResolveActionReference(reference, map["action"]!, $"'action' of {what}", endpoints);
        if (action is null)
        {
            return null;
        }

        var required = action.Fields.Where(f => f.Required).ToList();
        if (required.Count != 1 || required[0].Type is not { Kind: FieldKind.String, IsArray: false })
        {
            _context.Report(DiagnosticDescriptors.NotApplicable, map["action"]!, reference, what,
                "the lookup action must have exactly one required field, a string holding the task id");
            return null;
        }

        var submitResponses = endpoints.Where(e => e.Spec.Kind == EndpointKind.Submit)
            .SelectMany(e => e.Spec.Actions).Select(a => a.Response).Distinct().ToList();
        if (!submitResponses.Any(r => models.TryGetValue(r, out var m) && m.Field(taskId) is { Type: { Kind: FieldKind.String, IsArray: false } }))
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, map["task_id"]!, $"'task_id' of {what}", taskId,
                "a string field of a submit endpoint's response model");
            return null;
        }

        if (!models.TryGetValue(action.Response, out var record))
        {
            return null;
        }

        if (finishedWhen is not null && record.Field(finishedWhen) is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, map["finished_when"]!, $"'finished_when' of {what}", finishedWhen,
                $"a field of model '{record.Name}'");
            return null;
        }

        if (!CheckDelays(map, what, firstDelay, interval, maxInterval, timeout))
        {
            return null;
        }

        var succeeded = ParseRules(map, "succeeded_when", record, models);
        var failed = ParseRules(map, "failed_when", record, models);
        if (succeeded is null || failed is null || !ClaimTypeName("TaskFailedException", map.Anchor, "'polling' (a failed task)"))
        {
            return null;
        }

        var terminal = new TerminalSpec(finishedWhen is null ? null : Naming.ToPascalCase(finishedWhen), succeeded.ToEquatableArray(), failed.ToEquatableArray());
        return new PollingSpec(action.TypeName, record.Name, Naming.ToPascalCase(taskId), terminal,
            (double)firstDelay, (double)interval, (double)maxInterval, (double)timeout);
    }

    private bool CheckDelays(MappingView map, string what, decimal firstDelay, decimal interval, decimal maxInterval, decimal timeout)
    {
        (string Key, decimal Value, bool Ok)[] checks =
        [
            ("first_delay_seconds", firstDelay, firstDelay >= 0),
            ("interval_seconds", interval, interval > 0),
            ("max_interval_seconds", maxInterval, maxInterval > 0),
            ("timeout_seconds", timeout, timeout > 0),
        ];
        foreach (var (key, value, ok) in checks)
        {
            if (!ok)
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, map[key]!, value.ToString(CultureInfo.InvariantCulture), $"'{key}' of {what}",
                    "delays must be positive (first_delay_seconds may be 0)");
                return false;
            }
        }

        if (maxInterval < interval)
        {
            _context.Report(DiagnosticDescriptors.MinAboveMax, map["max_interval_seconds"]!, what, "interval_seconds",
                interval.ToString(CultureInfo.InvariantCulture), "max_interval_seconds", maxInterval.ToString(CultureInfo.InvariantCulture));
            return false;
        }

        return true;
    }

    /// <summary>Reads a list of rules such as <c>{ field: response.data[].state, all: [succeeded] }</c>; null when one is broken.</summary>
    private List<TaskStateRule>? ParseRules(MappingView polling, string key, ModelDefinition record, Dictionary<string, ModelDefinition> models)
    {
        var rules = new List<TaskStateRule>();
        var broken = false;
        foreach (var item in _context.Sequence(polling, key) ?? [])
        {
            var rule = ParseRule(item, $"a rule of '{key}'", record, models);
            if (rule is null)
            {
                broken = true;
            }
            else
            {
                rules.Add(rule);
            }
        }

        return broken ? null : rules;
    }

    private TaskStateRule? ParseRule(YamlNode item, string what, ModelDefinition record, Dictionary<string, ModelDefinition> models)
    {
        var map = _context.Mapping(item, what, ContractKeys.TaskStateRuleKeys);
        var path = map is null ? null : _context.String(map, "field", required: true);
        if (map is null || path is null)
        {
            return null;
        }

        var checks = s_ruleChecks.Where(map.Has).ToList();
        if (checks.Count != 1)
        {
            _context.Report(DiagnosticDescriptors.NotApplicable, map.KeyNode(checks.Count == 0 ? "field" : checks[1])!, checks.Count == 0 ? "field" : checks[1], what,
                "give exactly one of is, any, all or present");
            return null;
        }

        var check = checks[0] switch { "is" => RuleCheck.Is, "any" => RuleCheck.Any, "all" => RuleCheck.All, _ => RuleCheck.Present };
        var steps = ResolveRulePath(path, map["field"]!, what, record, models);
        if (steps is null)
        {
            return null;
        }

        var arrays = steps.Count(s => s.Type.IsArray && s != steps[steps.Count - 1]) + (steps[steps.Count - 1].Type.IsArray && check != RuleCheck.Present ? 1 : 0);
        var needsArray = check is RuleCheck.Any or RuleCheck.All;
        if (needsArray ? arrays != 1 : arrays != 0)
        {
            _context.Report(DiagnosticDescriptors.NotApplicable, map.KeyNode(checks[0])!, checks[0], what,
                needsArray ? "'any' and 'all' need exactly one array on the path, written name[]" : $"the path may not cross an array; use 'any' or 'all' with name[]");
            return null;
        }

        var valueNode = map[checks[0]]!;
        if (check == RuleCheck.Present)
        {
            if (valueNode.ScalarText != "true")
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, valueNode, valueNode.ScalarText ?? valueNode.KindName, $"'present' of {what}", "only 'present: true' is supported");
                return null;
            }

            return new TaskStateRule($"{path} is present", steps.ToEquatableArray(), check, EquatableArray<string>.Empty);
        }

        var values = valueNode.Kind == YamlNodeKind.Sequence
            ? valueNode.Items.Select(i => i.ScalarText).ToList()
            : [valueNode.ScalarText];
        var target = steps[steps.Count - 1].Type;
        foreach (var value in values)
        {
            if (value is null || !IsValueOf(target, value))
            {
                _context.Report(DiagnosticDescriptors.InvalidValue, valueNode, value ?? valueNode.KindName, $"'{checks[0]}' of {what}",
                    $"expected {Expected(target)}");
                return null;
            }
        }

        var words = check switch { RuleCheck.Is => "is", RuleCheck.Any => "has any item", _ => "has every item" };
        return new TaskStateRule($"{path} {words} {string.Join(" or ", values)}", steps.ToEquatableArray(), check, values.Select(v => v!).ToEquatableArray());
    }

    /// <summary>Resolves <c>response.data[].state</c> against the record, one model per step.</summary>
    private List<RuleStep>? ResolveRulePath(string path, YamlNode node, string what, ModelDefinition record, Dictionary<string, ModelDefinition> models)
    {
        var steps = new List<RuleStep>();
        var model = record;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var quantified = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = quantified ? segment.Substring(0, segment.Length - 2) : segment;
            var field = model?.Field(name);
            if (model is null || field is null || field.IsBroken)
            {
                _context.Report(DiagnosticDescriptors.UnknownReference, node, $"'field' of {what}", path,
                    model is null ? "a path through models" : $"a path of fields; '{name}' is not a field of model '{model.Name}'");
                return null;
            }

            var last = i == segments.Length - 1;
            if (quantified != field.Type.IsArray && !(last && field.Type.IsArray))
            {
                _context.Report(DiagnosticDescriptors.UnknownReference, node, $"'field' of {what}", path,
                    quantified ? $"a path whose '[]' marks an array; '{name}' is not one" : $"a path that marks the array '{name}' as '{name}[]'");
                return null;
            }

            steps.Add(new RuleStep(Naming.ToPascalCase(name), field.Type));
            model = field.Type.Kind == FieldKind.Model && models.TryGetValue(field.Type.Name!, out var next) ? next : null;
            if (!last && field.Type.Kind != FieldKind.Model)
            {
                _context.Report(DiagnosticDescriptors.UnknownReference, node, $"'field' of {what}", path,
                    $"a path through models; '{name}' is a value");
                return null;
            }
        }

        return steps;
    }

    private bool IsValueOf(TypeRef type, string value) => type.Kind switch
    {
        FieldKind.Boolean => value is "true" or "false",
        FieldKind.Integer => long.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out _),
        FieldKind.Number => double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsInfinity(d) && !double.IsNaN(d),
        FieldKind.String or FieldKind.Url => true,
        FieldKind.Enum => _enums.TryGetValue(type.Name!, out var e) && e.Values.Any(v => v.Value == value),
        _ => false,
    };

    private string Expected(TypeRef type) => type.Kind switch
    {
        FieldKind.Boolean => "true or false",
        FieldKind.Integer => "an integer",
        FieldKind.Number => "a number",
        FieldKind.Enum when _enums.TryGetValue(type.Name!, out var e) => "a value of enum '" + type.Name + "': " + string.Join(", ", e.Values.Select(v => v.Value)),
        _ => "a value test on a text, number, boolean or enum field (timestamps and models only take 'present')",
    };

    /// <summary>Resolves <c>endpoint.action</c>.</summary>
    private ActionSpec? ResolveActionReference(string reference, YamlNode node, string what, List<EndpointDefinition> endpoints)
    {
        var dot = reference.IndexOf('.');
        var endpoint = dot > 0 ? endpoints.FirstOrDefault(e => e.Spec.Key == reference.Substring(0, dot)) : null;
        var action = endpoint?.Action(reference.Substring(dot + 1));
        if (action is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownReference, node, what, reference, "an action written as endpoint.action, e.g. tasks.retrieve");
        }

        return action;
    }
}
