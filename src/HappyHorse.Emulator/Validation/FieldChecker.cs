using System.Globalization;
using System.Text.Json;
using ContractFirst.Contract.Model;
using RuntimeValidate = ContractFirst.Runtime.Validate;

namespace HappyHorse.Emulator.Validation;

/// <summary>
/// Checks the value a body sends for a field against everything the contract says of it, at any depth: its type, a
/// required string not blank, well-formed UTF-16, enum values, bounds, listed numbers, item counts, lengths in code
/// points, the pattern, the URL rule, and for a request object its own fields and rules. The exported request schemas
/// state the same rules (ContractSchemaExporter); the agreement tests hold the two, and the generated validators, to
/// the same verdicts.
/// </summary>
internal sealed class FieldChecker(ContractIndex contract)
{
    /// <summary>Checks the value sent for <paramref name="field"/>, naming problems by <paramref name="path"/> (<c>clips[1].url</c>).</summary>
    public void Check(FieldSpec field, JsonElement value, string path, Problems problems)
    {
        if (!field.Type.IsArray)
        {
            CheckOne(field, value, path, notBlank: field.Required, isItem: false, problems);
            return;
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            problems.Add($"{path} must be an array (was {ValueText.Of(value)})");
            return;
        }

        var count = value.GetArrayLength();
        if (count < field.MinItems || count > field.MaxItems)
        {
            problems.Add($"{path} must have {ValueText.ItemBounds(field.MinItems, field.MaxItems)} (had {count})");
        }

        // An item is never optional: a blank one is refused like a missing required field.
        var i = 0;
        foreach (var item in value.EnumerateArray())
        {
            CheckOne(field, item, string.Create(CultureInfo.InvariantCulture, $"{path}[{i++}]"), notBlank: true, isItem: true, problems);
        }
    }

    /// <summary>Checks a request object: each field, the required ones present, no other field, and its rules.</summary>
    public void CheckObject(ObjectSpec spec, JsonElement value, string path, Problems problems)
    {
        if (value.ValueKind != JsonValueKind.Object)
        {
            problems.Add($"{path} must be an object (was {ValueText.Of(value)})");
            return;
        }

        foreach (var field in spec.Fields)
        {
            if (value.TryGetProperty(field.JsonName, out var sent))
            {
                Check(field, sent, path + "." + field.JsonName, problems);
            }
            else if (field.Required)
            {
                problems.Add($"{path}.{field.JsonName} is required");
            }
        }

        // Inside an object every field is the action's own: tolerance is for the request's top-level fields only.
        foreach (var property in value.EnumerateObject())
        {
            if (!spec.Fields.Any(f => f.JsonName == property.Name))
            {
                problems.Add($"{path}.{property.Name} is not a field of {spec.Name}");
            }
        }

        RuleChecker.Check(spec.Rules, new RuleScope(value, spec.Fields, ModelField: null, DefaultModel: null), path, problems);
    }

    /// <summary>
    /// One value of a field's type: the field's own value, or an item of its array. Items have no pattern, length or
    /// bounds of their own (the contract states those for single values only).
    /// </summary>
    private void CheckOne(FieldSpec field, JsonElement value, string path, bool notBlank, bool isItem, Problems problems)
    {
        switch (field.Type.Kind)
        {
            case FieldKind.String or FieldKind.Url:
                if (JsonBody.TryReadString(value, out var text))
                {
                    CheckText(field, text, path, notBlank, isItem, problems);
                }
                else
                {
                    problems.Add($"{path} must be a string (was {ValueText.Of(value)})");
                }

                break;
            case FieldKind.Enum:
                var values = contract.Enum(field.Type.Name).Values;
                if (!JsonBody.TryReadString(value, out var member) || !values.Any(v => v.Value == member))
                {
                    problems.Add($"{path} must be one of {string.Join(", ", values.Select(v => v.Value))} (was {ValueText.Of(value)})");
                }

                break;
            case FieldKind.Integer:
                CheckInteger(field, value, path, isItem, problems);
                break;
            case FieldKind.Number or FieldKind.Timestamp:
                CheckNumber(field, value, path, isItem, problems);
                break;
            case FieldKind.Boolean when value.ValueKind is not (JsonValueKind.True or JsonValueKind.False):
                problems.Add($"{path} must be true or false (was {ValueText.Of(value)})");
                break;
            case FieldKind.Object:
                CheckObject(contract.Object(field.Type.Name), value, path, problems);
                break;
            case FieldKind.Model when value.ValueKind != JsonValueKind.Object:
                // Request fields cannot name response models (the parser refuses it); an object is the honest reading.
                problems.Add($"{path} must be an object (was {ValueText.Of(value)})");
                break;
        }
    }

    /// <summary>
    /// A string or URL, each problem once and the first that makes the rest meaningless alone: an unpaired surrogate
    /// (the value has no UTF-8 form), a blank required value, then the URL rule, the pattern and the length.
    /// </summary>
    private void CheckText(FieldSpec field, string text, string path, bool notBlank, bool isItem, Problems problems)
    {
        var surrogate = RuntimeValidate.IndexOfUnpairedSurrogate(text);
        if (surrogate >= 0)
        {
            problems.Add(string.Create(
                CultureInfo.InvariantCulture,
                $"{path} must be well-formed UTF-16: unpaired surrogate U+{(int)text[surrogate]:X4} at index {surrogate}"));
            return;
        }

        var isUrl = field.Type.Kind == FieldKind.Url;
        if (isUrl && !RuntimeValidate.IsHttpUrl(text))
        {
            problems.Add($"{path} must be an absolute http or https URL (was {ValueText.Quote(text)})");
            return;
        }

        if (notBlank && string.IsNullOrWhiteSpace(text))
        {
            problems.Add($"{path} must not be blank (was {ValueText.Quote(text)})");
            return;
        }

        if (isItem)
        {
            return;
        }

        if (field.Pattern is { } pattern && !RuntimeValidate.IsMatch(contract.Pattern(pattern), text))
        {
            problems.Add($"{path} must match {pattern} (was {ValueText.Quote(text)})");
        }

        // A required string's length is at least 1 (it is not blank), and its message says so.
        var min = !isUrl && field.Required ? Math.Max(1, field.MinLength ?? 0) : field.MinLength > 0 ? field.MinLength : null;
        var length = RuntimeValidate.CodePointCount(text);
        if (length < min || length > field.MaxLength)
        {
            problems.Add($"{path} must be {ValueText.LengthBounds(min, field.MaxLength)} (was {length})");
        }
    }

    /// <summary>
    /// A whole number (<c>3.0</c> and <c>1e2</c> are whole, as in JSON Schema) in the field's listed values or bounds, and
    /// within 64 bits, the most an SDK's integer property holds.
    /// </summary>
    private static void CheckInteger(FieldSpec field, JsonElement value, string path, bool isItem, Problems problems)
    {
        if (value.ValueKind != JsonValueKind.Number || !JsonNumber.IsWhole(value))
        {
            problems.Add($"{path} must be an integer (was {ValueText.Of(value)})");
            return;
        }

        var number = JsonNumber.Of(value);
        if (!isItem && CheckValuesAndBounds(field, number, value, path, problems))
        {
            return;
        }

        if (!number.FitsInt64)
        {
            problems.Add($"{path} must be an integer between {long.MinValue} and {long.MaxValue} (was {ValueText.Of(value)})");
        }
    }

    private static void CheckNumber(FieldSpec field, JsonElement value, string path, bool isItem, Problems problems)
    {
        if (value.ValueKind != JsonValueKind.Number)
        {
            problems.Add($"{path} must be a number (was {ValueText.Of(value)})");
            return;
        }

        var number = JsonNumber.Of(value);
        if (!isItem && CheckValuesAndBounds(field, number, value, path, problems))
        {
            return;
        }

        // Past a double's range (1e400), as every JSON reader that takes numbers as doubles sees it.
        if (!number.IsFinite)
        {
            problems.Add($"{path} must be a finite number (was {ValueText.Of(value)})");
        }
    }

    /// <summary>The listed values of a number field, else its bounds; whether either was broken.</summary>
    private static bool CheckValuesAndBounds(FieldSpec field, JsonNumber number, JsonElement value, string path, Problems problems)
    {
        if (!field.Values.IsEmpty)
        {
            if (number.Exact is { } exact && field.Values.Contains(exact))
            {
                return false;
            }

            problems.Add($"{path} must be one of {ValueText.List(field.Values)} (was {ValueText.Of(value)})");
            return true;
        }

        if ((field.Min is { } min && number.IsBelow(min)) || (field.Max is { } max && number.IsAbove(max)))
        {
            problems.Add($"{path} must be {ValueText.Bounds(field.Min, field.Max)} (was {ValueText.Of(value)})");
            return true;
        }

        return false;
    }
}
