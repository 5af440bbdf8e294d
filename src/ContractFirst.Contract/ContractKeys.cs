using System.Collections.ObjectModel;

namespace ContractFirst.Contract;

/// <summary>
/// The keys the parser accepts in each section of a contract: the single source the parser checks keys
/// against (anything else is CFG002) and that the editor schema (<c>spec/contract.schema.json</c>) is tested
/// against. Sections whose keys are names (<c>enums</c>, <c>endpoints</c>, <c>fields</c>, <c>models</c>,
/// <c>rates</c>, <c>assume</c>, the items of a price's <c>rates</c>) accept any key and are not listed.
/// </summary>
public static class ContractKeys
{
    internal static readonly string[] RootKeys = ["contract", "api", "enums", "objects", "endpoints", "polling", "models", "errors", "billing"];
    internal static readonly string[] ApiKeys = ["name", "title", "description", "base_url", "auth"];
    internal static readonly string[] AuthKeys = ["scheme", "token_env"];
    internal static readonly string[] EnumKeys = ["description", "values"];
    internal static readonly string[] EnumValueKeys = ["value", "name", "description"];
    internal static readonly string[] EndpointKeys =
        ["path", "description", "kind", "timeout_seconds", "discriminator", "default_action", "model_field", "models", "default_model", "response", "fields", "shared", "actions", "rules"];

    internal static readonly string[] RequestFieldKeys =
        ["type", "items", "description", "min", "max", "min_items", "max_items", "default", "min_length", "max_length", "pattern", "values"];

    internal static readonly string[] ModelFieldKeys = ["type", "items", "description", "nullable", "min", "max", "min_items", "max_items"];
    internal static readonly string[] ActionKeys = ["description", "method", "models", "default_model", "response", "fields", "rules"];
    internal static readonly string[] ModelIdKeys = ["id", "name", "description"];
    internal static readonly string[] ActionFieldKeys =
        ["required", "description", "min", "max", "min_items", "max_items", "default", "min_length", "max_length", "pattern", "values"];

    internal static readonly string[] PollingKeys =
    [
        "action", "task_id", "finished_when", "succeeded_when", "failed_when",
        "first_delay_seconds", "interval_seconds", "max_interval_seconds", "timeout_seconds",
    ];

    internal static readonly string[] TaskStateRuleKeys = ["field", "is", "any", "all", "present"];
    internal static readonly string[] ModelKeys = ["description", "fields"];
    internal static readonly string[] ObjectKeys = ["description", "fields", "rules"];

    /// <summary>A rule between fields: one of the one-of groups, a subject with what it requires or forbids, or a condition and its effects.</summary>
    internal static readonly string[] RuleKeys = ["exactly_one_of", "at_least_one_of", "field", "requires", "forbids", "when", "then", "description"];
    internal static readonly string[] RuleConditionKeys = ["field", "is", "in", "present"];
    internal static readonly string[] RuleEffectKeys = ["required", "forbidden", "fields"];
    internal static readonly string[] RuleLimitKeys = ["min", "max", "values", "min_length", "max_length"];

    /// <summary>An object's field: an endpoint field's keys, and whether the object needs it.</summary>
    internal static readonly string[] ObjectFieldKeys = [.. RequestFieldKeys, "required"];
    internal static readonly string[] ErrorsKeys = ["body", "cases"];
    internal static readonly string[] ErrorBodyKeys = ["code", "message", "trace_id"];
    internal static readonly string[] ErrorCaseKeys = ["status", "codes", "exception", "retryable", "resend_safe", "description"];

    /// <summary>The keys of a version 1 billing, one per-second price (still read, also in format 2 files); <c>prices</c> replaces them.</summary>
    internal static readonly string[] SinglePriceKeys = ["endpoint", "rate_field", "rates", "duration_field", "assume", "input_plus_output"];

    /// <summary>The billing section: its own keys and a version 1 billing's, which a billing with <c>prices</c> may not use (CFG071).</summary>
    internal static readonly string[] BillingKeys = ["currency", "description", "prices", .. SinglePriceKeys];

    /// <summary>One item of <c>billing.prices</c>. Its <c>rates</c> items and <c>assume</c> are keyed by field names.</summary>
    internal static readonly string[] PriceKeys = ["endpoint", "actions", "description", "unit", "quantity", "input_plus_output", "assume", "rate", "rates"];

    /// <summary>Gets the keys of each section, by section name: <c>root</c>, <c>api</c>, <c>api.auth</c>, <c>enum</c>,
    /// <c>enum.value</c>, <c>endpoint</c>, <c>endpoint.field</c>, <c>model.field</c>, <c>action</c>, <c>action.model</c>,
    /// <c>action.field</c>, <c>polling</c>, <c>polling.rule</c>, <c>model</c>, <c>errors</c>, <c>errors.body</c>,
    /// <c>errors.case</c>, <c>billing</c> and <c>billing.price</c>.</summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> Sections { get; } =
        new ReadOnlyDictionary<string, IReadOnlyList<string>>(new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal)
        {
            ["root"] = Array.AsReadOnly(RootKeys),
            ["api"] = Array.AsReadOnly(ApiKeys),
            ["api.auth"] = Array.AsReadOnly(AuthKeys),
            ["enum"] = Array.AsReadOnly(EnumKeys),
            ["enum.value"] = Array.AsReadOnly(EnumValueKeys),
            ["endpoint"] = Array.AsReadOnly(EndpointKeys),
            ["endpoint.field"] = Array.AsReadOnly(RequestFieldKeys),
            ["model.field"] = Array.AsReadOnly(ModelFieldKeys),
            ["action"] = Array.AsReadOnly(ActionKeys),
            ["action.model"] = Array.AsReadOnly(ModelIdKeys),
            ["action.field"] = Array.AsReadOnly(ActionFieldKeys),
            ["polling"] = Array.AsReadOnly(PollingKeys),
            ["polling.rule"] = Array.AsReadOnly(TaskStateRuleKeys),
            ["model"] = Array.AsReadOnly(ModelKeys),
            ["object"] = Array.AsReadOnly(ObjectKeys),
            ["rule"] = Array.AsReadOnly(RuleKeys),
            ["rule.when"] = Array.AsReadOnly(RuleConditionKeys),
            ["rule.then"] = Array.AsReadOnly(RuleEffectKeys),
            ["rule.limit"] = Array.AsReadOnly(RuleLimitKeys),
            ["object.field"] = Array.AsReadOnly(ObjectFieldKeys),
            ["errors"] = Array.AsReadOnly(ErrorsKeys),
            ["errors.body"] = Array.AsReadOnly(ErrorBodyKeys),
            ["errors.case"] = Array.AsReadOnly(ErrorCaseKeys),
            ["billing"] = Array.AsReadOnly(BillingKeys),
            ["billing.price"] = Array.AsReadOnly(PriceKeys),
        });
}
