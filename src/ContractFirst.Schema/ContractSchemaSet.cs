using Newtonsoft.Json;
using ContractFirst.Contract.Model;
using NJsonSchema;

namespace ContractFirst.Schema;

/// <summary>Whether an exported schema describes a request or a response model.</summary>
public enum ExportedSchemaKind
{
    /// <summary>The body of one action's request: strict.</summary>
    Request,

    /// <summary>A response model: tolerant of fields and enum values the contract does not list.</summary>
    Model,
}

/// <summary>One exported schema and the file it is written to.</summary>
public sealed class ExportedSchema
{
    internal ExportedSchema(string fileName, ExportedSchemaKind kind, string name, JsonSchema schema)
    {
        FileName = fileName;
        Kind = kind;
        Name = name;
        Schema = schema;
    }

    /// <summary>Gets the file name: <c>&lt;endpoint&gt;.&lt;action&gt;.request.schema.json</c> or <c>&lt;Model&gt;.schema.json</c>.</summary>
    public string FileName { get; }

    /// <summary>Gets whether this is a request or a model schema.</summary>
    public ExportedSchemaKind Kind { get; }

    /// <summary>Gets <c>endpoint.action</c> for a request, or the model name.</summary>
    public string Name { get; }

    /// <summary>Gets the schema. Validate with it; do not change it, it is shared.</summary>
    public JsonSchema Schema { get; }

    /// <summary>Serialises the schema as the committed file holds it: indented, <c>\n</c> line endings, a final newline.</summary>
    /// <returns>The JSON text.</returns>
    public string ToJson() => Schema.ToJson(Formatting.Indented).ReplaceLineEndings("\n") + "\n";
}

/// <summary>The schemas exported from one contract.</summary>
public sealed class ContractSchemaSet
{
    internal ContractSchemaSet(ContractSpec contract, IReadOnlyList<ExportedSchema> schemas)
    {
        Contract = contract;
        Schemas = schemas;
    }

    /// <summary>Gets the contract the schemas come from.</summary>
    public ContractSpec Contract { get; }

    /// <summary>Gets every schema, ordered by file name (ordinal).</summary>
    public IReadOnlyList<ExportedSchema> Schemas { get; }

    /// <summary>Gets the schema of one action's request body.</summary>
    /// <param name="endpointKey">The endpoint key, for example <c>videos</c>.</param>
    /// <param name="action">The discriminator value, for example <c>generate</c>.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">The contract has no such action.</exception>
    public JsonSchema GetRequestSchema(string endpointKey, string action) =>
        Find(ExportedSchemaKind.Request, endpointKey + "." + action);

    /// <summary>Gets the schema of a response model.</summary>
    /// <param name="modelName">The model name, for example <c>TaskRecord</c>.</param>
    /// <returns>The schema.</returns>
    /// <exception cref="KeyNotFoundException">The contract has no such model.</exception>
    public JsonSchema GetModelSchema(string modelName) => Find(ExportedSchemaKind.Model, modelName);

    /// <summary>
    /// Writes every schema to <paramref name="directory"/> (created when missing) and deletes the
    /// <c>*.schema.json</c> files there that the contract no longer produces.
    /// </summary>
    /// <param name="directory">The output folder.</param>
    /// <returns>The file names written, in order.</returns>
    public IReadOnlyList<string> WriteTo(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        Directory.CreateDirectory(directory);
        var names = Schemas.Select(s => s.FileName).ToHashSet(StringComparer.Ordinal);
        foreach (var stale in Directory.GetFiles(directory, "*.schema.json").Where(f => !names.Contains(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        foreach (var schema in Schemas)
        {
            File.WriteAllText(Path.Combine(directory, schema.FileName), schema.ToJson());
        }

        return Schemas.Select(s => s.FileName).ToArray();
    }

    private JsonSchema Find(ExportedSchemaKind kind, string name) =>
        Schemas.FirstOrDefault(s => s.Kind == kind && s.Name == name)?.Schema
        ?? throw new KeyNotFoundException($"The contract has no {(kind == ExportedSchemaKind.Request ? "action" : "model")} '{name}'.");
}
