using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using ContractFirst.Contract;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Tests.Support;

/// <summary>A body as a provider SDK sends it, and the top-level fields the action does not take, in body order.</summary>
internal sealed record SdkStyleBody(JsonObject Body, IReadOnlyList<string> NotTaken);

/// <summary>
/// Builds request bodies the way the provider's SDKs (TypeScript, Python, Go) send them: every field of the endpoint on
/// every action, the model and the action always named, and a couple of fields of the SDK's own. The action's own
/// fields get valid values, from their contract default when they have one; the fields of the endpoint's other actions
/// get what such SDKs send for a parameter the caller did not set (an empty string, <c>null</c>, <c>0</c>, an empty
/// list), which the action's own checks would refuse: they must be accepted and ignored without being checked.
/// An own field a rule of the action excludes in that combination is left out, as the service would refuse it too.
/// </summary>
internal static class SdkStyleBodies
{
    /// <summary>Texts of the shapes the contracts' patterns describe; the first that fits a field is used.</summary>
    private static readonly string[] s_texts = ["A white horse gallops along a beach at sunrise", "2K", "16:9", "AB12", "adaptive", "task-1"];

    public static SdkStyleBody For(ContractSpec contract, EndpointSpec endpoint, ActionSpec action)
    {
        var body = new JsonObject();
        var own = new HashSet<string>(action.Fields.Select(f => f.JsonName), StringComparer.Ordinal);
        if (endpoint.Discriminator is { } discriminator)
        {
            body[discriminator] = action.Value;
            own.Add(discriminator);
        }

        if (endpoint.ModelField is { } modelField)
        {
            var model = action.DefaultModel ?? (action.Models.IsEmpty ? null : action.Models[0].Value)
                ?? endpoint.DefaultModel ?? endpoint.Actions.SelectMany(a => a.Models).Select(m => m.Value).FirstOrDefault();
            body[modelField] = model;
            if (!action.Models.IsEmpty)
            {
                own.Add(modelField);
            }
        }

        // Every field of the endpoint, in the order its actions first name them.
        var fields = endpoint.Actions.SelectMany(a => a.Fields).DistinctBy(f => f.JsonName).ToList();
        foreach (var field in fields)
        {
            body[field.JsonName] = action.Fields.FirstOrDefault(f => f.JsonName == field.JsonName) is { } mine
                ? Valid(contract, mine)
                : NotSet(field);
        }

        Satisfy(contract, body, action.Fields, action.Rules, endpoint.ModelField, action.DefaultModel);

        // Fields of the SDK's own that no contract lists.
        body["sdk_version"] = "1.4.2";
        body["trace"] = null;
        return new SdkStyleBody(body, body.Select(p => p.Key).Where(k => !own.Contains(k)).ToList());
    }

    /// <summary>What an SDK sends for a parameter the caller did not set.</summary>
    private static JsonNode? NotSet(FieldSpec field) => field.Type switch
    {
        { IsArray: true } => new JsonArray(),
        { Kind: FieldKind.String } => "",
        { Kind: FieldKind.Integer or FieldKind.Number } => 0,
        { Kind: FieldKind.Boolean } => false,
        _ => null,
    };

    /// <summary>A value of the field that keeps its own rules: its default, else a plausible value inside its bounds.</summary>
    private static JsonNode? Valid(ContractSpec contract, FieldSpec field)
    {
        if (field.Type.IsArray)
        {
            var count = Math.Min(Math.Max(field.MinItems ?? 1, 1), field.MaxItems ?? int.MaxValue);
            return new JsonArray(Enumerable.Range(1, count).Select(i => Item(contract, field, i)).ToArray());
        }

        if (field.Default is { } fallback)
        {
            return field.Type.Kind switch
            {
                FieldKind.Integer or FieldKind.Number => decimal.Parse(fallback, CultureInfo.InvariantCulture),
                FieldKind.Boolean => fallback == "true",
                _ => fallback,
            };
        }

        return field.Type.Kind switch
        {
            FieldKind.String => Text(field),
            FieldKind.Url => "https://cdn.example.com/assets/horse.png",
            FieldKind.Integer or FieldKind.Number => field.Values.IsEmpty ? field.Min ?? field.Max ?? 5 : field.Values[0],
            FieldKind.Boolean => false,
            FieldKind.Enum => contract.FindEnum(field.Type.Name)!.Values[0].Value,
            FieldKind.Object => Object(contract, field.Type.Name!),
            _ => throw new InvalidOperationException($"No valid value for {field.JsonName} of type {field.Type.Text}."),
        };
    }

    private static JsonNode? Item(ContractSpec contract, FieldSpec field, int i) => field.Type.Kind switch
    {
        FieldKind.String => $"item-{i}",
        FieldKind.Url => $"https://cdn.example.com/assets/{i}.png",
        FieldKind.Integer or FieldKind.Number => i,
        FieldKind.Boolean => true,
        FieldKind.Enum => contract.FindEnum(field.Type.Name)!.Values[0].Value,
        FieldKind.Object => Object(contract, field.Type.Name!),
        _ => throw new InvalidOperationException($"No valid item for {field.JsonName} of type {field.Type.Text}."),
    };

    private static JsonObject Object(ContractSpec contract, string name)
    {
        var spec = contract.Objects.Single(o => o.Name == name);
        var obj = new JsonObject();
        foreach (var field in spec.Fields)
        {
            obj[field.JsonName] = Valid(contract, field);
        }

        Satisfy(contract, obj, spec.Fields, spec.Rules, modelField: null, defaultModel: null);
        return obj;
    }

    private static string Text(FieldSpec field)
    {
        var min = Math.Max(field.MinLength ?? 1, 1);
        var candidates = s_texts.Append(new string('a', min));
        return candidates.FirstOrDefault(text =>
                text.Length >= min && !(text.Length > field.MaxLength)
                && (field.Pattern is null || Regex.IsMatch(text, field.Pattern, RegexOptions.CultureInvariant)))
            ?? throw new InvalidOperationException($"No sample text fits {field.JsonName} (pattern {field.Pattern}); add one.");
    }

    /// <summary>Drops, adds or narrows own fields until the rules hold, as a caller of the SDK would have to.</summary>
    private static void Satisfy(ContractSpec contract, JsonObject body, IReadOnlyList<FieldSpec> fields, IReadOnlyList<RuleSpec> rules, string? modelField, string? defaultModel)
    {
        bool IsSet(string name) => body.ContainsKey(name) || (name == modelField && defaultModel is not null);
        void Add(string name) => body[name] ??= Valid(contract, fields.Single(f => f.JsonName == name));

        for (var pass = 0; pass < 3; pass++)
        {
            foreach (var rule in rules)
            {
                switch (rule.Kind)
                {
                    case RuleKind.ExactlyOneOf:
                        foreach (var extra in rule.Fields.Where(IsSet).Skip(1).ToList())
                        {
                            body.Remove(extra);
                        }

                        if (!rule.Fields.Any(IsSet))
                        {
                            Add(rule.Fields[0]);
                        }

                        break;
                    case RuleKind.AtLeastOneOf when !rule.Fields.Any(IsSet):
                        Add(rule.Fields[0]);
                        break;
                    case RuleKind.Requires when IsSet(rule.Subject!):
                        rule.Fields.ToList().ForEach(Add);
                        break;
                    case RuleKind.Forbids when IsSet(rule.Subject!):
                        rule.Fields.ToList().ForEach(f => body.Remove(f));
                        break;
                    case RuleKind.When when Holds(body, rule.When!, modelField, defaultModel):
                        rule.Forbidden.ToList().ForEach(f => body.Remove(f));
                        rule.Required.ToList().ForEach(Add);
                        foreach (var limit in rule.Limits.Where(l => body.ContainsKey(l.Field)))
                        {
                            body[limit.Field] = Within(limit, fields.Single(f => f.JsonName == limit.Field));
                        }

                        break;
                }
            }
        }
    }

    private static bool Holds(JsonObject body, ConditionSpec condition, string? modelField, string? defaultModel)
    {
        var value = body[condition.Field]?.ToJsonString() ?? (condition.Field == modelField ? Json(defaultModel, FieldKind.Enum) : Json(condition.Default, condition.Kind));
        return condition.Values.IsEmpty ? body.ContainsKey(condition.Field) : condition.Values.Any(v => Json(v, condition.Kind) == value);
    }

    private static string? Json(string? value, FieldKind kind) => value is null ? null : kind switch
    {
        FieldKind.Integer or FieldKind.Number => JsonValue.Create(decimal.Parse(value, CultureInfo.InvariantCulture)).ToJsonString(),
        FieldKind.Boolean => value,
        _ => JsonValue.Create(value).ToJsonString(),
    };

    /// <summary>A value inside a rule's limit on a field.</summary>
    private static JsonNode Within(LimitSpec limit, FieldSpec field) => field.Type.Kind switch
    {
        FieldKind.Enum or FieldKind.String when !limit.Values.IsEmpty => limit.Values[0],
        FieldKind.String or FieldKind.Url => new string('a', Math.Max(limit.MinLength ?? 1, 1)),
        _ when !limit.Values.IsEmpty => decimal.Parse(limit.Values[0], CultureInfo.InvariantCulture),
        _ => limit.Min ?? limit.Max ?? 0,
    };
}
