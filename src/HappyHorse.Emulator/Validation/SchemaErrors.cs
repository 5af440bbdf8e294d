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
    public static IEnumerable<SchemaProblem> Describe(IEnumerable<ValidationError> errors, string action) =>
        Flatten(errors).Select(e => Describe(e, action));

    private static IEnumerable<ValidationError> Flatten(IEnumerable<ValidationError> errors)
    {
        foreach (var error in errors)
        {
            // Array items report through a parent error that holds the item's own errors.
            if (error is ChildSchemaValidationError child)
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

    private static SchemaProblem Describe(ValidationError error, string action)
    {
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
                $"{field} must be one of {string.Join(", ", schema.Enumeration)} (was {value})",
            ValidationErrorKind.NumberTooSmall or ValidationErrorKind.NumberTooBig or ValidationErrorKind.IntegerTooBig =>
                $"{field} must be {Bounds(schema.Minimum, schema.Maximum)} (was {value})",
            ValidationErrorKind.TooFewItems or ValidationErrorKind.TooManyItems =>
                $"{field} must have {ItemBounds(schema.MinItems, schema.MaxItems)} (had {error.Token?.Count() ?? 0})",
            ValidationErrorKind.StringTooShort or ValidationErrorKind.PatternMismatch when schema.Pattern == ContractSchemaExporter.NotBlankPattern =>
                $"{field} must not be blank (was {value})",
            ValidationErrorKind.PatternMismatch or ValidationErrorKind.UriExpected when schema.Format == JsonFormatStrings.Uri =>
                $"{field} must be an absolute http or https URL (was {value})",
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

    private static string Text(decimal value) => value.ToString("0.############", CultureInfo.InvariantCulture);
}
