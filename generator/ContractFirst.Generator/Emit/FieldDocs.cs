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
            parts.Add($"{Number(field.MinItems.Value)} to {Number(field.MaxItems.Value)} items.");
        }
        else if (field.MinItems is not null)
        {
            parts.Add($"At least {Number(field.MinItems.Value)} items.");
        }
        else if (field.MaxItems is not null)
        {
            parts.Add($"At most {Number(field.MaxItems.Value)} items.");
        }

        if (field.Type.Kind == FieldKind.Url)
        {
            parts.Add(field.Type.IsArray ? "Each an absolute http or https URL." : "An absolute http or https URL.");
        }

        parts.Add("JSON: " + Docs.Code(field.JsonName) + ".");
        return string.Join(" ", parts);
    }

    private static string Number(decimal value) => value.ToString(CultureInfo.InvariantCulture);
}
