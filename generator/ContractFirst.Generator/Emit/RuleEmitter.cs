using System.Globalization;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>The model field of a request, as rules test it: set when it has a default, since the default is sent.</summary>
/// <param name="JsonName">The wire name, e.g. <c>model</c>.</param>
/// <param name="Property">The C# property.</param>
/// <param name="DefaultValue">The model id the request sends when the property is unset; null when it sends none.</param>
internal sealed record RuleModel(string JsonName, string Property, string? DefaultValue);

/// <summary>
/// Emits the checks of the rules between fields, after each field's own checks: presence rules, and
/// limits under a condition. Each is a boolean test over properties, so a valid request allocates nothing;
/// messages name the rule, the fields and (for a condition) when it applies.
/// </summary>
internal static class RuleEmitter
{
    public static void Emit(ValidatorChecks c, IReadOnlyList<RuleSpec> rules, IReadOnlyList<FieldSpec> fields, RuleModel? model)
    {
        var w = c.W;
        var byName = fields.ToDictionary(f => f.JsonName, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            var rule = rules[i];
            var target = new ValidationTarget(string.Join(", ", rule.Fields), $"rule{i}");
            w.Gap();
            switch (rule.Kind)
            {
                case RuleKind.ExactlyOneOf:
                    var count = string.Join(" + ", rule.Fields.Select(f => IsSet(f, byName, model) is var set && set == "true" ? "1" : $"({set} ? 1 : 0)"));
                    w.Open($"if (({count}) is not 1 and var rule{i}Count)");
                    c.Add(target, $"ExactlyOneOf({target.Name})", $"rule{i}Count");
                    w.Close();
                    break;
                case RuleKind.AtLeastOneOf:
                    EmitIf(c, All(rule.Fields.Select(f => IsUnset(f, byName, model))), target, $"AtLeastOneOf({target.Name})");
                    break;
                case RuleKind.Requires or RuleKind.Forbids:
                    foreach (var other in rule.Fields)
                    {
                        var requires = rule.Kind == RuleKind.Requires;
                        var fails = All([IsSet(rule.Subject!, byName, model), requires ? IsUnset(other, byName, model) : IsSet(other, byName, model)]);
                        EmitIf(c, fails, target, $"{(requires ? "Requires" : "Forbids")}({CSharpTypes.String(rule.Subject!)}, {CSharpTypes.String(other)})");
                    }

                    break;
                default:
                    EmitWhen(c, rule, i, byName, model);
                    break;
            }
        }
    }

    private static void EmitWhen(ValidatorChecks c, RuleSpec rule, int index, Dictionary<string, FieldSpec> fields, RuleModel? model)
    {
        var w = c.W;
        var target = new ValidationTarget("", $"rule{index}");
        var condition = $"rule{index}Holds";
        var text = CSharpTypes.String(rule.When!.Text);
        w.Line($"var {condition} = {Test(rule.When, fields, model)};");
        foreach (var field in rule.Required)
        {
            EmitIf(c, All([condition, IsUnset(field, fields, model)]), target, $"RequiredWhen({CSharpTypes.String(field)}, {text})");
        }

        foreach (var field in rule.Forbidden)
        {
            EmitIf(c, All([condition, IsSet(field, fields, model)]), target, $"ForbiddenWhen({CSharpTypes.String(field)}, {text})");
        }

        foreach (var limit in rule.Limits)
        {
            w.Gap();
            EmitLimit(c, fields[limit.Field], limit, condition, text, $"rule{index}{fields[limit.Field].PropertyName}");
        }
    }

    private static void EmitLimit(ValidatorChecks c, FieldSpec field, LimitSpec limit, string condition, string text, string local)
    {
        var w = c.W;
        var target = new ValidationTarget(field.JsonName, local);
        var name = target.Name;
        var binding = ValidatorEmitter.Binding(field, local);
        if (field.Type.Kind == FieldKind.Enum)
        {
            var allowed = string.Join(" or ", limit.Values.Select(CSharpTypes.String));
            w.Open($"if ({condition} && {binding} && {local}.Value is not ({allowed}))");
            c.Add(target, $"Allowed({name}, {CSharpTypes.String(string.Join(", ", limit.Values))}).When({text})", $"{local}.Value");
            w.Close();
            return;
        }

        if (field.Type.Kind is FieldKind.String or FieldKind.Url)
        {
            var length = local + "Length";
            if (ValidatorEmitter.Bounds(length, limit.MinLength, limit.MaxLength, v => v.ToString(CultureInfo.InvariantCulture)) is not { } bounds)
            {
                return;
            }

            w.Open($"if ({condition} && {binding} && {CSharpTypes.Runtime}Validate.CodePointCount({local}) is var {length} && ({bounds}))");
            c.Add(target, $"Length({name}, {ValidatorEmitter.Optional(limit.MinLength)}, {ValidatorEmitter.Optional(limit.MaxLength)}).When({text})", length);
            w.Close();
            return;
        }

        if (ValidatorEmitter.Bounds(local, limit.Min, limit.Max, v => CSharpTypes.Literal(v, field)) is { } range)
        {
            w.Open($"if ({condition} && {binding} && ({range}))");
            c.Add(target, $"Range({name}, {ValidatorEmitter.Bound(limit.Min, field)}, {ValidatorEmitter.Bound(limit.Max, field)}).When({text})", local);
            w.Close();
        }

        if (!limit.Values.IsEmpty)
        {
            var allowed = string.Join(" or ", limit.Values.Select(v => CSharpTypes.Literal(decimal.Parse(v, CultureInfo.InvariantCulture), field)));
            w.Open($"if ({condition} && {binding} && {local} is not ({allowed}))");
            c.Add(target, $"Allowed({name}, {CSharpTypes.String(string.Join(", ", limit.Values))}).When({text})", local);
            w.Close();
        }
    }

    /// <summary>
    /// Emits the violation of the rule <paramref name="factory"/> makes under <paramref name="condition"/>, folded: a
    /// check that can never fail (a required value is always set) is left out, since a constant condition would warn in
    /// the caller's build.
    /// </summary>
    private static void EmitIf(ValidatorChecks c, string condition, ValidationTarget target, string factory)
    {
        if (condition == "false")
        {
            return;
        }

        c.W.Gap();
        if (condition == "true")
        {
            c.Add(target, factory);
            return;
        }

        c.W.Open($"if ({condition})");
        c.Add(target, factory);
        c.W.Close();
    }

    /// <summary>The conjunction of tests, with constants folded away.</summary>
    private static string All(IEnumerable<string> tests)
    {
        var parts = tests.Where(t => t != "true").ToList();
        return parts.Contains("false") ? "false" : parts.Count == 0 ? "true" : string.Join(" && ", parts);
    }

    /// <summary>Whether a field is sent: always for a required value, and for the model when a default is sent in its place.</summary>
    private static string IsSet(string jsonName, Dictionary<string, FieldSpec> fields, RuleModel? model) => Presence(jsonName, fields, model, set: true);

    private static string IsUnset(string jsonName, Dictionary<string, FieldSpec> fields, RuleModel? model) => Presence(jsonName, fields, model, set: false);

    private static string Presence(string jsonName, Dictionary<string, FieldSpec> fields, RuleModel? model, bool set)
    {
        var (property, always) = model is not null && jsonName == model.JsonName
            ? (model.Property, model.DefaultValue is not null)
            : (fields[jsonName].PropertyName, CSharpTypes.IsAlwaysSet(fields[jsonName]));
        return always ? (set ? "true" : "false") : $"{property} is {(set ? "not null" : "null")}";
    }

    /// <summary>A condition as a boolean expression over the value the request sends.</summary>
    private static string Test(ConditionSpec condition, Dictionary<string, FieldSpec> fields, RuleModel? model)
    {
        if (condition.Values.IsEmpty)
        {
            return IsSet(condition.Field, fields, model);
        }

        if (model is not null && condition.Field == model.JsonName)
        {
            var value = model.DefaultValue is null ? $"{model.Property}?.Value" : $"({model.Property}?.Value ?? {CSharpTypes.String(model.DefaultValue)})";
            return $"{value} is {string.Join(" or ", condition.Values.Select(CSharpTypes.String))}";
        }

        var field = fields[condition.Field];
        var optional = !CSharpTypes.IsAlwaysSet(field);
        string Literal(string text) => field.Type.Kind switch
        {
            FieldKind.Integer or FieldKind.Number => CSharpTypes.Literal(decimal.Parse(text, CultureInfo.InvariantCulture), field),
            FieldKind.Boolean => text,
            _ => CSharpTypes.String(text),
        };

        // Left out, the field has its default: the service tests that, so the validator does too.
        var tested = field.Type.Kind == FieldKind.Enum ? $"{field.PropertyName}{(optional ? "?" : "")}.Value" : field.PropertyName;
        if (optional && condition.Default is { } fallback)
        {
            tested = $"({tested} ?? {Literal(fallback)})";
        }

        return $"{tested} is {string.Join(" or ", condition.Values.Select(Literal))}";
    }
}
