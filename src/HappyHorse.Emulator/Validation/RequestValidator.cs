using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ContractFirst.Contract.Model;
using ContractFirst.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NJsonSchema;

namespace HappyHorse.Emulator.Validation;

/// <summary>A request that passed validation, with the contract's defaults resolved.</summary>
/// <param name="Action">The action, the default one when the body names none.</param>
/// <param name="Model">
/// The model: the body's, else the action's default, else (a contract with no default: the service picks one) the
/// action's first model; null for endpoints without models.
/// </param>
/// <param name="Body">The body as sent, plus the default of each field it leaves out (the schema's <c>default</c>), as the service applies them.</param>
internal sealed record ValidatedRequest(ActionSpec Action, string? Model, JsonObject Body);

/// <summary>
/// Checks a request body against one endpoint of the contract: the action's exported JSON Schema
/// (NJsonSchema) plus the rules a schema cannot express alone (dispatch on the discriminator with the
/// default action, or to the one action of an endpoint without a discriminator, and a model that belongs to
/// another action). Deliberately independent of the
/// generated SDK's validators, so each catches the other's mistakes.
/// </summary>
internal sealed class RequestValidator
{
    private const string PropertyNameNotWellFormed = "A property name of the body is not well-formed UTF-16 (it has an unpaired surrogate).";

    private readonly EndpointSpec _endpoint;
    private readonly Dictionary<string, JsonSchema> _schemas;

    public RequestValidator(EndpointSpec endpoint, ContractSchemaSet schemas)
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
        var valid = TryValidateBody(body, out request, out error);

        // A message may quote a value with an unpaired surrogate, which no JSON writer can put in a response.
        error = error is null ? null : Printable(error);
        return valid;
    }

    private bool TryValidateBody(string body, out ValidatedRequest? request, out string? error)
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
                model = action.DefaultModel ?? (action.Models.Count > 0 ? action.Models[0].Value : null);
            }
            else if (TryGetString(modelNode, out var id))
            {
                model = id;

                // The schema would only say "not one of"; the service says which family the model is from.
                var owner = _endpoint.FindActionOfModel(id);
                if (owner is not null && !action.HasModel(id))
                {
                    problems.Add($"{modelField} {id} belongs to action {owner.Value}, not {action.Value}; {action.Value} takes {string.Join(", ", action.Models.Select(m => m.Value))}");
                    skipModel = true;
                }
            }
        }

        var schema = _schemas[action.Value];
        foreach (var message in SchemaErrors.Describe(schema.Validate(token), action.Value).Concat(SchemaErrors.DescribeLengths(schema, token)))
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

        ApplyDefaults(schema, json);
        request = new ValidatedRequest(action, model, json);
        return true;
    }

    /// <summary>Fills in the default of each field the body leaves out, as the service does before it acts on a request.</summary>
    private static void ApplyDefaults(JsonSchema schema, JsonObject json)
    {
        foreach (var (name, property) in schema.Properties)
        {
            if (property.Default is { } value && !json.ContainsKey(name))
            {
                json[name] = value switch
                {
                    long number => JsonValue.Create(number),
                    decimal number => JsonValue.Create(number),
                    bool flag => JsonValue.Create(flag),
                    _ => JsonValue.Create(Convert.ToString(value, CultureInfo.InvariantCulture)),
                };
            }
        }
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
            if (node is JsonObject json && !TryReadPropertyNames(json))
            {
                error = PropertyNameNotWellFormed;
                return false;
            }

            // NJsonSchema validates Newtonsoft tokens; dates must stay strings, or a prompt that looks like one would change type.
            using var reader = new JsonTextReader(new StringReader(body)) { DateParseHandling = DateParseHandling.None };
            token = JToken.Load(reader);
            if (body.Contains("\\u", StringComparison.OrdinalIgnoreCase))
            {
                RestoreUnpairedSurrogates(body, token);
            }

            return true;
        }
        catch (Exception ex) when (ex is System.Text.Json.JsonException or JsonReaderException or ArgumentException)
        {
            error = "The body is not valid JSON: " + ex.Message;
            return false;
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json compares property names while it parses (duplicates are refused) and cannot read one
            // with an escaped unpaired surrogate.
            error = PropertyNameNotWellFormed;
            return false;
        }
    }

    /// <summary>Reads the property names now: an escaped unpaired surrogate in one makes System.Text.Json throw at first use.</summary>
    private static bool TryReadPropertyNames(JsonObject json)
    {
        try
        {
            _ = json.Count;
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private bool TryDispatch(JsonObject json, out ActionSpec action, out string? error)
    {
        action = null!;
        error = null;
        var allowed = string.Join(", ", _endpoint.Actions.Select(a => a.Value));
        if (_endpoint.Discriminator is not { } discriminator)
        {
            // A single operation: every body is its action's (the schema refuses a discriminator it does not declare).
            action = _endpoint.Actions[0];
            return true;
        }

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
        if (TryGetString(node, out var name) && _endpoint.FindAction(name) is { } found)
        {
            action = found;
            return true;
        }

        error = $"{discriminator} must be one of {allowed} (was {Describe(node)}).";
        return false;
    }

    private static string Describe(JsonNode? node)
    {
        try
        {
            return node is null ? "null" : node.ToJsonString();
        }
        catch (InvalidOperationException)
        {
            return "a string that is not well-formed UTF-16";
        }
    }

    /// <summary>Reads a string value; false for anything else, and for an escaped unpaired surrogate, which System.Text.Json refuses to read.</summary>
    private static bool TryGetString(JsonNode? node, out string text)
    {
        text = "";
        if (node is not JsonValue value)
        {
            return false;
        }

        try
        {
            return value.TryGetValue(out text!);
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>
    /// Newtonsoft reads an escaped unpaired surrogate (<c>"\ud800"</c>) as U+FFFD, which would hide it from the
    /// schemas' well-formed string pattern; put the code units that were sent back into the token's strings.
    /// Both readers have accepted the body, so their string values come in the same document order.
    /// </summary>
    private static void RestoreUnpairedSurrogates(string body, JToken token)
    {
        var strings = (token is JContainer container ? container.DescendantsAndSelf() : [token])
            .OfType<JValue>()
            .Where(v => v.Type == JTokenType.String)
            .ToList();
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(body), new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow });
        var index = 0;
        while (reader.Read())
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                continue;
            }

            var current = index++;
            if (!reader.ValueIsEscaped || current >= strings.Count)
            {
                continue;
            }

            try
            {
                _ = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                strings[current].Value = Unescape(reader.ValueSpan);
            }
        }
    }

    /// <summary>Unescapes a JSON string the reader has already checked, keeping unpaired surrogates as they were sent.</summary>
    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        while (!raw.IsEmpty)
        {
            var backslash = raw.IndexOf((byte)'\\');
            if (backslash < 0)
            {
                text.Append(Encoding.UTF8.GetString(raw));
                break;
            }

            text.Append(Encoding.UTF8.GetString(raw[..backslash]));
            var escape = (char)raw[backslash + 1];
            if (escape == 'u')
            {
                text.Append((char)int.Parse(Encoding.ASCII.GetString(raw.Slice(backslash + 2, 4)), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                raw = raw[(backslash + 6)..];
                continue;
            }

            text.Append(escape switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                _ => escape, // '"', '\\' and '/'
            });
            raw = raw[(backslash + 2)..];
        }

        return text.ToString();
    }

    /// <summary>Writes each unpaired surrogate of a message as a <c>\uXXXX</c> escape, so the message can be sent.</summary>
    private static string Printable(string message)
    {
        var index = ContractFirst.Runtime.Validate.IndexOfUnpairedSurrogate(message);
        if (index < 0)
        {
            return message;
        }

        var text = new StringBuilder(message.Length + 8);
        text.Append(message, 0, index);
        for (var i = index; i < message.Length; i++)
        {
            var c = message[i];
            if (char.IsHighSurrogate(c) && i + 1 < message.Length && char.IsLowSurrogate(message[i + 1]))
            {
                text.Append(c).Append(message[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                text.Append(c);
            }
        }

        return text.ToString();
    }
}
