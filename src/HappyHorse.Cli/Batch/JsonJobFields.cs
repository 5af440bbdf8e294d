using System.Globalization;
using System.Text.Json;

namespace HappyHorse.Cli.Batch;

/// <summary>The fields of a JSON Lines object; JSON types must match the contract's (a number is not a string).</summary>
internal sealed class JsonJobFields(JsonElement obj) : IJobFields
{
    public IEnumerable<string> Names => obj.EnumerateObject().Where(p => p.Value.ValueKind != JsonValueKind.Null).Select(p => p.Name);

    public string? GetString(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.String } v => v.GetString(),
        { } v => throw WrongType(name, v, "a string"),
    };

    public int? GetInt(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v when v.TryGetInt32(out var n) => n,
        { } v => throw WrongType(name, v, "a whole number"),
    };

    public double? GetNumber(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.Number } v => v.GetDouble(),
        { } v => throw WrongType(name, v, "a number"),
    };

    public bool? GetBool(string name) => Get(name) switch
    {
        null => null,
        { ValueKind: JsonValueKind.True } => true,
        { ValueKind: JsonValueKind.False } => false,
        { } v => throw WrongType(name, v, "true or false"),
    };

    public IReadOnlyList<string>? GetStringList(string name)
    {
        if (Get(name) is not { } v)
        {
            return null;
        }

        if (v.ValueKind != JsonValueKind.Array || v.EnumerateArray().Any(i => i.ValueKind != JsonValueKind.String))
        {
            throw WrongType(name, v, "an array of strings");
        }

        return v.EnumerateArray().Select(i => i.GetString()!).ToArray();
    }

    private JsonElement? Get(string name) =>
        obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null ? value : null;

    private static JobFieldException WrongType(string name, JsonElement value, string expected)
    {
        var text = value.GetRawText();
        return new JobFieldException(name, "type", text, string.Create(CultureInfo.InvariantCulture, $"{name} must be {expected} (was {text})"));
    }
}
