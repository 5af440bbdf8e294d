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
        var map = _context.Mapping(root["polling"], root.KeyNode("polling"), ContractKeys.PollingKeys);
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
            _context.Report(DiagnosticDescriptors.MissingKey, map.Anchor, map.Node.Path, "succeeded_when");
            return null;
        }

        var action = ResolveActionReference(reference, map["action"]!, endpoints);
        if (action is null)
        {
            return null;
        }

        var required = action.Fields.Where(f => f.Required).ToList();
        if (required.Count != 1 || required[0].Type is not { Kind: FieldKind.String, IsArray: false })
        {
            _context.Report(DiagnosticDescriptors.LookupActionShape, map["action"]!, map["action"]!.Path, reference,
                required.Count == 0 ? "none" : string.Join(", ", required.Select(f => f.JsonName + ": " + f.Type.Text)));
            return null;
        }

        var submitResponses = endpoints.Where(e => e.Spec.Kind == EndpointKind.Submit)
            .SelectMany(e => e.Spec.Actions).Select(a => a.Response).Distinct().ToList();
        if (!submitResponses.Any(r => models.TryGetValue(r, out var m) && m.Field(taskId) is { Type: { Kind: FieldKind.String, IsArray: false } }))
        {
            _context.Report(DiagnosticDescriptors.TaskIdNotInSubmitResponse, map["task_id"]!, map["task_id"]!.Path, taskId, string.Join(", ", submitResponses));
            return null;
        }

        if (!models.TryGetValue(action.Response, out var record))
        {
            return null;
        }

        if (finishedWhen is not null && record.Field(finishedWhen) is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownField, map["finished_when"]!, map["finished_when"]!.Path, finishedWhen, $"model '{record.Name}'");
            return null;
        }

        if (!CheckDelays(map, firstDelay, interval, maxInterval, timeout))
        {
            return null;
        }

        var succeeded = ParseRules(map, "succeeded_when", record, models);
        var failed = ParseRules(map, "failed_when", record, models);
        if (succeeded is null || failed is null || !ClaimTypeName(Naming.ExceptionType(_apiName, "TaskFailed"), map.Anchor))
        {
            return null;
        }

        var terminal = new TerminalSpec(finishedWhen is null ? null : Naming.ToPascalCase(finishedWhen), succeeded.ToEquatableArray(), failed.ToEquatableArray());
        return new PollingSpec(action.TypeName, record.Name, Naming.ToPascalCase(taskId), terminal,
            (double)firstDelay, (double)interval, (double)maxInterval, (double)timeout);
    }

    private bool CheckDelays(MappingView map, decimal firstDelay, decimal interval, decimal maxInterval, decimal timeout)
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
                _context.Report(DiagnosticDescriptors.OutOfRange, map[key]!, map[key]!.Path, value.ToString(CultureInfo.InvariantCulture), key == "first_delay_seconds" ? "≥ 0" : "> 0");
                return false;
            }
        }

        if (maxInterval < interval)
        {
            _context.Report(DiagnosticDescriptors.MinAboveMax, map["max_interval_seconds"]!, map.Node.Path, "interval_seconds",
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
            var rule = ParseRule(item, record, models);
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

    private TaskStateRule? ParseRule(YamlNode item, ModelDefinition record, Dictionary<string, ModelDefinition> models)
    {
        var map = _context.Mapping(item, ContractKeys.TaskStateRuleKeys);
        var path = map is null ? null : _context.String(map, "field", required: true);
        if (map is null || path is null)
        {
            return null;
        }

        var checks = s_ruleChecks.Where(map.Has).ToList();
        if (checks.Count != 1)
        {
            _context.Report(DiagnosticDescriptors.ExactlyOneKey, map.KeyNode(checks.Count == 0 ? "field" : checks[1])!, item.Path, string.Join(", ", s_ruleChecks),
                checks.Count == 0 ? "none" : string.Join(", ", checks));
            return null;
        }

        var check = checks[0] switch { "is" => RuleCheck.Is, "any" => RuleCheck.Any, "all" => RuleCheck.All, _ => RuleCheck.Present };
        var steps = ResolveRulePath(path, map["field"]!, record, models);
        if (steps is null)
        {
            return null;
        }

        var arrays = steps.Count(s => s.Type.IsArray && s != steps[steps.Count - 1]) + (steps[steps.Count - 1].Type.IsArray && check != RuleCheck.Present ? 1 : 0);
        var needsArray = check is RuleCheck.Any or RuleCheck.All;
        if (needsArray ? arrays != 1 : arrays != 0)
        {
            _context.Report(DiagnosticDescriptors.RuleArrayCount, map.KeyNode(checks[0])!, item.Path, checks[0], needsArray ? "exactly 1" : "no",
                path, arrays.ToString(CultureInfo.InvariantCulture));
            return null;
        }

        var valueNode = map[checks[0]]!;
        if (check == RuleCheck.Present)
        {
            if (valueNode.ScalarText != "true")
            {
                _context.Report(DiagnosticDescriptors.NotAllowedValue, valueNode, valueNode.Path, valueNode.ScalarText ?? valueNode.KindName, "true");
                return null;
            }

            return new TaskStateRule($"{path} is present", steps.ToEquatableArray(), check, EquatableArray<string>.Empty);
        }

        var values = valueNode.Kind == YamlNodeKind.Sequence
            ? valueNode.Items.Select(i => i.ScalarText).ToList()
            : [valueNode.ScalarText];
        var target = steps[steps.Count - 1].Type;
        if (target.Kind is FieldKind.Timestamp or FieldKind.Model)
        {
            _context.Report(DiagnosticDescriptors.KeyNotForType, map.KeyNode(checks[0])!, item.Path, checks[0], target.Text,
                "string, url, integer, number, boolean, an enum (any field takes 'present')");
            return null;
        }

        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is null)
            {
                _context.Report(DiagnosticDescriptors.WrongNodeKind, valueNode, valueNode.Path, "scalar or a list of scalars");
                return null;
            }

            values[i] = ReadValueOf(valueNode, values[i]!, target);
            if (values[i] is null)
            {
                return null;
            }
        }

        var words = check switch { RuleCheck.Is => "is", RuleCheck.Any => "has any item", _ => "has every item" };
        return new TaskStateRule($"{path} {words} {string.Join(" or ", values)}", steps.ToEquatableArray(), check, values.Select(v => v!).ToEquatableArray());
    }

    /// <summary>Resolves <c>response.data[].state</c> against the record, one model per step.</summary>
    private List<RuleStep>? ResolveRulePath(string path, YamlNode node, ModelDefinition record, Dictionary<string, ModelDefinition> models)
    {
        var steps = new List<RuleStep>();
        var model = record;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            var quantified = segment.EndsWith("[]", StringComparison.Ordinal);
            var name = quantified ? segment.Substring(0, segment.Length - 2) : segment;
            if (model is null)
            {
                // A model with errors of its own, reported where it is defined.
                return null;
            }

            var field = model.Field(name);
            if (field is null || field.IsBroken)
            {
                _context.Report(DiagnosticDescriptors.UnknownField, node, node.Path, name, $"model '{model.Name}'");
                return null;
            }

            var last = i == segments.Length - 1;
            if (quantified != field.Type.IsArray && !(last && field.Type.IsArray))
            {
                _context.Report(DiagnosticDescriptors.RulePathBroken, node, node.Path, path, segment, quantified ? name : name + "[]");
                return null;
            }

            steps.Add(new RuleStep(Naming.ToPascalCase(name), field.Type));
            model = field.Type.Kind == FieldKind.Model && models.TryGetValue(field.Type.Name!, out var next) ? next : null;
            if (!last && field.Type.Kind != FieldKind.Model)
            {
                _context.Report(DiagnosticDescriptors.RulePathPastValue, node, node.Path, path, segment, field.Type.Text);
                return null;
            }
        }

        return steps;
    }

    /// <summary>Resolves <c>endpoint.action</c>.</summary>
    private ActionSpec? ResolveActionReference(string reference, YamlNode node, List<EndpointDefinition> endpoints)
    {
        var dot = reference.IndexOf('.');
        var endpoint = dot > 0 ? endpoints.FirstOrDefault(e => e.Spec.Key == reference.Substring(0, dot)) : null;
        if (endpoint is null)
        {
            // Written endpoint.action; without a known endpoint before the dot there is nothing to look in.
            _context.Report(DiagnosticDescriptors.UnknownEndpoint, node, node.Path, dot > 0 ? reference.Substring(0, dot) : reference,
                string.Join(", ", endpoints.Select(e => e.Spec.Key)));
            return null;
        }

        var action = endpoint.Action(reference.Substring(dot + 1));
        if (action is null)
        {
            _context.Report(DiagnosticDescriptors.UnknownAction, node, node.Path, reference.Substring(dot + 1), "endpoints." + endpoint.Spec.Key);
        }

        return action;
    }
}
