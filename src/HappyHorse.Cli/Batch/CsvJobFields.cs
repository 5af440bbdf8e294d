using System.Globalization;
using System.Text.Json;

namespace HappyHorse.Cli.Batch;

/// <summary>
/// The fields of a CSV row, by header name. Cells are text: numbers in invariant culture, booleans as
/// true/false, lists as <c>a|b|c</c> or a JSON array of strings; an empty cell leaves the field unset.
/// </summary>
internal sealed class CsvJobFields(IReadOnlyDictionary<string, string> cells) : IJobFields
{
    public IEnumerable<string> Names => cells.Where(c => c.Value.Length > 0).Select(c => c.Key);

    public string? GetString(string name) => Get(name);

    public int? GetInt(string name) => Get(name) is not { } text ? null
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n
        : throw WrongType(name, text, "a whole number");

    public double? GetNumber(string name) => Get(name) is not { } text ? null
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n
        : throw WrongType(name, text, "a number");

    public bool? GetBool(string name) => Get(name) switch
    {
        null => null,
        { } t when t.Equals("true", StringComparison.OrdinalIgnoreCase) => true,
        { } t when t.Equals("false", StringComparison.OrdinalIgnoreCase) => false,
        { } t => throw WrongType(name, t, "true or false"),
    };

    public IReadOnlyList<string>? GetStringList(string name)
    {
        if (Get(name) is not { } text)
        {
            return null;
        }

        if (!text.StartsWith('['))
        {
            return text.Split('|', StringSplitOptions.TrimEntries);
        }

        try
        {
            using var doc = JsonDocument.Parse(text);
            if (doc.RootElement.ValueKind == JsonValueKind.Array && doc.RootElement.EnumerateArray().All(i => i.ValueKind == JsonValueKind.String))
            {
                return doc.RootElement.EnumerateArray().Select(i => i.GetString()!).ToArray();
            }
        }
        catch (JsonException)
        {
            // Reported below with the rule and the value.
        }

        throw WrongType(name, text, "a|b|c or a JSON array of strings");
    }

    private string? Get(string name) => cells.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    private static JobFieldException WrongType(string name, string value, string expected) =>
        new(name, "type", value, $"{name} must be {expected} (was \"{value}\")");
}
