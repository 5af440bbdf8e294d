using System.Globalization;
using ContractFirst.Contract.Model;

namespace ContractFirst.Generator.Emit;

/// <summary>A field's description plus its constraints, so IntelliSense shows the rules.</summary>
internal static class FieldDocs
{
    public static string Summary(FieldSpec field)
    {
        var parts = new List<string> { Docs.Escape(Docs.Sentence(field.Description, "The " + field.JsonName + " field.")) };
        if (field.Required)
        {
            parts.Add("Required.");
        }

        if (field.Min is not null && field.Max is not null)
        {
            parts.Add($"From {Number(field.Min.Value)} to {Number(field.Max.Value)}.");
        }
        else if (field.Min is not null)
        {
            parts.Add($"At least {Number(field.Min.Value)}.");
        }
        else if (field.Max is not null)
        {
            parts.Add($"At most {Number(field.Max.Value)}.");
        }

        if (field.MinItems is not null && field.MaxItems is not null)
        {
            parts.Add(field.MinItems == field.MaxItems ? $"Exactly {Items(field.MaxItems.Value)}." : $"{Number(field.MinItems.Value)} to {Items(field.MaxItems.Value)}.");
        }
        else if (field.MinItems is not null)
        {
            parts.Add($"At least {Items(field.MinItems.Value)}.");
        }
        else if (field.MaxItems is not null)
        {
            parts.Add($"At most {Items(field.MaxItems.Value)}.");
        }

        if (!field.Values.IsEmpty)
        {
            parts.Add("One of: " + string.Join(", ", field.Values.Select(Number)) + ".");
        }

        if (field.MinLength is not null && field.MinLength == field.MaxLength)
        {
            parts.Add($"Exactly {Characters(field.MaxLength!.Value)}.");
        }
        else if (field.MinLength is not null && field.MaxLength is not null)
        {
            parts.Add($"{Number(field.MinLength.Value)} to {Characters(field.MaxLength.Value)}.");
        }
        else if (field.MinLength is not null)
        {
            parts.Add($"At least {Characters(field.MinLength.Value)}.");
        }
        else if (field.MaxLength is not null)
        {
            parts.Add($"At most {Characters(field.MaxLength.Value)}.");
        }

        if (field.Pattern is not null)
        {
            parts.Add("Matches " + Docs.Code(field.Pattern) + ".");
        }

        if (field.Type.Kind == FieldKind.Url)
        {
            parts.Add(field.Type.IsArray ? "Each an absolute http or https URL." : "An absolute http or https URL.");
        }

        if (field.Default is not null)
        {
            // Numbers and booleans read as themselves; a string (or enum) default is shown as the wire value it is.
            var value = field.Type.Kind is FieldKind.Integer or FieldKind.Number or FieldKind.Boolean ? field.Default : Docs.Code(field.Default);
            parts.Add($"Default: {value} (applied by the service when left unset).");
        }

        parts.Add("JSON: " + Docs.Code(field.JsonName) + ".");
        return string.Join(" ", parts);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Characters(int count) => count == 1 ? "1 character" : Number(count) + " characters";

    private static string Items(int count) => count == 1 ? "1 item" : Number(count) + " items";
}
