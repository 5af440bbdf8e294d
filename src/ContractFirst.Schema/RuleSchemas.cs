using System.Globalization;
using ContractFirst.Contract.Model;
using NJsonSchema;

namespace ContractFirst.Schema;

/// <summary>
/// States the rules between fields in JSON Schema draft 7, each as one entry of the request's
/// <c>allOf</c>: <c>oneOf</c> for exactly one of, <c>anyOf</c> for at least one of, and a condition as
/// <c>anyOf: [{ not: IF }, THEN]</c>, which means <c>if</c>/<c>then</c> but is checked by every
/// validator (NJsonSchema ignores <c>if</c>/<c>then</c>). The text of each rule is <see cref="RuleSpec.Text"/>, which the
/// emulator's messages use too.
/// </summary>
internal static class RuleSchemas
{
    public static void AddTo(JsonSchema target, IEnumerable<RuleSpec> rules, IReadOnlyList<FieldSpec> fields)
    {
        foreach (var rule in rules)
        {
            target.AllOf.Add(For(rule, fields));
        }
    }

    private static JsonSchema For(RuleSpec rule, IReadOnlyList<FieldSpec> fields)
    {
        var schema = new JsonSchema { Description = rule.Text };
        Fill(schema, rule, fields);

        // Every part says the rule too, so a validator's error at any level can name it.
        foreach (var part in schema.AllOf)
        {
            part.Description ??= schema.Description;
        }

        return schema;
    }

    private static void Fill(JsonSchema schema, RuleSpec rule, IReadOnlyList<FieldSpec> fields)
    {
        switch (rule.Kind)
        {
            case RuleKind.ExactlyOneOf:
                foreach (var field in rule.Fields)
                {
                    schema.OneOf.Add(Present(field));
                }

                break;
            case RuleKind.AtLeastOneOf:
                foreach (var field in rule.Fields)
                {
                    schema.AnyOf.Add(Present(field));
                }

                break;
            case RuleKind.Requires:
                foreach (var field in rule.Fields)
                {
                    schema.AllOf.Add(Implies(Present(rule.Subject!), Present(field)));
                }

                break;
            case RuleKind.Forbids:
                foreach (var field in rule.Fields)
                {
                    schema.AllOf.Add(new JsonSchema { Not = Present(rule.Subject!, field) });
                }

                break;
            default:
                var then = new JsonSchema();
                foreach (var field in rule.Required)
                {
                    then.AllOf.Add(Present(field));
                }

                foreach (var field in rule.Forbidden)
                {
                    then.AllOf.Add(new JsonSchema { Not = Present(field) });
                }

                foreach (var limit in rule.Limits)
                {
                    then.Properties[limit.Field] = Limit(limit, fields.FirstOrDefault(f => f.JsonName == limit.Field)?.Type.Kind ?? FieldKind.String);
                }

                schema.AllOf.Add(Implies(Condition(rule.When!), then));
                break;
        }
    }

    /// <summary><c>if</c>/<c>then</c> as <c>anyOf: [{ not: IF }, THEN]</c>: the same meaning in keywords every validator checks.</summary>
    private static JsonSchema Implies(JsonSchema condition, JsonSchema then)
    {
        var schema = new JsonSchema();
        schema.AnyOf.Add(new JsonSchema { Not = condition });
        schema.AnyOf.Add(then);
        return schema;
    }

    private static JsonSchema Present(params string[] fields)
    {
        var schema = new JsonSchema();
        foreach (var field in fields)
        {
            schema.RequiredProperties.Add(field);
        }

        return schema;
    }

    private static JsonSchema Condition(ConditionSpec condition)
    {
        var schema = Present(condition.Field);
        if (condition.Values.IsEmpty)
        {
            return schema;
        }

        var property = new JsonSchemaProperty();
        foreach (var value in condition.Values)
        {
            property.Enumeration.Add(Value(value, condition.Kind));
        }

        schema.Properties[condition.Field] = property;
        if (condition.Default is not { } fallback || !condition.Values.Contains(fallback))
        {
            return schema;
        }

        // Left out, the field has its default, which the condition names: absent holds too.
        var either = new JsonSchema();
        either.AnyOf.Add(new JsonSchema { Not = Present(condition.Field) });
        either.AnyOf.Add(schema);
        return either;
    }

    private static JsonSchemaProperty Limit(LimitSpec limit, FieldKind kind)
    {
        var property = new JsonSchemaProperty
        {
            Minimum = limit.Min,
            Maximum = limit.Max,
            MinLength = limit.MinLength,
            MaxLength = limit.MaxLength,
        };
        foreach (var value in limit.Values)
        {
            property.Enumeration.Add(Value(value, kind));
        }

        return property;
    }

    /// <summary>A value as JSON has it: a number for a number field, a boolean for a boolean, else a string.</summary>
    private static object Value(string value, FieldKind kind) => kind switch
    {
        FieldKind.Integer => long.Parse(value, CultureInfo.InvariantCulture),
        FieldKind.Number => decimal.Parse(value, NumberStyles.Float, CultureInfo.InvariantCulture),
        FieldKind.Boolean => value == "true",
        _ => value,
    };
}
