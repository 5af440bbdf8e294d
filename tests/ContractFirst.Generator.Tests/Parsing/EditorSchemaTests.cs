using System.Text.Json.Nodes;
using ContractFirst.Contract;
using ContractFirst.Generator.Tests.Infrastructure;

namespace ContractFirst.Generator.Tests.Parsing;

/// <summary>
/// spec/contract.schema.json is what editors check contracts with. Every object it describes must allow
/// exactly the keys the parser accepts in the same section (<see cref="ContractKeys"/>, the table the parser
/// itself checks keys against), or editors flag valid contracts or pass ones the generator rejects.
/// </summary>
public sealed class EditorSchemaTests
{
    /// <summary>Where each parser section is described in the editor schema (JSON pointers).</summary>
    private static readonly Dictionary<string, string> SchemaObjectOf = new(StringComparer.Ordinal)
    {
        ["root"] = "",
        ["api"] = "/definitions/api",
        ["api.auth"] = "/definitions/api/properties/auth",
        ["enum"] = "/definitions/enum",
        ["enum.value"] = "/definitions/enumValue/anyOf/1",
        ["endpoint"] = "/definitions/endpoint",
        ["endpoint.field"] = "/definitions/requestField",
        ["model.field"] = "/definitions/modelField",
        ["action"] = "/definitions/action",
        ["action.model"] = "/definitions/modelId/anyOf/1",
        ["action.field"] = "/definitions/actionField/anyOf/1",
        ["polling"] = "/definitions/polling",
        ["polling.rule"] = "/definitions/taskStateRule",
        ["model"] = "/definitions/model",
        ["object"] = "/definitions/object",
        ["object.field"] = "/definitions/objectField",
        ["rule"] = "/definitions/rule",
        ["rule.when"] = "/definitions/ruleCondition",
        ["rule.then"] = "/definitions/ruleEffect",
        ["rule.limit"] = "/definitions/ruleLimit",
        ["errors"] = "/definitions/errors",
        ["errors.body"] = "/definitions/errors/properties/body",
        ["errors.case"] = "/definitions/errorCase",
        ["billing"] = "/definitions/billing",
        ["billing.price"] = "/definitions/price",
    };

    private static readonly Lazy<JsonNode> s_schema = new(() =>
        JsonNode.Parse(File.ReadAllText(Path.Combine(RepoPaths.Root, "spec", "contract.schema.json")))!);

    public static TheoryData<string> Sections => [.. ContractKeys.Sections.Keys];

    [Theory]
    [MemberData(nameof(Sections))]
    public void TheSchemaAllowsExactlyTheKeysTheParserAccepts(string section)
    {
        Assert.True(SchemaObjectOf.TryGetValue(section, out var pointer), $"Section {section} has no place in the editor schema; add it to {nameof(SchemaObjectOf)}.");
        var node = Resolve(pointer);

        var schemaKeys = node["properties"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal).ToArray();
        var parserKeys = ContractKeys.Sections[section].Order(StringComparer.Ordinal).ToArray();
        Assert.True(
            schemaKeys.SequenceEqual(parserKeys),
            $"{section} ({(pointer.Length == 0 ? "root" : pointer)}): only in the schema: [{string.Join(", ", schemaKeys.Except(parserKeys))}]; "
            + $"only in the parser: [{string.Join(", ", parserKeys.Except(schemaKeys))}]");

        // Editors must flag unknown keys as the parser does (CFG002).
        Assert.False(node["additionalProperties"]!.GetValue<bool>(), $"{pointer} must set additionalProperties: false");
    }

    [Fact]
    public void EveryObjectOfTheSchemaWithKeysIsASectionOfTheParser()
    {
        var objects = new List<string>();
        Collect(s_schema.Value, "", objects);

        Assert.Equal(
            SchemaObjectOf.Values.Order(StringComparer.Ordinal),
            objects.Order(StringComparer.Ordinal));
        Assert.Equal(SchemaObjectOf.Keys.Order(StringComparer.Ordinal), ContractKeys.Sections.Keys.Order(StringComparer.Ordinal));
    }

    private static JsonNode Resolve(string pointer) =>
        pointer.Split('/', StringSplitOptions.RemoveEmptyEntries).Aggregate(s_schema.Value, (node, part) =>
            (int.TryParse(part, out var index) && node is JsonArray array ? array[index] : node[part])
            ?? throw new InvalidOperationException($"The editor schema has no {pointer}"));

    /// <summary>Every object schema that lists keys (<c>properties</c>), skipping the conditional rules
    /// (<c>if</c>/<c>then</c>/<c>else</c>), whose <c>properties</c> only forbid keys of their parent.</summary>
    private static void Collect(JsonNode? node, string pointer, List<string> objects)
    {
        if (node is not JsonObject obj)
        {
            return;
        }

        if (obj["properties"] is JsonObject)
        {
            objects.Add(pointer);
        }

        foreach (var (key, child) in obj)
        {
            switch (key)
            {
                case "if" or "then" or "else" or "not":
                    continue;
                case "properties" or "definitions" when child is JsonObject map:
                    foreach (var (name, value) in map)
                    {
                        Collect(value, $"{pointer}/{key}/{name}", objects);
                    }

                    break;
                case "anyOf" or "oneOf" or "allOf" when child is JsonArray list:
                    for (var i = 0; i < list.Count; i++)
                    {
                        Collect(list[i], $"{pointer}/{key}/{i}", objects);
                    }

                    break;
                case "items" or "additionalProperties":
                    Collect(child, $"{pointer}/{key}", objects);
                    break;
            }
        }
    }
}
