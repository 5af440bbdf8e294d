using System.Globalization;
using System.Text.Json;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Validation;

/// <summary>The object rules are checked in: a request body or a request object.</summary>
/// <param name="Json">The object as sent.</param>
/// <param name="Fields">Its fields.</param>
/// <param name="ModelField">For a request whose action has models: the model field, which rules may test.</param>
/// <param name="DefaultModel">The model the service uses when the body leaves the model out; null when the contract names none.</param>
internal readonly record struct RuleScope(JsonElement Json, IReadOnlyList<FieldSpec> Fields, string? ModelField, string? DefaultModel)
{
    /// <summary>Gets values taken as sent besides the body's: the defaults applied so far, while <see cref="ValidatedBody"/> applies them.</summary>
    public IReadOnlyDictionary<string, JsonElement>? Applied { get; init; }

    public bool TryGet(string field, out JsonElement value) =>
        Json.TryGetProperty(field, out value) || (Applied is not null && Applied.TryGetValue(field, out value));
}

/// <summary>
/// Checks the rules between fields (<see cref="RuleSpec"/>) with the generated validators' reading of them: a field is
/// set when the body sends it, and so is the model when the service applies a default one; a condition on a field the
/// body leaves out tests the field's contract default (the model's default for the model), as the service does.
/// </summary>
internal static class RuleChecker
{
    /// <summary>Whether the object keeps every rule.</summary>
    public static bool Keeps(IReadOnlyList<RuleSpec> rules, RuleScope scope) => rules.All(r => !Breaks(r, scope, "", []));

    public static void Check(IReadOnlyList<RuleSpec> rules, RuleScope scope, string path, Problems problems)
    {
        foreach (var rule in rules)
        {
            var limits = new List<string>();
            if (Breaks(rule, scope, path, limits))
            {
                // The rule as the exported schema describes it, where it was broken inside a request, and any limit broken.
                problems.Add(
                    "the request breaks the rule: " + rule.Text.TrimEnd('.')
                    + (path.Length == 0 ? "" : $" (at {path})")
                    + (limits.Count == 0 ? "" : " — " + string.Join(", ", limits)));
            }
        }
    }

    private static bool Breaks(RuleSpec rule, RuleScope scope, string path, List<string> limits)
    {
        switch (rule.Kind)
        {
            case RuleKind.ExactlyOneOf:
                return rule.Fields.Count(f => IsSet(f, scope)) != 1;
            case RuleKind.AtLeastOneOf:
                return !rule.Fields.Any(f => IsSet(f, scope));
            case RuleKind.Requires:
                return IsSet(rule.Subject!, scope) && !rule.Fields.All(f => IsSet(f, scope));
            case RuleKind.Forbids:
                return IsSet(rule.Subject!, scope) && rule.Fields.Any(f => IsSet(f, scope));
            default:
                if (!Holds(rule.When!, scope))
                {
                    return false;
                }

                foreach (var limit in rule.Limits)
                {
                    var field = scope.Fields.First(f => f.JsonName == limit.Field);
                    if (scope.TryGet(limit.Field, out var sent) && Exceeds(limit, field, sent, path) is { } broken)
                    {
                        limits.Add(broken);
                    }
                }

                return limits.Count > 0 || !rule.Required.All(f => IsSet(f, scope)) || rule.Forbidden.Any(f => IsSet(f, scope));
        }
    }

    private static bool IsSet(string field, RuleScope scope) =>
        scope.TryGet(field, out _) || (field == scope.ModelField && scope.DefaultModel is not null);

    private static bool Holds(ConditionSpec condition, RuleScope scope)
    {
        if (condition.Values.IsEmpty)
        {
            return IsSet(condition.Field, scope);
        }

        if (scope.TryGet(condition.Field, out var sent))
        {
            return condition.Values.Any(v => Is(sent, v, condition.Kind));
        }

        var fallback = condition.Field == scope.ModelField ? scope.DefaultModel : condition.Default;
        return fallback is not null && condition.Values.Any(v => Same(fallback, v, condition.Kind));
    }

    /// <summary>Whether a value sent is the contract's value <paramref name="expected"/> (a wire value, number in invariant form, or true/false).</summary>
    private static bool Is(JsonElement sent, string expected, FieldKind kind) => kind switch
    {
        FieldKind.Integer or FieldKind.Number =>
            sent.ValueKind == JsonValueKind.Number && JsonNumber.Of(sent).Exact == decimal.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture),
        FieldKind.Boolean => sent.ValueKind is JsonValueKind.True or JsonValueKind.False && (sent.ValueKind == JsonValueKind.True ? "true" : "false") == expected,
        _ => JsonBody.TryReadString(sent, out var text) && text == expected,
    };

    private static bool Same(string value, string expected, FieldKind kind) => kind is FieldKind.Integer or FieldKind.Number
        ? decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture) == decimal.Parse(expected, NumberStyles.Float, CultureInfo.InvariantCulture)
        : value == expected;

    /// <summary>What a value breaks of a limit, said as a field's own rule is; null when it keeps it or is not of the field's type (its own check says so).</summary>
    private static string? Exceeds(LimitSpec limit, FieldSpec field, JsonElement sent, string path)
    {
        var name = path.Length == 0 ? limit.Field : path + "." + limit.Field;
        switch (field.Type.Kind)
        {
            case FieldKind.Enum:
                return JsonBody.TryReadString(sent, out var member) && !limit.Values.IsEmpty && !limit.Values.Contains(member)
                    ? $"{name} must be one of {string.Join(", ", limit.Values)} (was {ValueText.Quote(member)})"
                    : null;
            case FieldKind.String or FieldKind.Url:
                if (!JsonBody.TryReadString(sent, out var text))
                {
                    return null;
                }

                var length = ContractFirst.Runtime.Validate.CodePointCount(text);
                return length < limit.MinLength || length > limit.MaxLength
                    ? $"{name} must be {ValueText.LengthBounds(limit.MinLength, limit.MaxLength)} (was {length})"
                    : null;
            case FieldKind.Integer or FieldKind.Number when sent.ValueKind == JsonValueKind.Number:
                var number = JsonNumber.Of(sent);
                if ((limit.Min is { } min && number.IsBelow(min)) || (limit.Max is { } max && number.IsAbove(max)))
                {
                    return $"{name} must be {ValueText.Bounds(limit.Min, limit.Max)} (was {ValueText.Of(sent)})";
                }

                return !limit.Values.IsEmpty && !limit.Values.Any(v => number.Exact == decimal.Parse(v, NumberStyles.Float, CultureInfo.InvariantCulture))
                    ? $"{name} must be one of {string.Join(", ", limit.Values)} (was {ValueText.Of(sent)})"
                    : null;
            default:
                return null;
        }
    }
}
