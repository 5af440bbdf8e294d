using System.Text.Json;
using ContractFirst.Contract.Model;

namespace HappyHorse.Emulator.Validation;

/// <summary>
/// Checks a request body against one endpoint of the contract, read from the contract model itself (no JSON Schema
/// library, no reflection, so it runs trimmed and under Native AOT): the body must be readable JSON (<see cref="JsonBody"/>);
/// the discriminator picks the action (the default one when absent; an endpoint without one has a single action); the
/// model must be one the action takes; every field the action takes is checked in full (<see cref="FieldChecker"/>), and
/// so are the rules between them (<see cref="RuleChecker"/>). Fields the action does not take are refused in strict
/// mode, and otherwise accepted and left out, as the service does with what provider SDKs send (every field of the
/// endpoint, on every action). Deliberately independent of the generated SDK's validators, so each catches the
/// other's mistakes.
/// </summary>
internal sealed class RequestValidator
{
    private readonly EndpointSpec _endpoint;
    private readonly ContractIndex _contract;
    private readonly FieldChecker _fields;

    /// <summary>The JSON names each action takes at the top level, by action: its fields, the discriminator and (with models) the model.</summary>
    private readonly Dictionary<string, HashSet<string>> _own;

    public RequestValidator(ContractSpec contract, EndpointSpec endpoint)
    {
        ArgumentNullException.ThrowIfNull(contract);
        ArgumentNullException.ThrowIfNull(endpoint);
        _endpoint = endpoint;
        _contract = new ContractIndex(contract);
        _fields = new FieldChecker(_contract);
        _own = endpoint.Actions.ToDictionary(
            a => a.Value,
            a => a.Fields.Select(f => f.JsonName)
                .Concat(endpoint.Discriminator is { } discriminator ? [discriminator] : [])
                .Concat(endpoint.ModelField is { } model && !a.Models.IsEmpty ? [model] : [])
                .ToHashSet(StringComparer.Ordinal),
            StringComparer.Ordinal);
    }

    /// <summary>Validates one body.</summary>
    /// <param name="utf8Body">The body as sent.</param>
    /// <param name="strict">
    /// Whether fields the action does not take are refused (<c>&lt;field&gt; is not a field of &lt;action&gt;</c>);
    /// otherwise they are accepted unchecked, left out of the validated body and listed in
    /// <see cref="ValidationOutcome.IgnoredFields"/>.
    /// </param>
    /// <returns>The request, or the message naming every problem; never an exception, whatever the body.</returns>
    public ValidationOutcome Validate(ReadOnlySpan<byte> utf8Body, bool strict)
    {
        if (!JsonBody.TryRead(utf8Body, out var json, out var unreadable))
        {
            return Refused(unreadable, []);
        }

        if (json.ValueKind != JsonValueKind.Object)
        {
            return Refused($"The body must be a JSON object (was {ValueText.Of(json)}).", []);
        }

        if (!TryDispatch(json, out var action, out var undispatched))
        {
            return Refused(undispatched, []);
        }

        var problems = new Problems();
        var model = CheckModel(json, action, problems);
        foreach (var field in action.Fields)
        {
            if (json.TryGetProperty(field.JsonName, out var value))
            {
                _fields.Check(field, value, field.JsonName, problems);
            }
            else if (field.Required)
            {
                problems.Add($"{field.JsonName} is required");
            }
        }

        var own = _own[action.Value];
        var ignored = new List<string>();
        foreach (var property in json.EnumerateObject())
        {
            if (own.Contains(property.Name))
            {
                continue;
            }

            if (strict)
            {
                problems.Add($"{property.Name} is not a field of {action.Value}");
            }
            else
            {
                ignored.Add(property.Name);
            }
        }

        var scope = new RuleScope(json, action.Fields, action.Models.IsEmpty ? null : _endpoint.ModelField, action.DefaultModel);
        RuleChecker.Check(action.Rules, scope, "", problems);
        if (problems.Count > 0)
        {
            return Refused(problems.Describe(action.Value), ignored);
        }

        var body = ValidatedBody.Build(scope, action.Rules, own.Contains, _contract);
        return new ValidationOutcome(new ValidatedRequest(action, model, body), null, ignored);
    }

    private static ValidationOutcome Refused(string error, IReadOnlyList<string> ignored) =>
        new(null, ValueText.Printable(error), ignored);

    private bool TryDispatch(JsonElement json, out ActionSpec action, out string error)
    {
        action = _endpoint.Actions[0];
        error = "";
        if (_endpoint.Discriminator is not { } discriminator)
        {
            // A single operation: every body is its action's.
            return true;
        }

        var allowed = string.Join(", ", _endpoint.Actions.Select(a => a.Value));
        if (!json.TryGetProperty(discriminator, out var sent))
        {
            if (_endpoint.FindAction(_endpoint.DefaultAction) is { } fallback)
            {
                action = fallback;
                return true;
            }

            error = $"{discriminator} is required; one of {allowed}.";
            return false;
        }

        if (JsonBody.TryReadString(sent, out var name) && _endpoint.FindAction(name) is { } found)
        {
            action = found;
            return true;
        }

        error = $"{discriminator} must be one of {allowed} (was {ValueText.Of(sent)}).";
        return false;
    }

    /// <summary>
    /// The model the request uses: the body's when the action takes it, else the action's default, else (no default:
    /// the service picks one) its first; null for an action without models. A model of another action is named as such.
    /// </summary>
    private string? CheckModel(JsonElement json, ActionSpec action, Problems problems)
    {
        if (_endpoint.ModelField is not { } modelField || action.Models.IsEmpty)
        {
            return null;
        }

        if (!json.TryGetProperty(modelField, out var sent))
        {
            return action.DefaultModel ?? action.Models[0].Value;
        }

        JsonBody.TryReadString(sent, out var id);
        if (action.HasModel(id))
        {
            return id;
        }

        var models = string.Join(", ", action.Models.Select(m => m.Value));
        problems.Add(_endpoint.FindActionOfModel(id) is { } owner
            ? $"{modelField} {id} belongs to action {owner.Value}, not {action.Value}; {action.Value} takes {models}"
            : $"{modelField} must be one of {models} (was {ValueText.Of(sent)})");
        return null;
    }
}
