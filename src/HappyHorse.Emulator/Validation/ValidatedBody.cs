using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Validation;

/// <summary>
/// Builds the body of a valid request as the service acts on it: the fields the action takes, in the order sent, then
/// the contract default of each field left out, at any depth; integers in their integer form. Values stay backed by
/// JSON elements, so a reader can take a number as any numeric type it fits (<c>TryGetValue&lt;decimal&gt;</c> on
/// <c>5</c>), which values made from CLR numbers do not allow.
/// </summary>
internal static class ValidatedBody
{
    /// <summary>The request's body.</summary>
    /// <param name="json">The body as sent; valid for the action.</param>
    /// <param name="fields">The action's fields.</param>
    /// <param name="keeps">Whether a top-level property is kept: the action's own fields, its discriminator and model.</param>
    /// <param name="contract">The request objects.</param>
    public static JsonObject Build(JsonElement json, IReadOnlyList<FieldSpec> fields, Func<string, bool> keeps, ContractIndex contract)
    {
        var body = new JsonObject();
        foreach (var property in json.EnumerateObject())
        {
            if (keeps(property.Name))
            {
                body[property.Name] = fields.FirstOrDefault(f => f.JsonName == property.Name) is { } field
                    ? Value(field, property.Value, contract)
                    : JsonValue.Create(property.Value);
            }
        }

        AddDefaults(body, fields);
        return body;
    }

    private static JsonNode? Value(FieldSpec field, JsonElement value, ContractIndex contract)
    {
        if (field.Type.IsArray)
        {
            return new JsonArray(value.EnumerateArray().Select(item => One(field.Type, item, contract)).ToArray());
        }

        return One(field.Type, value, contract);
    }

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

                AddDefaults(obj, spec.Fields);
                return obj;
            case FieldKind.Integer when !value.TryGetInt64(out _):
                // Whole and within 64 bits (checked), sent as 3.0 or 1e2.
                return JsonValue.Create(Parse(decimal.Truncate(value.GetDecimal()).ToString(CultureInfo.InvariantCulture)));
            default:
                return JsonValue.Create(value);
        }
    }

    private static void AddDefaults(JsonObject target, IEnumerable<FieldSpec> fields)
    {
        foreach (var field in fields)
        {
            if (field.Default is { } value && !target.ContainsKey(field.JsonName))
            {
                // Numbers and booleans are JSON as the contract writes them (invariant form); the rest are strings.
                target[field.JsonName] = field.Type.Kind is FieldKind.Integer or FieldKind.Number or FieldKind.Boolean
                    ? JsonValue.Create(Parse(value))
                    : JsonValue.Create(value);
            }
        }
    }

    private static JsonElement Parse(string json)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(json));
        return JsonElement.ParseValue(ref reader);
    }
}
