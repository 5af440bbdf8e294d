using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HappyHorse.Emulator.Validation;

/// <summary>A request that passed validation, with the contract's defaults resolved.</summary>
/// <param name="Action">The action, the default one when the body names none.</param>
/// <param name="Model">The model, the action's default when the body names none; null for endpoints without models.</param>
/// <param name="Body">The body as sent.</param>
internal sealed record ValidatedRequest(ContractAction Action, string? Model, JsonObject Body);

/// <summary>
/// Checks a request body against one endpoint of the contract: the action's exported JSON Schema
/// (NJsonSchema) plus the rules a schema cannot express alone (dispatch on the discriminator with the
/// default action, and a model that belongs to another action). Deliberately independent of the
/// generated SDK's validators, so each catches the other's mistakes.
/// </summary>
internal sealed class RequestValidator
{
    private readonly ContractEndpoint _endpoint;
    private readonly Dictionary<string, JsonSchema> _schemas;

    public RequestValidator(ContractEndpoint endpoint, ContractSchemaSet schemas)
    {
        _endpoint = endpoint;
        _schemas = endpoint.Actions.ToDictionary(a => a.Value, a => schemas.GetRequestSchema(endpoint.Key, a.Value), StringComparer.Ordinal);
    }

    /// <summary>Validates a body.</summary>
    /// <param name="body">The raw request body.</param>
    /// <param name="request">The valid request, or null.</param>
    /// <param name="error">Every problem found, each naming the field, the rule and the value; or null.</param>
    /// <returns>Whether the body is valid.</returns>
    public bool TryValidate(string body, out ValidatedRequest? request, out string? error)
    {
        request = null;
        if (!TryParse(body, out var node, out var token, out error))
        {
            return false;
        }

        if (node is not JsonObject json)
        {
            error = $"The body must be a JSON object (was {Describe(node)}).";
            return false;
        }

        if (!TryDispatch(json, out var action, out error))
        {
            return false;
        }

        var problems = new List<string>();
        string? model = null;
        var skipModel = false;
        if (_endpoint.ModelField is { } modelField)
        {
            var modelNode = json[modelField];
            if (modelNode is null && !json.ContainsKey(modelField))
            {
                model = action.DefaultModel;
            }
            else if (modelNode is JsonValue value && value.TryGetValue<string>(out var id))
            {
                model = id;

                // The schema would only say "not one of"; the service says which family the model is from.
                var owner = _endpoint.FindActionOfModel(id);
                if (owner is not null && owner != action)
                {
                    problems.Add($"{modelField} {id} belongs to action {owner.Value}, not {action.Value}; {action.Value} takes {string.Join(", ", action.Models)}");
                    skipModel = true;
                }
            }
        }

        foreach (var message in SchemaErrors.Describe(_schemas[action.Value].Validate(token), action.Value))
        {
            if (!(skipModel && message.Field == _endpoint.ModelField) && !problems.Contains(message.Text))
            {
                problems.Add(message.Text);
            }
        }

        if (problems.Count > 0)
        {
            error = $"Invalid {action.Value} request: " + string.Join("; ", problems) + ".";
            return false;
        }

        request = new ValidatedRequest(action, model, json);
        return true;
    }

    private static bool TryParse(string body, out JsonNode? node, out JToken token, out string? error)
    {
        node = null;
        token = JValue.CreateNull();
        error = null;
        if (string.IsNullOrWhiteSpace(body))
        {
            error = "The body is empty; send a JSON object.";
            return false;
        }

        try
        {
            // System.Text.Json is strict (no comments, trailing commas or single quotes), as a JSON API is.
            node = JsonNode.Parse(body, documentOptions: new JsonDocumentOptions { AllowDuplicateProperties = false });

            // NJsonSchema validates Newtonsoft tokens; dates must stay strings, or a prompt that looks like one would change type.
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.Load(reader);
            return true;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or JsonReaderException or ArgumentException)
        {
            error = "The body is not valid JSON: " + ex.Message;
            return false;
        }
    }

    private bool TryDispatch(JsonObject json, out ContractAction action, out string? error)
    {
        action = null!;
        error = null;
        var allowed = string.Join(", ", _endpoint.Actions.Select(a => a.Value));
        var discriminator = _endpoint.Discriminator;
        if (!json.ContainsKey(discriminator))
        {
            if (_endpoint.FindAction(_endpoint.DefaultAction) is { } fallback)
            {
                action = fallback;
                return true;
            }

            error = $"{discriminator} is required; one of {allowed}.";
            return false;
        }

        var node = json[discriminator];
        if (node is JsonValue value && value.TryGetValue<string>(out var name) && _endpoint.FindAction(name) is { } found)
        {
            action = found;
            return true;
        }

        error = $"{discriminator} must be one of {allowed} (was {Describe(node)}).";
        return false;
    }

    private static string Describe(JsonNode? node) => node is null ? "null" : node.ToJsonString();
}
