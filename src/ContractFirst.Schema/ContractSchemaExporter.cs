using System.Globalization;
using ContractFirst.Runtime;
using ContractFirst.Contract;
using ContractFirst.Contract.Model;
using NJsonSchema;

namespace ContractFirst.Schema;

/// <summary>
/// Turns a contract into JSON Schemas built with NJsonSchema's object model: one strict schema per
/// request action and one tolerant schema per response model.
/// </summary>
/// <remarks>
/// The request schemas say what the generated validators check, in a form other implementations
/// (an emulator, editors, other languages) can use; the two are meant to check each other.
/// </remarks>
public static class ContractSchemaExporter
{
    /// <summary>The JSON Schema dialect the exported schemas declare.</summary>
    public const string SchemaVersion = "http://json-schema.org/draft-07/schema#";

    /// <summary>
    /// What a required string must match: well-formed UTF-16 (<see cref="UrlRule.WellFormedUtf16Pattern"/>) with at
    /// least one character that is not whitespace. The generated validators treat a blank required string as missing.
    /// </summary>
    public const string NotBlankPattern = @"(?=[\s\S]*\S)" + UrlRule.WellFormedUtf16Pattern;

    /// <summary>Reads a contract file and exports its schemas.</summary>
    /// <param name="contractPath">The YAML contract.</param>
    /// <returns>The schemas.</returns>
    /// <exception cref="ContractException">The contract has errors.</exception>
    public static ContractSchemaSet Export(string contractPath) => Export(ContractParser.Load(contractPath));

    /// <summary>Exports the schemas of a parsed contract.</summary>
    /// <param name="contract">The contract.</param>
    /// <returns>The schemas, ordered by file name.</returns>
    public static ContractSchemaSet Export(ContractSpec contract)
    {
        ArgumentNullException.ThrowIfNull(contract);
        var spec = contract;
        var schemas = new List<ExportedSchema>();
        foreach (var endpoint in spec.Endpoints)
        {
            foreach (var action in endpoint.Actions)
            {
                schemas.Add(new ExportedSchema(
                    $"{endpoint.Key}.{action.Value}.request.schema.json",
                    ExportedSchemaKind.Request,
                    endpoint.Key + "." + action.Value,
                    BuildRequest(spec, endpoint, action)));
            }
        }

        foreach (var model in spec.Models)
        {
            schemas.Add(new ExportedSchema($"{model.Name}.schema.json", ExportedSchemaKind.Model, model.Name, BuildModelRoot(spec, model)));
        }

        schemas.Sort((a, b) => string.CompareOrdinal(a.FileName, b.FileName));
        return new ContractSchemaSet(contract, schemas);
    }

    private static JsonSchema BuildRequest(ContractSpec spec, EndpointSpec endpoint, ActionSpec action)
    {
        var schema = new JsonSchema
        {
            SchemaVersion = SchemaVersion,
            Title = $"{spec.Api.Name} {endpoint.Key}.{action.Value} request",
            Description = $"POST {endpoint.Path}{(endpoint.Discriminator is null ? "" : $" with {endpoint.Discriminator}: {action.Value}")}."
                + (action.Description is null ? "" : " " + action.Description),
            Type = JsonObjectType.Object,

            // A request for one action can never carry another action's fields (nor a misspelt one).
            AllowAdditionalProperties = false,
        };

        // A single-operation endpoint has no discriminator: the body may not carry one (additionalProperties).
        if (endpoint.Discriminator is { } discriminatorField)
        {
            var isDefault = endpoint.DefaultAction == action.Value;
            var discriminator = new JsonSchemaProperty
            {
                Type = JsonObjectType.String,
                Description = isDefault
                    ? $"Selects the action; {action.Value} when omitted."
                    : "Selects the action.",
            };
            discriminator.Enumeration.Add(action.Value);
            schema.Properties[discriminatorField] = discriminator;
            if (!isDefault)
            {
                schema.RequiredProperties.Add(discriminatorField);
            }
        }

        if (endpoint.ModelField is { } modelField && action.Models.Count > 0)
        {
            var model = new JsonSchemaProperty
            {
                Type = JsonObjectType.String,
                // Never required: omitted, it is the action's default, or (with no default) the service's choice.
                Description = action.DefaultModel is null ? "The model; the service picks one when omitted." : $"The model; {action.DefaultModel} when omitted.",
            };
            foreach (var id in action.Models)
            {
                model.Enumeration.Add(id.Value);
            }

            schema.Properties[modelField] = model;
        }

        AddRequestFields(spec, action.Fields, schema, schema);
        RuleSchemas.AddTo(schema, action.Rules, action.Fields);

        return schema;
    }

    /// <summary>A request's or a request object's fields, with the required ones listed.</summary>
    private static void AddRequestFields(ContractSpec spec, IEnumerable<FieldSpec> fields, JsonSchema target, JsonSchema root)
    {
        foreach (var field in fields)
        {
            var property = new JsonSchemaProperty();
            ApplyRequestType(spec, field, property, root);
            property.Description = field.Description;

            // What the service applies when the field is left out; the emulator fills it in as the service would.
            property.Default = DefaultOf(field);
            target.Properties[field.JsonName] = property;
            if (field.Required)
            {
                target.RequiredProperties.Add(field.JsonName);
            }
        }
    }

    private static void ApplyRequestType(ContractSpec spec, FieldSpec field, JsonSchema target, JsonSchema root)
    {
        if (field.Type.IsArray)
        {
            target.Type = JsonObjectType.Array;
            target.MinItems = field.MinItems ?? 0;
            target.MaxItems = field.MaxItems ?? 0;

            // An item is never optional: the generated validators reject blank items like missing fields.
            target.Item = new JsonSchema();
            ApplyRequestScalar(spec, field.Type, field, target.Item, notBlank: true, root);
            return;
        }

        ApplyRequestScalar(spec, field.Type, field, target, notBlank: field.Required, root);
    }

    private static void ApplyRequestScalar(ContractSpec spec, TypeRef type, FieldSpec field, JsonSchema target, bool notBlank, JsonSchema root)
    {
        switch (type.Kind)
        {
            case FieldKind.String:
                target.Type = JsonObjectType.String;

                // A string with an unpaired surrogate has no UTF-8 form; the generated validators refuse it.
                target.Pattern = UrlRule.WellFormedUtf16Pattern;
                if (notBlank)
                {
                    target.MinLength = 1;
                    target.Pattern = NotBlankPattern;
                }

                if (!type.IsArray && field.Pattern is { } pattern)
                {
                    // A schema has one pattern: the contract's is the field's own, the well-formed (or not blank) rule joins through allOf.
                    target.AllOf.Add(new JsonSchema { Pattern = target.Pattern });
                    target.Pattern = pattern;
                }

                ApplyLengths(field, type, target);
                break;
            case FieldKind.Url:
                target.Type = JsonObjectType.String;
                target.Format = JsonFormatStrings.Uri;

                // The one URL rule of the runtime; it also excludes every non-ASCII character, surrogates included.
                target.Pattern = UrlRule.Pattern;
                ApplyLengths(field, type, target);
                break;
            case FieldKind.Integer:
            case FieldKind.Number:
                target.Type = type.Kind == FieldKind.Integer ? JsonObjectType.Integer : JsonObjectType.Number;
                if (!type.IsArray)
                {
                    target.Minimum = field.Min;
                    target.Maximum = field.Max;
                    foreach (var value in field.Values)
                    {
                        // As integers for an integer field, so the schema lists 5 rather than 5.0.
                        target.Enumeration.Add(type.Kind == FieldKind.Integer ? decimal.ToInt64(value) : (object)value);
                    }
                }

                break;
            case FieldKind.Boolean:
                target.Type = JsonObjectType.Boolean;
                break;
            case FieldKind.Timestamp:
                target.Type = JsonObjectType.Number;
                break;
            case FieldKind.Enum:
                target.Type = JsonObjectType.String;
                foreach (var value in EnumOf(spec, type.Name).Values)
                {
                    target.Enumeration.Add(value.Value);
                }

                break;
            case FieldKind.Object:
                target.Reference = ObjectDefinition(spec, type.Name!, root);
                break;
            default:
                // Request fields cannot name models (the parser rejects it); an object is the honest fallback.
                target.Type = JsonObjectType.Object;
                break;
        }
    }

    /// <summary>minLength and maxLength count Unicode code points, as the generated validators do (<c>Validate.CodePointCount</c>).</summary>
    private static void ApplyLengths(FieldSpec field, TypeRef type, JsonSchema target)
    {
        if (type.IsArray)
        {
            return;
        }

        // A required string keeps its minLength of 1 (not blank) unless the contract asks for more.
        if (field.MinLength > (target.MinLength ?? 0))
        {
            target.MinLength = field.MinLength;
        }

        target.MaxLength = field.MaxLength;
    }

    /// <summary>The default as a JSON value of the field's type: an integer, a number, a boolean or a string.</summary>
    private static object? DefaultOf(FieldSpec field) => field.Default switch
    {
        null => null,
        var text when field.Type.Kind == FieldKind.Integer => long.Parse(text, CultureInfo.InvariantCulture),
        var text when field.Type.Kind == FieldKind.Number => decimal.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture),
        var text when field.Type.Kind == FieldKind.Boolean => text == "true",
        var text => text,
    };

    private static JsonSchema BuildModelRoot(ContractSpec spec, ModelSpec model)
    {
        var root = new JsonSchema
        {
            SchemaVersion = SchemaVersion,
            Title = model.Name,
        };
        FillModel(spec, model, root, root);
        return root;
    }

    /// <summary>
    /// Response models are read tolerantly: unknown fields are allowed, no field is required (the
    /// generated readers treat an absent field as null), and enums accept values the contract does not
    /// list (a new task state must not fail a reader), so their known values are only examples.
    /// </summary>
    private static void FillModel(ContractSpec spec, ModelSpec model, JsonSchema target, JsonSchema root)
    {
        target.Type = JsonObjectType.Object;
        target.Description = model.Description;
        target.AllowAdditionalProperties = true;
        foreach (var field in model.Fields)
        {
            var property = new JsonSchemaProperty { Description = field.Description };
            if (field.Type.Kind == FieldKind.Model && !field.Type.IsArray)
            {
                var reference = new JsonSchema { Reference = Definition(spec, field.Type.Name!, root) };
                if (field.Nullable)
                {
                    property.OneOf.Add(new JsonSchema { Type = JsonObjectType.Null });
                    property.OneOf.Add(reference);
                }
                else
                {
                    property.Reference = reference.Reference;
                }
            }
            else if (field.Type.IsArray)
            {
                property.Type = Nullable(JsonObjectType.Array, field.Nullable);
                property.Item = new JsonSchema();
                ApplyResponseScalar(spec, field.Type, property.Item, root);
            }
            else
            {
                ApplyResponseScalar(spec, field.Type, property, root);
                property.Type = Nullable(property.Type, field.Nullable);
            }

            target.Properties[field.JsonName] = property;
        }
    }

    private static void ApplyResponseScalar(ContractSpec spec, TypeRef type, JsonSchema target, JsonSchema root)
    {
        switch (type.Kind)
        {
            case FieldKind.String:
                target.Type = JsonObjectType.String;
                break;
            case FieldKind.Url:
                target.Type = JsonObjectType.String;
                target.Format = JsonFormatStrings.Uri;
                break;
            case FieldKind.Integer:
                target.Type = JsonObjectType.Integer;
                break;
            case FieldKind.Number:
            case FieldKind.Timestamp:
                target.Type = JsonObjectType.Number;
                break;
            case FieldKind.Boolean:
                target.Type = JsonObjectType.Boolean;
                break;
            case FieldKind.Enum:
                target.Type = JsonObjectType.String;
                target.ExtensionData = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["examples"] = EnumOf(spec, type.Name).Values.Select(v => v.Value).ToArray(),
                };
                break;
            case FieldKind.Model:
                target.Reference = Definition(spec, type.Name!, root);
                break;
        }
    }

    private static JsonSchema Definition(ContractSpec spec, string modelName, JsonSchema root)
    {
        if (root.Definitions.TryGetValue(modelName, out var existing))
        {
            return existing;
        }

        var definition = new JsonSchema { Title = modelName };

        // Added before it is filled so that a model that refers to itself finds its own definition.
        root.Definitions[modelName] = definition;
        FillModel(spec, spec.Models.First(m => m.Name == modelName), definition, root);
        return definition;
    }

    /// <summary>A request object as a definition of the request's schema, strict like the request itself.</summary>
    private static JsonSchema ObjectDefinition(ContractSpec spec, string name, JsonSchema root)
    {
        if (root.Definitions.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var obj = spec.Objects.FirstOrDefault(o => o.Name == name)
            ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The contract has no object '{name}'."));
        var definition = new JsonSchema
        {
            Title = name,
            Description = obj.Description,
            Type = JsonObjectType.Object,
            AllowAdditionalProperties = false,
        };

        // Added before it is filled so that an object that holds itself finds its own definition.
        root.Definitions[name] = definition;
        AddRequestFields(spec, obj.Fields, definition, root);
        RuleSchemas.AddTo(definition, obj.Rules, obj.Fields);
        return definition;
    }

    private static JsonObjectType Nullable(JsonObjectType type, bool nullable) => nullable ? type | JsonObjectType.Null : type;

    private static EnumSpec EnumOf(ContractSpec spec, string? name) =>
        spec.Enums.FirstOrDefault(e => e.Name == name)
        ?? throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"The contract has no enum '{name}'."));
}
