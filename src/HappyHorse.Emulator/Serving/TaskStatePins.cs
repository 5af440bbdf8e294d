using System.Globalization;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using HappyHorse.Emulator.Tasks;

namespace HappyHorse.Emulator.Serving;

/// <summary>What a task record must hold at one path for a client to read the task's outcome right.</summary>
/// <param name="Value">The value to write; null with <paramref name="Absent"/> false means "present, filled as usual".</param>
/// <param name="Absent">Leave the field out.</param>
internal sealed record Pin(JsonNode? Value, bool Absent)
{
    public static Pin Leave { get; } = new(null, true);

    public static Pin Fill { get; } = new(null, false);
}

/// <summary>
/// The values the contract's polling rules (<c>succeeded_when</c>, <c>failed_when</c>) say a record has in each outcome,
/// worked backwards: a succeeded record satisfies every success rule and no failure rule, a failed one every failure
/// rule, and a pending one neither (a state no rule names, or the field left out when none exists, as for a boolean
/// that both rules test). Paths are JSON paths from the record, an array written <c>data[]</c>.
/// </summary>
internal sealed class TaskStatePins
{
    private static readonly string[] s_pendingWords = ["pending", "queued", "submitted", "processing", "running", "in_progress"];
    private static readonly string[] s_successWords = ["succeeded", "success", "completed", "complete", "done", "finished"];
    private static readonly string[] s_failureWords = ["error", "failed", "failure"];

    private readonly Dictionary<TaskOutcome, Dictionary<string, Pin>> _pins = new()
    {
        [TaskOutcome.Pending] = new(StringComparer.Ordinal),
        [TaskOutcome.Succeeded] = new(StringComparer.Ordinal),
        [TaskOutcome.Failed] = new(StringComparer.Ordinal),
    };

    public TaskStatePins(ContractSpec contract, TerminalSpec? terminal)
    {
        if (terminal is null)
        {
            return;
        }

        var rules = terminal.Succeeded.Select(r => (Rule: r, Success: true))
            .Concat(terminal.Failed.Select(r => (Rule: r, Success: false)))
            .Select(r => (r.Rule, r.Success, Path: JsonPath(contract, r.Rule)))
            .Where(r => r.Path is not null)
            .ToList();
        foreach (var group in rules.GroupBy(r => r.Path!, StringComparer.Ordinal))
        {
            var type = group.First().Rule.Steps[^1].Type;
            var success = group.Where(r => r.Success).ToList();
            var failure = group.Where(r => !r.Success).ToList();
            var successValues = success.SelectMany(r => r.Rule.Values).ToHashSet(StringComparer.Ordinal);
            var failureValues = failure.SelectMany(r => r.Rule.Values).ToHashSet(StringComparer.Ordinal);
            var successPresent = success.Any(r => r.Rule.Check == RuleCheck.Present);
            var failurePresent = failure.Any(r => r.Rule.Check == RuleCheck.Present);

            _pins[TaskOutcome.Succeeded][group.Key] = successPresent ? Pin.Fill
                : successValues.Count > 0 ? Value(type, successValues.First())
                : failurePresent ? Pin.Leave
                : Other(contract, type, failureValues, s_successWords);
            _pins[TaskOutcome.Failed][group.Key] = failurePresent ? Pin.Fill
                : failureValues.Count > 0 ? Value(type, failureValues.First())
                : successPresent ? Pin.Leave
                : Other(contract, type, successValues, s_failureWords);
            _pins[TaskOutcome.Pending][group.Key] = successPresent || failurePresent
                ? Pin.Leave
                : Other(contract, type, [.. successValues, .. failureValues], s_pendingWords);
        }
    }

    /// <summary>The pin at a record path in an outcome, or null when no rule tests it.</summary>
    public Pin? Find(TaskOutcome outcome, string path) => _pins[outcome].GetValueOrDefault(path);

    /// <summary>A state for a field no rule tests (a <c>state</c> or <c>status</c> string or enum), by its usual words.</summary>
    public static JsonNode? Conventional(ContractSpec contract, TypeRef type, TaskOutcome outcome)
    {
        var words = outcome switch
        {
            TaskOutcome.Succeeded => s_successWords,
            TaskOutcome.Failed => s_failureWords,
            _ => s_pendingWords,
        };
        return Other(contract, type, [], words).Value;
    }

    /// <summary>The rule's path as JSON names, for example <c>response.data[].state</c>; null when a step names no field.</summary>
    private static string? JsonPath(ContractSpec contract, TaskStateRule rule)
    {
        var names = new List<string>();
        var model = contract.Polling?.RecordModel;
        foreach (var step in rule.Steps)
        {
            var field = contract.Models.FirstOrDefault(m => m.Name == model)?.Fields.FirstOrDefault(f => f.PropertyName == step.PropertyName);
            if (field is null)
            {
                return null;
            }

            names.Add(field.JsonName + (field.Type.IsArray ? "[]" : ""));
            model = field.Type.Name;
        }

        return string.Join(".", names);
    }

    private static Pin Value(TypeRef type, string text) => new(type.Kind switch
    {
        FieldKind.Boolean => JsonValue.Create(text == "true"),
        FieldKind.Integer or FieldKind.Number or FieldKind.Timestamp => JsonValue.Create(decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture)),
        _ => JsonValue.Create(text),
    }, false);

    /// <summary>A value outside <paramref name="excluded"/>, preferring <paramref name="words"/>; left out when the type has none.</summary>
    private static Pin Other(ContractSpec contract, TypeRef type, HashSet<string> excluded, string[] words)
    {
        IEnumerable<string> candidates = type.Kind switch
        {
            FieldKind.Boolean => words == s_failureWords ? ["false", "true"] : ["true", "false"],
            FieldKind.Enum => contract.FindEnum(type.Name)?.Values.Select(v => v.Value).OrderBy(v => Rank(v, words)) ?? Enumerable.Empty<string>(),
            FieldKind.String => [.. words, "unknown"],
            _ => [],
        };
        return candidates.FirstOrDefault(c => !excluded.Contains(c)) is { } value ? Value(type, value) : Pin.Leave;
    }

    private static int Rank(string value, string[] words)
    {
        var index = Array.FindIndex(words, w => string.Equals(w, value, StringComparison.OrdinalIgnoreCase));
        return index < 0 ? words.Length : index;
    }
}
