using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Validation;

/// <summary>
/// Builds the body of a valid request as the service acts on it: the fields the action takes, in the order sent, then
/// the contract default of each field left out, at any depth, unless a rule of the request excludes the field (no seed
/// for a model that takes none), so the body stays a valid request. Integers are in their integer form. Values stay
/// backed by JSON elements, so a reader can take a number as any numeric type it fits (<c>TryGetValue&lt;decimal&gt;</c>
/// on <c>5</c>), which values made from CLR numbers do not allow.
/// </summary>
internal static class ValidatedBody
{
    /// <summary>The request's body.</summary>
    /// <param name="scope">The body as sent, valid for the action, with its fields and model.</param>
    /// <param name="rules">The action's rules.</param>
    /// <param name="keeps">Whether a top-level property is kept: the action's own fields, its discriminator and model.</param>
    /// <param name="contract">The request objects.</param>
    public static JsonObject Build(RuleScope scope, IReadOnlyList<RuleSpec> rules, Func<string, bool> keeps, ContractIndex contract)
    {
        var body = new JsonObject();
        foreach (var property in scope.Json.EnumerateObject())
        {
            if (keeps(property.Name))
            {
                body[property.Name] = scope.Fields.FirstOrDefault(f => f.JsonName == property.Name) is { } field
                    ? Value(field, property.Value, contract)
                    : Copy(property.Value);
            }
        }

        AddDefaults(body, scope, rules);
        return body;
    }

    private static JsonNode? Value(FieldSpec field, JsonElement value, ContractIndex contract) =>
        field.Type.IsArray
            ? new JsonArray(value.EnumerateArray().Select(item => One(field.Type, item, contract)).ToArray())
            : One(field.Type, value, contract);

    private static JsonNode? One(TypeRef type, JsonElement value, ContractIndex contract)
    {
        switch (type.Kind)
        {
            case FieldKind.Object:
                var spec = contract.Object(type.Name);
                var obj = new JsonObject();
                foreach (var property in value.EnumerateObject())
                {
                    obj[property.Name] = Value(spec.Fields.First(f => f.JsonName == property.Name), property.Value, contract);
                }

                AddDefaults(obj, new RuleScope(value, spec.Fields, ModelField: null, DefaultModel: null), spec.Rules);
                return obj;
            case FieldKind.Integer when !value.TryGetInt64(out _):
                // Whole and within 64 bits (checked), sent as 3.0 or 1e2.
                return JsonValue.Create(Parse(Encoding.UTF8.GetBytes(decimal.Truncate(value.GetDecimal()).ToString(CultureInfo.InvariantCulture))));
            default:
                return Copy(value);
        }
    }

    /// <summary>Adds the default of each field the object leaves out, one at a time, each only if the object with it still keeps its rules.</summary>
    private static void AddDefaults(JsonObject target, RuleScope sent, IReadOnlyList<RuleSpec> rules)
    {
        var applied = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var scope = sent with { Applied = applied };
        foreach (var field in sent.Fields)
        {
            if (field.Default is not { } text || target.ContainsKey(field.JsonName))
            {
                continue;
            }

            applied[field.JsonName] = Default(field, text);
            if (RuleChecker.Keeps(rules, scope))
            {
                target[field.JsonName] = JsonValue.Create(applied[field.JsonName]);
            }
            else
            {
                applied.Remove(field.JsonName);
            }
        }
    }

    /// <summary>A default as JSON: numbers and booleans as the contract writes them (invariant form), the rest as strings.</summary>
    private static JsonElement Default(FieldSpec field, string text)
    {
        if (field.Type.Kind is FieldKind.Integer or FieldKind.Number or FieldKind.Boolean)
        {
            return Parse(Encoding.UTF8.GetBytes(text));
        }

        var json = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(json))
        {
            writer.WriteStringValue(text);
        }

        return Parse(json.WrittenSpan);
    }

    private static JsonNode? Copy(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => JsonObject.Create(value),
        JsonValueKind.Array => JsonArray.Create(value),
        _ => JsonValue.Create(value),
    };

    private static JsonElement Parse(ReadOnlySpan<byte> json)
    {
        var reader = new Utf8JsonReader(json);
        return JsonElement.ParseValue(ref reader);
    }
}
