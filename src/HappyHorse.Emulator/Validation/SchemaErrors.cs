using System.Globalization;
using ContractFirst.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;
using NJsonSchema.Validation;

namespace HappyHorse.Emulator.Validation;

/// <summary>One validation problem as the emulator reports it.</summary>
/// <param name="Field">The JSON field, with an index for array items (for example <c>image_urls[1]</c>).</param>
/// <param name="Text">A sentence naming the field, the rule and the value.</param>
internal sealed record SchemaProblem(string Field, string Text);

/// <summary>Turns NJsonSchema's validation errors into sentences a caller can act on.</summary>
internal static class SchemaErrors
{
    /// <summary>Describes NJsonSchema's errors, except string lengths: <see cref="DescribeLengths"/> counts those.</summary>
    public static IEnumerable<SchemaProblem> Describe(IEnumerable<ValidationError> errors, string action) =>
        Flatten(errors)
            .Where(e => e.Kind is not (ValidationErrorKind.StringTooShort or ValidationErrorKind.StringTooLong))
            .Select(e => Describe(e, action));

    /// <summary>
    /// Checks the body's strings against the schema's minLength and maxLength in Unicode code points, as JSON Schema
    /// defines them (NJsonSchema counts UTF-16 code units, so an emoji would count twice). A blank required string is
    /// left to the not-blank pattern, which says so.
    /// </summary>
    public static IEnumerable<SchemaProblem> DescribeLengths(JsonSchema schema, JToken body) => DescribeLengthsAt(schema.ActualSchema, body, "");

    /// <summary>As above, at any depth: request objects (by <c>$ref</c>) and the items of arrays, each named by its path.</summary>
    private static IEnumerable<SchemaProblem> DescribeLengthsAt(JsonSchema schema, JToken body, string path)
    {
        if (body is not JObject json)
        {
            yield break;
        }

        foreach (var (name, declared) in schema.Properties)
        {
            var property = declared.ActualSchema;
            var field = path.Length == 0 ? name : path + "." + name;
            switch (json[name])
            {
                case JObject nested:
                    foreach (var problem in DescribeLengthsAt(property, nested, field))
                    {
                        yield return problem;
                    }

                    break;
                case JArray items when property.Item?.ActualSchema is { } item:
                    for (var i = 0; i < items.Count; i++)
                    {
                        foreach (var problem in DescribeLengthsAt(item, items[i], $"{field}[{i}]"))
                        {
                            yield return problem;
                        }
                    }

                    break;
                case JValue { Value: string text } when property.MinLength is not null || declared.MinLength is not null || property.MaxLength is not null || declared.MaxLength is not null:
                    var min = declared.MinLength ?? property.MinLength;
                    var max = declared.MaxLength ?? property.MaxLength;
                    var length = text.EnumerateRunes().Count();
                    var blankRequired = schema.RequiredProperties.Contains(name) && string.IsNullOrWhiteSpace(text);
                    if ((length < min && !blankRequired) || length > max)
                    {
                        yield return new SchemaProblem(field, $"{field} must be {LengthBounds(min, max)} (was {length})");
                    }

                    break;
            }
        }
    }

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // Array items report through a parent error that holds the item's own errors; a rule between fields
            // (a failed oneOf, anyOf or not) is an error of its own, whatever its branches said.
            if (error is ChildSchemaValidationError child && !IsRule(error))
            {
                foreach (var inner in Flatten(child.Errors.Values.SelectMany(e => e)))
                {
                    yield return inner;
                }
            }
            else
            {
                yield return error;
            }
        }
    }

    private static bool IsRule(ValidationError error) =>
        error.Kind is ValidationErrorKind.NotOneOf or ValidationErrorKind.NotAnyOf or ValidationErrorKind.ExcludedSchemaValidates;

    private static SchemaProblem Describe(ValidationError error, string action)
    {
        if (IsRule(error))
        {
            // The exported schema describes each rule in words ("Exactly one of video_id, video_url.").
            var rule = error.Schema?.Description ?? error.Kind.ToString();
            return new SchemaProblem(FieldOf(error.Path), "the request breaks the rule: " + rule.TrimEnd('.'));
        }

        var schema = error.Schema;
        var field = error.Kind is ValidationErrorKind.PropertyRequired or ValidationErrorKind.NoAdditionalPropertiesAllowed
            ? error.Property ?? FieldOf(error.Path)
            : FieldOf(error.Path);
        var value = error.Token is null ? "null" : error.Token.ToString(Formatting.None);
        var given = error.Token is JValue { Value: string s } ? s : "";
        var surrogate = ContractFirst.Runtime.Validate.IndexOfUnpairedSurrogate(given);
        var text = error.Kind switch
        {
            // Every string pattern the schemas export refuses unpaired surrogates; say so rather than blame the other rule.
            ValidationErrorKind.PatternMismatch when surrogate >= 0 =>
                $"{field} must be well-formed UTF-16: unpaired surrogate U+{(int)given[surrogate]:X4} at index {surrogate}",
            ValidationErrorKind.PropertyRequired => $"{field} is required",
            ValidationErrorKind.NoAdditionalPropertiesAllowed => $"{field} is not a field of {action}",
            ValidationErrorKind.NotInEnumeration =>
                $"{field} must be one of {string.Join(", ", schema.Enumeration.Select(v => Convert.ToString(v, CultureInfo.InvariantCulture)))} (was {value})",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                $"{field} must be {Bounds(schema.Minimum, schema.Maximum)} (was {value})",
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems =>
                $"{field} must have {ItemBounds(schema.MinItems, schema.MaxItems)} (had {error.Token?.Count() ?? 0})",
            ValidationErrorKind.PatternMismatch when schema.Pattern == ContractSchemaExporter.NotBlankPattern =>
                $"{field} must not be blank (was {value})",
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.UriExpected when schema.Format == JsonFormatStrings.Uri =>
                $"{field} must be an absolute http or https URL (was {value})",
            ValidationErrorKind.PatternMismatch => $"{field} must match {schema.Pattern} (was {value})",
            ValidationErrorKind.StringExpected => $"{field} must be a string (was {value})",
            ValidationErrorKind.IntegerExpected => $"{field} must be an integer (was {value})",
            ValidationErrorKind.NumberExpected => $"{field} must be a number (was {value})",
            ValidationErrorKind.BooleanExpected => $"{field} must be true or false (was {value})",
            ValidationErrorKind.ArrayExpected => $"{field} must be an array (was {value})",
            ValidationErrorKind.ObjectExpected => $"{field} must be an object (was {value})",
            _ => $"{field} breaks the rule {error.Kind} (was {value})",
        };
        return new SchemaProblem(field, text);
    }

    /// <summary>NJsonSchema paths look like <c>#/image_urls[1]</c>; callers know fields by their JSON names.</summary>
    private static string FieldOf(string? path)
    {
        var field = (path ?? "").TrimStart('#').TrimStart('/').Replace('/', '.');
        return field.Length == 0 ? "the body" : field;
    }

    private static string Bounds(decimal? min, decimal? max) => (min, max) switch
    {
        ({ } lo, { } hi) => $"between {Text(lo)} and {Text(hi)}",
        ({ } lo, null) => $"at least {Text(lo)}",
        (null, { } hi) => $"at most {Text(hi)}",
        _ => "in range",
    };

    private static string ItemBounds(int min, int max) => (min, max) switch
    {
        (_, > 0) when min == max => $"exactly {max} items",
        (> 0, > 0) => $"between {min} and {max} items",
        (_, > 0) => $"at most {max} items",
        _ => $"at least {min} item{(min == 1 ? "" : "s")}",
    };

    private static string LengthBounds(int? min, int? max) => (min, max) switch
    {
        ({ } lo, { } hi) when lo == hi => $"exactly {Characters(hi)}",
        ({ } lo, { } hi) => $"between {lo} and {Characters(hi)}",
        ({ } lo, null) => $"at least {Characters(lo)}",
        _ => $"at most {Characters(max ?? 0)}",
    };

    private static string Characters(int count) => count == 1 ? "1 character" : $"{count} characters";

    private static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
